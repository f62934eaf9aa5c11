import { COMPARATORS } from '../../../model/partnership.js';
import type { Check, Finding } from '../check.js';

/**
 * Comparators are given by year, so the year is always stated; a comparison of this year's
 * local figure with an older comparator is pointed out so the text can say so.
 */
export const comparatorYears: Check = {
  id: 'comparator-years',
  paths: ['indicators.yaml indicators[].comparators'],
  sections: ['performance'],
  run({ report, at }) {
    const names = { england: 'England', region: 'the region', statistical_neighbours: 'statistical neighbours' };
    const older: Finding[] = [];
    report.sections.indicators?.indicators.forEach((indicator, i) => {
      if (indicator.values[report.year] === undefined) return;
      for (const comparator of COMPARATORS) {
        const years = Object.keys(indicator.comparators?.[comparator] ?? {}).sort();
        const latest = years.at(-1);
        if (latest && latest < report.year) {
          older.push({
            message: `"${indicator.label}" compares ${report.year} with ${names[comparator]}'s ${latest} figure: say so in the notes, or add the ${report.year} comparator when it is published`,
            where: at('indicators', ['indicators', i, 'comparators', comparator]),
          });
        }
      }
    });
    if (older.length === 0) return { status: 'met', met: [{ message: 'Every comparator is for the same year as the local figure, or earlier years are compared with earlier years' }], missing: [] };
    return { status: 'reminder', met: [], missing: older };
  },
};
