/** The year at a glance: the headline points, and the headline figures as tiles. */
import type { SafeHtml } from '../markdown.js';
import { mdList, type SectionDefinition } from './section.js';

export interface AtAGlanceView {
  points?: SafeHtml[];
  headlines: Array<{ label: string; value: string; unit?: string }>;
}

export const atAGlance: SectionDefinition<AtAGlanceView> = {
  title: 'The year at a glance',
  view({ data, figures }) {
    const headlines = (data.indicators?.indicators ?? [])
      .filter((indicator) => indicator.headline)
      .map((indicator) => ({
        label: indicator.label,
        value: figures.indicators.get(indicator.id)!.thisYear,
        unit: indicator.unit === 'rate-per-10000' ? 'per 10,000 children' : undefined,
      }))
      .filter((tile) => tile.value !== '');
    if (!data.report.at_a_glance && headlines.length === 0) return undefined;
    return { points: mdList(data.report.at_a_glance), headlines };
  },
};
