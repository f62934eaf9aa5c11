import type { YearFileName } from '../../../model/report-year.js';
import { outcome, type Check, type Finding } from '../check.js';

/** Whether an event date (2022-05-16, or 2022-05 for a month) falls in the period. */
export function inPeriod(date: string, start: string, end: string): boolean {
  if (date.length === 7) return date >= start.slice(0, 7) && date <= end.slice(0, 7);
  return date >= start && date <= end;
}

/** Dated events and figures belong to the reporting period unless marked as context. */
export const datesInPeriod: Check = {
  id: 'dates-in-period',
  paths: ['dates in report.yaml inspections, reviews.yaml, audits.yaml, voice.yaml', 'indicators.yaml values'],
  sections: [],
  reportWide: true,
  run({ report, at }) {
    const { start, end } = report.sections.report.period;
    const s = report.sections;
    const missing: Finding[] = [];
    const dated: Array<[YearFileName, Array<string | number>, { date?: string; context?: boolean; title?: string; name?: string } | undefined]> = [
      ...(s.report.inspections ?? []).map((item, i) => ['report', ['inspections', i], item] as [YearFileName, Array<string | number>, typeof item]),
      ...(s.reviews?.reviews ?? []).map((item, i) => ['reviews', ['reviews', i], item] as [YearFileName, Array<string | number>, typeof item]),
      ...(s.audits?.audits ?? []).map((item, i) => ['audits', ['audits', i], item] as [YearFileName, Array<string | number>, typeof item]),
      ...(s.voice?.feedback ?? []).map((item, i) => ['voice', ['feedback', i], item] as [YearFileName, Array<string | number>, typeof item]),
    ];
    let checked = 0;
    for (const [file, path, item] of dated) {
      if (!item?.date || item.context) continue;
      checked++;
      if (!inPeriod(item.date, start, end)) {
        missing.push({
          message: `"${item.title ?? item.name}" is dated ${item.date}, outside the period ${start} to ${end}: correct the date, or add context: true if it is included as context`,
          where: at(file, [...path, 'date']),
        });
      }
    }
    s.indicators?.indicators.forEach((indicator, i) => {
      for (const year of Object.keys(indicator.values)) {
        if (year > report.year) {
          missing.push({ message: `"${indicator.label}" has a figure for ${year}, after this report's year ${report.year}`, where: at('indicators', ['indicators', i, 'values', year]) });
        }
      }
    });
    return outcome(missing, [{ message: `${checked} dated items checked against ${start} to ${end}` }]);
  },
};
