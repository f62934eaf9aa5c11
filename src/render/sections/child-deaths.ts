/** Child deaths: the child death overview panel's year, with small counts protected. */
import type { ReportYear } from '../../model/report-year.js';
import type { SafeHtml } from '../markdown.js';
import { figureList, md, mdList, type FigureTile, type SectionDefinition } from './section.js';

export interface ChildDeathsView {
  panel?: NonNullable<ReportYear['child-deaths']>['panel'];
  summaryHtml?: SafeHtml;
  figures?: FigureTile[];
  themes?: SafeHtml[];
}

export const childDeaths: SectionDefinition<ChildDeathsView> = {
  title: 'Child deaths',
  view({ data, policy }) {
    const file = data['child-deaths'];
    if (!file) return undefined;
    return {
      panel: file.panel,
      summaryHtml: md(file.summary),
      figures: figureList(
        [
          ['Child deaths notified in the area', file.notifications],
          ['Child deaths notified across the panel\'s area', file.panel_area_notifications],
          ['Deaths that needed a joint agency response', file.joint_agency_responses],
          ['Reviews completed by the panel', file.reviews_completed],
        ],
        policy,
      ),
      themes: mdList(file.themes),
    };
  },
};
