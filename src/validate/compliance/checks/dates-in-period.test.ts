import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { scaffoldedReport } from '../../../../test/scaffold-fixture.js';
import { datesInPeriod, inPeriod } from './dates-in-period.js';

describe('dates-in-period', () => {
  it('treats a month as inside the period when it overlaps it', () => {
    expect(inPeriod('2023-03', '2022-04-01', '2023-03-31')).toBe(true);
    expect(inPeriod('2023-04', '2022-04-01', '2023-03-31')).toBe(false);
    expect(inPeriod('2022-03-31', '2022-04-01', '2023-03-31')).toBe(false);
  });
  it('is met when dated events fall in the period', async () => {
    expect(runCheck(datesInPeriod, await demoReport()).status).toBe('met');
  });
  it('is not met by an event after the period, unless it is marked as context', async () => {
    const late = await demoReport((r) => (r.sections.audits!.audits[0]!.date = '2023-06-12'));
    const result = runCheck(datesInPeriod, late);
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/is dated 2023-06-12, outside the period 2022-04-01 to 2023-03-31: correct the date, or add context: true/);
    const context = await demoReport((r) => Object.assign(r.sections.audits!.audits[0]!, { date: '2023-06-12', context: true }));
    expect(runCheck(datesInPeriod, context).status).toBe('met');
  });
  it('is not met by a figure for a later year than the report', async () => {
    const result = runCheck(datesInPeriod, await demoReport((r) => (r.sections.indicators!.indicators[0]!.values['2023-24'] = 5)));
    expect(result.missing[0]!.message).toMatch(/has a figure for 2023-24, after this report's year 2022-23/);
  });
  it('checks a year just started by report new-year, its figures still empty', async () => {
    for (const newYears of [['2024-25'], ['2024-25', '2025-26']]) {
      const report = await scaffoldedReport(newYears);
      const year = newYears.at(-1)!;
      expect(report.sections.indicators!.indicators[0]!.values).toEqual({});
      const result = runCheck(datesInPeriod, report);
      expect(result.status).toBe('met');
      expect(result.met[0]!.message).toBe(`0 dated items checked against ${year.slice(0, 4)}-04-01 to 20${year.slice(5)}-03-31`);
    }
  });
});
