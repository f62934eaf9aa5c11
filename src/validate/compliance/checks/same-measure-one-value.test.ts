import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import type { Indicator } from '../../../model/report-year.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { clausesOf, indicatorForms, mentionsIn, sentencesOf } from '../prose.js';
import { sameMeasureOneValue } from './same-measure-one-value.js';

const indicator = (r: ReportData, id: string) => r.sections.indicators!.indicators.find((i) => i.id === id)!;
const addIndicator = (r: ReportData, extra: Partial<Indicator> & Pick<Indicator, 'id' | 'label' | 'values'>) =>
  r.sections.indicators!.indicators.push({ group: 'The front door', unit: 'count', polarity: 'neither', ...extra });

describe('same-measure-one-value', () => {
  it('is met by the demo, whose figures in words agree with its indicators', async () => {
    const result = runCheck(sameMeasureOneValue, await demoReport());
    expect(result.status).toBe('met');
    expect(result.met[0]!.message).toMatch(/^\d+ figures given more than once agree$/);
  });

  describe('two indicators for one measure', () => {
    it('is not met when two indicators with the same label give one year two values', async () => {
      // seed 001:L180 and L240: 29,729 total contacts in the summary of the year, 29,563 in the text.
      const result = runCheck(sameMeasureOneValue, await demoReport((r) => {
        addIndicator(r, { id: 'total-contacts', label: 'Contacts to the front door', values: { '2022-23': 29729 } });
        addIndicator(r, { id: 'contacts-received', label: 'Contacts to the Front Door', values: { '2022-23': 29563 } });
      }));
      expect(result.status).toBe('not-met');
      expect(result.missing).toEqual([
        expect.objectContaining({
          message: '"Contacts to the front door" (total-contacts) and "Contacts to the Front Door" (contacts-received) have the same label but give 2022-23 as 29,729 and 29,563: if they are one measure keep one figure; if not, say in each label or definition what makes them different',
          quote: 'total-contacts: 29729; contacts-received: 29563',
        }),
      ]);
    });

    it('is not met when two indicators share a definition', async () => {
      const result = runCheck(sameMeasureOneValue, await demoReport((r) => {
        const reReferrals = indicator(r, 're-referrals');
        addIndicator(r, { id: 'repeat-referrals', label: 'Repeat referrals', definition: reReferrals.definition!, unit: 'percentage', values: { '2022-23': 23 } });
      }));
      expect(result.missing[0]!.message).toMatch(/have the same definition but give 2022-23 as 20\.4% and 23%/);
    });

    it('leaves alone the same label for another district, another unit, or a snapshot beside a whole year', async () => {
      // seed 004:L114-122: one label, a figure for each district.
      const result = runCheck(sameMeasureOneValue, await demoReport((r) => {
        addIndicator(r, { id: 'gld-bromsgrove', label: 'Good level of development', area: 'Bromsgrove', unit: 'percentage', values: { '2022-23': 75.8 } });
        addIndicator(r, { id: 'gld-malvern', label: 'Good level of development', area: 'Malvern', unit: 'percentage', values: { '2022-23': 75.3 } });
        addIndicator(r, { id: 'cla-count', label: 'Children in care', values: { '2022-23': 548 } });
        addIndicator(r, { id: 'contacts-at-end', label: 'Contacts to the Kingsmere Front Door', values: { '2022-23': { value: 1900, as_at: '2023-03-31' } } });
      }));
      expect(result.status).toBe('met');
    });
  });

  describe('a sentence giving an indicator\'s figure', () => {
    it('is not met when a note gives the year\'s count differently, quoting the sentence', async () => {
      // seed 001:L180 against L240, as the Sandwell example notes it.
      const result = runCheck(sameMeasureOneValue, await demoReport((r) => {
        indicator(r, 'contacts').notes = 'The summary of the year gives 21,780 total contacts.';
      }));
      expect(result.status).toBe('not-met');
      expect(result.missing).toEqual([
        expect.objectContaining({
          message: 'The text gives 21,780 for "Contacts to the Kingsmere Front Door" in 2022-23, but indicators.yaml gives 21,870: correct one of them, or say in the sentence what the other figure measures (another date, part of the year or group)',
          quote: 'The summary of the year gives 21,780 total contacts.',
          where: expect.objectContaining({ file: expect.stringMatching(/indicators\.yaml$/), line: expect.any(Number) }),
        }),
      ]);
    });

    it('reads "from last year\'s figure to this year\'s" against both years', async () => {
      const thisYear = await demoReport((r) => (r.sections.report.at_a_glance![0] = 'Re-referrals to children\'s social care within 12 months fell from 22.9% to 21.4%.'));
      expect(runCheck(sameMeasureOneValue, thisYear).missing[0]!.message).toMatch(/^The text gives 21\.4% for "Re-referrals within 12 months" in 2022-23, but indicators\.yaml gives 20\.4%/);
      const lastYear = await demoReport((r) => (r.sections.report.at_a_glance![0] = 'Re-referrals to children\'s social care within 12 months fell from 23.9% to 20.4%.'));
      expect(runCheck(sameMeasureOneValue, lastYear).missing[0]!.message).toMatch(/^The text gives 23\.9% for "Re-referrals within 12 months" in 2021-22, but indicators\.yaml gives 22\.9%/);
      const upFrom = await demoReport((r) => (r.sections.report.at_a_glance![0] = 'Care leavers\' education, employment and training improved this year (58.3%, up from 50.9%).'));
      expect(runCheck(sameMeasureOneValue, upFrom).missing[0]!.message).toMatch(/gives 50\.9% for "Care leavers aged 19 to 21 in education, employment or training" in 2021-22, but indicators\.yaml gives 51\.9%/);
    });

    it('reads a figure for the end of the period as the year\'s snapshot', async () => {
    // seed 001:L324 wording, with a rate that is not the demo's 39.8.
    const result = runCheck(sameMeasureOneValue, await demoReport((r) => r.sections.report.at_a_glance!.push('At the end of March 2023 children on child protection plans were 38.2 per 10,000.')));
    expect(result.missing[0]!.message).toMatch(/^The text gives 38\.2 per 10,000 for "Children on child protection plans" in 2022-23, but indicators\.yaml gives 39\.8 per 10,000/);
  });

  it('accepts the figure as the text rounds it, and a share of the whole beside comparators', async () => {
      const result = runCheck(sameMeasureOneValue, await demoReport((r) => {
        // seed 001:L290, with the demo's figure: a share, then the comparators' averages.
        r.sections.report.at_a_glance!.push('20% of referrals were re-referrals, above the West Midlands (19.6%), statistical neighbour (22.0%) and England (21.5%) averages.');
        // seed 001:L324: "a rate of 39 young people in every 10,000" for 39.8.
        indicator(r, 'cp-plan-rate').notes = 'Children on child protection plans: 39 in every 10,000.';
      }));
      expect(result.status).toBe('met');
    });

    it('does not read a target, a sample, a part or another time as the year\'s figure', async () => {
      const result = runCheck(sameMeasureOneValue, await demoReport((r) => {
        r.sections.report.at_a_glance!.push(
          // demo next-year.yaml: a target.
          'Raise the share of early help assessments led by partner agencies to 50%.',
          // seed 001:L241: a part of the contacts.
          'Education made 4,489 contacts to the Kingsmere Front Door (15.2% of all contacts).',
          // demo reviews.yaml: an audit's sample.
          'The audit found 18 of 20 contacts received the right response.',
          // seed 001:L248: last year's position.
          'Re-referrals within 12 months were 22.9% in the previous year.',
          // seed 001:L264-267: a quarter.
          'Re-referrals within 12 months were 25.0% in the fourth quarter.',
          // a month, and a share of the measure rather than the measure.
          'In March 2023, 2,010 contacts were received.',
          '35% of re-referrals were for children living with domestic abuse.',
          'Of re-referrals, the share about domestic abuse rose from 30% to 35%.',
        );
      }));
      expect(result.status).toBe('met');
    });
  });

  it('names an indicator by its label or its head, not by a part of it', async () => {
    const report = await demoReport();
    const forms = indicatorForms(report);
    const named = (text: string) => mentionsIn(text, forms).map((m) => m.indicator.id);
    expect(named('Contacts rose by 4.4%.')).toEqual(['contacts']);
    expect(named('Contacts from members of the public and family rose by 12%.')).toEqual([]);
    expect(named('Re-referrals and repeat child protection plans fell.')).toEqual(['re-referrals']);
    // "early help assessments" heads two labels (started, led by partners): it names neither.
    expect(named('Early help assessments rose.')).toEqual([]);
    expect(sentencesOf('Contacts rose by 4.4%. About 35% came from the police.\n\n- One point')).toEqual(['Contacts rose by 4.4%.', 'About 35% came from the police.', 'One point']);
    expect(clausesOf('23% of referrals were re-referrals, above the England average (21.5%)')).toEqual(['23% of referrals were re-referrals', 'above the England average (21.5%)']);
  });
});
