import { outcome, type Check } from '../check.js';

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Every 12-month period is reported on: this year's period starts the day after last year's ended. */
export const periodFollowsOn: Check = {
  id: 'period-follows-on',
  paths: ['report.yaml period.start', 'last year\'s report.yaml period.end'],
  sections: ['about-this-report'],
  run({ report, at }) {
    const where = at('report', ['period', 'start']);
    const previous = report.previousPeriod;
    if (!previous) return outcome([], [{ message: 'There is no earlier year in the data folder to follow on from', where }]);
    const expected = dayAfter(previous.end);
    const { start } = report.sections.report.period;
    if (start !== expected) {
      const what = start > expected ? `leaves a gap after ${previous.year}, which ended on ${previous.end}` : `overlaps ${previous.year}, which ended on ${previous.end}`;
      return outcome([{ message: `The period starts on ${start} and ${what}: it should start on ${expected}`, where }], []);
    }
    return outcome([], [{ message: `Follows on from ${previous.year}, which ended on ${previous.end}`, where }]);
  },
};
