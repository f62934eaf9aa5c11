/** Allegations against people who work with children: the LADO's year. */
import { formatCount } from '../format.js';
import type { TableView } from '../indicator-view.js';
import type { SafeHtml } from '../markdown.js';
import { figureList, md, mdList, type FigureTile, type SectionDefinition } from './section.js';

export interface LadoView {
  summaryHtml?: SafeHtml;
  figures?: FigureTile[];
  bySector?: TableView;
  themes?: SafeHtml[];
}

export const lado: SectionDefinition<LadoView> = {
  title: 'Allegations against people who work with children',
  view({ data, year }) {
    const file = data.lado;
    if (!file) return undefined;
    return {
      summaryHtml: md(file.summary),
      figures: figureList([
        [`Referrals to the LADO in ${year}`, file.referrals],
        ['Referrals the year before', file.referrals_last_year],
      ]),
      bySector: file.by_sector && {
        caption: 'Referrals to the LADO by the sector the person works in',
        columns: ['Referrals'],
        rows: file.by_sector.map((row) => ({ header: row.sector, cells: [formatCount(row.referrals)] })),
      },
      themes: mdList(file.themes),
    };
  },
};
