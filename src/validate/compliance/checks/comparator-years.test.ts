import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { scaffoldedReport } from '../../../../test/scaffold-fixture.js';
import { comparatorYears } from './comparator-years.js';

describe('comparator-years', () => {
  it('is met when comparators are for the same year', async () => {
    expect(runCheck(comparatorYears, await demoReport()).status).toBe('met');
  });
  it('points out this year\'s figure compared with an older national one', async () => {
    const result = runCheck(comparatorYears, await demoReport((r) => {
      const indicator = r.sections.indicators!.indicators.find((i) => i.comparators?.england?.['2022-23'] !== undefined)!;
      delete indicator.comparators!.england!['2022-23'];
      indicator.comparators!.england!['2021-22'] = 21.5;
    }));
    expect(result.status).toBe('reminder');
    expect(result.missing[0]!.message).toMatch(/compares 2022-23 with England's 2021-22 figure/);
  });
  it('has nothing to point out in a year just started, its figures still empty', async () => {
    const result = runCheck(comparatorYears, await scaffoldedReport());
    expect(result).toEqual({ status: 'met', met: [expect.objectContaining({ message: expect.stringMatching(/^Every comparator is for the same year/) })], missing: [] });
  });
});
