import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { lastDayOfYearFrom, periodLength } from './period-length.js';

describe('period-length', () => {
  it('knows the last day of twelve months, leap years included', () => {
    expect(lastDayOfYearFrom('2022-04-01')).toBe('2023-03-31');
    expect(lastDayOfYearFrom('2023-03-01')).toBe('2024-02-29');
  });
  it('is met by April to March', async () => {
    expect(runCheck(periodLength, await demoReport()).status).toBe('met');
  });
  it('is not met by thirteen months', async () => {
    const result = runCheck(periodLength, await demoReport((r) => (r.sections.report.period.end = '2023-04-30')));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toBe('The period 2022-04-01 to 2023-04-30 is longer than twelve months: it should end by 2023-03-31');
  });
});
