import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { narrativeDirection } from './narrative-direction.js';

const indicator = (r: ReportData, id: string) => r.sections.indicators!.indicators.find((i) => i.id === id)!;
const saying = (...sentences: string[]) => demoReport((r) => r.sections.report.at_a_glance!.push(...sentences));

describe('narrative-direction', () => {
  it('is met by the demo, whose words about rises and falls agree with its figures', async () => {
    const result = runCheck(narrativeDirection, await demoReport());
    expect(result.status).toBe('met');
    expect(result.met[0]!.message).toMatch(/^\d+ statements of which way an indicator moved agree with its figures$/);
  });

  it('is not met by a clear rise described as stable, quoting the sentence', async () => {
    // seed 001:L423 wording ("has remained the same as the previous year") for contacts, which rose 4.4%.
    const result = runCheck(narrativeDirection, await demoReport((r) => (indicator(r, 'contacts').notes = 'Contacts to the Kingsmere Front Door have remained the same as the previous year.')));
    expect(result.status).toBe('not-met');
    expect(result.missing).toEqual([
      expect.objectContaining({
        message: 'The text describes "Contacts to the Kingsmere Front Door" as unchanged, but indicators.yaml gives 20,940 in 2021-22 and 21,870 in 2022-23, a rise: correct the words or the figures',
        quote: 'Contacts to the Kingsmere Front Door have remained the same as the previous year.',
        where: expect.objectContaining({ file: expect.stringMatching(/indicators\.yaml$/) }),
      }),
    ]);
  });

  it('is not met by a fall described as a rise, or a rise as a fall', async () => {
    // seed 001:L248 gives domestic abuse contacts "slightly lower than the previous end of year position";
    // here re-referrals, which fell from 22.9% to 20.4%, are said to have increased.
    const rise = runCheck(narrativeDirection, await saying('Re-referrals within 12 months increased this year.'));
    expect(rise.missing[0]!.message).toMatch(/describes "Re-referrals within 12 months" as a rise, but indicators\.yaml gives 22\.9% in 2021-22 and 20\.4% in 2022-23, a fall/);
    const fall = runCheck(narrativeDirection, await saying('Return home interviews offered within 72 hours fell.'));
    expect(fall.missing[0]!.message).toMatch(/as a fall, but indicators\.yaml gives 64\.9% in 2021-22 and 78\.4% in 2022-23, a rise/);
  });

  it('reads a note whose subject refers back to its indicator ("The rise", "It")', async () => {
    const result = runCheck(narrativeDirection, await demoReport((r) => (indicator(r, 'cla-rate').notes = 'The rise came mainly from children seeking asylum.')));
    // Children in care went from 82.0 to 80.1 per 10,000.
    expect(result.missing[0]!.message).toMatch(/describes "Children in care" as a rise, but indicators\.yaml gives 82 per 10,000 in 2021-22 and 80\.1 per 10,000 in 2022-23, a fall/);
  });

  it('is not met by a rise of several points called stable', async () => {
    // seed 001:L933 wording ("have remained consistent") for initial child protection conferences in time, 74.6% to 81.3%.
    const result = runCheck(narrativeDirection, await saying('Initial child protection conferences within 15 working days have remained consistent.'));
    expect(result.missing[0]!.message).toMatch(/as stable, but indicators\.yaml gives 74\.6% in 2021-22 and 81\.3% in 2022-23, a rise/);
  });

  it('lets a small change be called stable, and a small change be called a rise', async () => {
    // seed 001:L382: private fostering "an increase of 4 from the previous year's (21/22) report", 9 to 13.
    const result = runCheck(narrativeDirection, await demoReport((r) => {
      r.sections.indicators!.indicators.push({ id: 'private-fostering', label: 'Children in private fostering arrangements', group: 'Children in care', unit: 'count', polarity: 'neither', values: { '2021-22': 9, '2022-23': 13 } });
      r.sections.report.at_a_glance!.push(
        'Children in private fostering arrangements: an increase of 4 from the previous year\'s (21/22) report.',
        // cla-rate moved from 82.0 to 80.1 (2.3%): fairly called stable.
        'Children in care remained broadly stable.',
      );
    }));
    expect(result.status).toBe('met');
  });

  it('leaves alone comparisons, parts of the year, subgroups, negations, plans and figures of other measures', async () => {
    const result = runCheck(narrativeDirection, await saying(
      // seed 001:L290: a comparison with other areas, not with last year.
      'Re-referrals within 12 months rose above the England average.',
      // seed 001:L264-267: a quarter.
      'Contacts rose in the fourth quarter.',
      // demo: a part of the contacts.
      'Contacts from members of the public and family fell by 12%.',
      'Re-referrals within 12 months did not rise.',
      'We aim to see re-referrals within 12 months rise as families ask for help sooner.',
      // demo priorities.yaml: an audit's figure beside a rate.
      'Referrals to children\'s social care at the right level of need fell to 71% in the 2021 audit.',
      // seed 001:L1368, as the Sandwell example words it: "fell below" a threshold is not a fall.
      'Too many contacts fell below the threshold for statutory services.',
      // part of the year, and a share of the measure rather than the measure.
      'Contacts rose in the last six months.',
      'Contacts rose in March 2023.',
      '35% of re-referrals were for children living with domestic abuse, up from 30%.',
    ));
    expect(result.status).toBe('met');
  });

  it('has nothing to check in a report without last year\'s figures', async () => {
    const result = runCheck(narrativeDirection, await demoReport((r) => r.sections.indicators!.indicators.forEach((i) => delete i.values['2021-22'])));
    expect(result.met[0]!.message).toBe('No sentence says which way an indicator moved between last year and this, so there is nothing to check');
  });
});
