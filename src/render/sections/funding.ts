/** Funding: what each partner contributed, and how the budget was spent. */
import { formatMoney, formatPercent } from '../format.js';
import type { TableView } from '../indicator-view.js';
import type { SafeHtml } from '../markdown.js';
import { md, type SectionDefinition } from './section.js';

export interface FundingView {
  summaryHtml?: SafeHtml;
  /** false when no partner's contribution is given. */
  contributions: TableView | false;
  spending?: TableView;
}

export const funding: SectionDefinition<FundingView> = {
  title: 'Funding',
  view({ data }) {
    const file = data.funding;
    if (!file) return undefined;
    const contributions = file.contributions ?? [];
    // Each share is of the total the report states; of the contributions' sum only when it states none.
    const whole = file.total ?? contributions.reduce((sum, row) => sum + row.amount, 0);
    return {
      summaryHtml: md(file.summary),
      contributions: contributions.length > 0 && {
        caption: 'Contributions to the partnership\'s budget',
        columns: ['Amount', 'Share'],
        rows: contributions.map((row) => ({
          header: row.partner,
          cells: [formatMoney(row.amount), whole > 0 ? formatPercent((row.amount / whole) * 100) : ''],
        })),
        ...(file.total !== undefined ? { total: formatMoney(file.total) } : {}),
      },
      spending: file.spending && {
        caption: 'How the budget was spent',
        columns: ['Amount'],
        rows: file.spending.map((row) => ({ header: row.item, cells: [formatMoney(row.amount)] })),
      },
    };
  },
};
