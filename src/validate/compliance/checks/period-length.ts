import { outcome, type Check } from '../check.js';

/** The day a period of twelve months starting on `start` ends: 2022-04-01 -> 2023-03-31. */
export function lastDayOfYearFrom(start: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** A report at least once in every 12-month period: one report covers no more than 12 months. */
export const periodLength: Check = {
  id: 'period-length',
  paths: ['report.yaml period'],
  sections: ['about-this-report'],
  run({ report, at }) {
    const { start, end } = report.sections.report.period;
    const latest = lastDayOfYearFrom(start);
    const where = at('report', ['period', 'end']);
    if (end > latest) {
      return outcome([{ message: `The period ${start} to ${end} is longer than twelve months: it should end by ${latest}`, where }], []);
    }
    return outcome([], [{ message: `The period ${start} to ${end} is no longer than twelve months`, where }]);
  },
};
