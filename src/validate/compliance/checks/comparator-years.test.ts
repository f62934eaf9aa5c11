import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { scaffoldedReport } from '../../../../test/scaffold-fixture.js';
import { comparatorYears } from './comparator-years.js';

/** The demo's re-referrals with its 2022-23 comparators taken away: each comparator's latest is 2021-22. */
const olderComparators = (r: ReportData) => {
  const reReferrals = r.sections.indicators!.indicators.find((i) => i.id === 're-referrals')!;
  for (const c of ['england', 'region', 'statistical_neighbours'] as const) delete reReferrals.comparators![c]!['2022-23'];
  return reReferrals;
};

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

  it('points it out once per indicator, however many of its comparators are older', async () => {
    const result = runCheck(comparatorYears, await demoReport(olderComparators));
    expect(result.status).toBe('reminder');
    expect(result.missing).toEqual([
      expect.objectContaining({
        message: '"Re-referrals within 12 months" compares 2022-23 with England\'s 2021-22, West Midlands\' 2021-22 and statistical neighbours\' 2021-22 figures: say so in its notes (for example "England figure is for 2021-22"), or add the 2022-23 comparator when it is published',
        quote: '2022-23: 20.4; England 2021-22: 21.6; West Midlands 2021-22: 20.3; Statistical neighbours 2021-22: 22.4',
      }),
    ]);
  });

  it('is met once the notes say which year the comparators are for, in any way a report writes a year', async () => {
    for (const notes of ['The England, regional and statistical neighbour figures are for 2021-22, the latest published.', 'Comparators are for 2021/22.', 'Comparator figures relate to 2021 to 2022.']) {
      const result = runCheck(comparatorYears, await demoReport((r) => (olderComparators(r).notes = notes)));
      expect(result.status, notes).toBe('met');
      expect(result.met[0]!.message).toBe('Every older comparator is said to be older (3 in all); the others are for the same year as the local figure');
    }
    // Naming only some of the years leaves the others to point out.
    const partly = runCheck(comparatorYears, await demoReport((r) => {
      const indicator = olderComparators(r);
      indicator.comparators!.england!['2020-21'] = 22.7;
      delete indicator.comparators!.england!['2021-22'];
      indicator.notes = 'Regional and statistical neighbour figures are for 2021-22.';
    }));
    expect(partly.missing[0]!.message).toMatch(/compares 2022-23 with England's 2020-21 figure: say so/);
  });

  it('is met by a report\'s own way of giving the comparator\'s year', async () => {
    // seed 004:L114-116: "2018 - 2019 GLD Analysis (National Average 71.8 ...)".
    const result = runCheck(comparatorYears, await demoReport((r) => {
      const indicator = r.sections.indicators!.indicators.find((i) => i.id === 'care-leavers-eet')!;
      indicator.comparators = { england: { '2018-19': 71.8 } };
      indicator.notes = 'The National Average of 71.8 is from the 2018 - 2019 analysis, the latest available.';
    }));
    expect(result.status).toBe('met');
  });

  it('is met when the older comparator states its own period or note', async () => {
    const result = runCheck(comparatorYears, await demoReport((r) => {
      const indicator = olderComparators(r);
      indicator.comparators!.england!['2021-22'] = { value: 21.6, from: '2021-04', to: '2022-03' };
      indicator.comparators!.region!['2021-22'] = { value: 20.3, note: 'The latest regional figure published.' };
      indicator.comparators!.statistical_neighbours!['2021-22'] = { value: 22.4, as_at: '2022-03-31' };
    }));
    expect(result.status).toBe('met');
  });

  it('points out the partnership\'s own comparators too', async () => {
    const result = runCheck(comparatorYears, await demoReport((r) => {
      const ihas = r.sections.indicators!.indicators.find((i) => i.id === 'initial-health-assessments')!;
      ihas.comparators = { others: [{ name: 'Core cities', values: { '2021-22': 48.0 } }] };
    }));
    expect(result.missing[0]!.message).toMatch(/"Initial health assessments within 20 working days of coming into care" compares 2022-23 with Core cities' 2021-22 figure/);
  });

  it('has nothing to point out in a year just started, its figures still empty', async () => {
    const result = runCheck(comparatorYears, await scaffoldedReport());
    expect(result).toEqual({ status: 'met', met: [expect.objectContaining({ message: expect.stringMatching(/^Every comparator is for the same year/) })], missing: [] });
  });
});
