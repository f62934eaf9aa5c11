import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { comparisonNeedsFigure } from './comparison-needs-figure.js';

const indicator = (r: ReportData, id: string) => r.sections.indicators!.indicators.find((i) => i.id === id)!;
const saying = (change: (r: ReportData) => void, ...sentences: string[]) =>
  demoReport((r) => {
    change(r);
    r.sections.report.at_a_glance!.push(...sentences);
  });

describe('comparison-needs-figure', () => {
  it('is met by the demo, whose comparisons in words all have their comparator figures', async () => {
    const result = runCheck(comparisonNeedsFigure, await demoReport());
    expect(result.status).toBe('met');
    expect(result.met[0]!.message).toMatch(/^\d+ comparisons in the text have their comparator figure in indicators\.yaml$/);
  });

  it('is not met when the text compares an indicator with England but the data gives no England figure', async () => {
    // The demo's at-a-glance line, "now below the England average of 21.5%", without the England figures.
    const result = runCheck(comparisonNeedsFigure, await demoReport((r) => delete indicator(r, 're-referrals').comparators!.england));
    expect(result.status).toBe('not-met');
    expect(result.missing).toEqual([
      expect.objectContaining({
        message: 'The text compares "Re-referrals within 12 months" with England, but indicators.yaml gives no England figure for it: add comparators: england: with the figure and its year, or take the comparison out',
        quote: 'Re-referrals to children\'s social care within 12 months fell from 22.9% to 20.4%, now below the England average of 21.5%.',
        where: expect.objectContaining({ file: expect.stringMatching(/report\.yaml$/) }),
      }),
    ]);
  });

  it('names each kind of comparator asserted and missing: the region by its name, statistical neighbours, similar areas', async () => {
    // seed 001:L306: "below the West Midlands average (85%), below the England average (83%) and also the Statistical Neighbour average (80.5%)".
    const region = await saying(
      (r) => delete indicator(r, 'icpc-15-days').comparators!.region,
      'Initial child protection conferences within 15 working days were below the West Midlands average (85%), below the England average (83%) and also the statistical neighbour average (80.5%).',
    );
    expect(runCheck(comparisonNeedsFigure, region).missing.map((m) => m.message)).toEqual([expect.stringMatching(/^The text compares "Initial child protection conferences within 15 working days" with West Midlands, but indicators\.yaml gives no West Midlands figure/)]);
    // seed 004:L127 wording ("in line with national averages"), for similar areas and a measure with no comparators.
    const neighbours = await saying(() => {}, 'Initial health assessments within 20 working days of coming into care are in line with similar areas.');
    expect(runCheck(comparisonNeedsFigure, neighbours).missing[0]!.message).toMatch(/with statistical neighbours, but indicators\.yaml gives no statistical neighbours figure for it: add comparators: statistical_neighbours:/);
    const national = await saying(() => {}, 'Initial health assessments within 20 working days of coming into care are lower than the national average.');
    expect(runCheck(comparisonNeedsFigure, national).missing[0]!.message).toMatch(/"Initial health assessments within 20 working days of coming into care" with England/);
  });

  it('reads an indicator\'s notes whose subject is its own figure ("Kingsmere\'s rate is below England\'s")', async () => {
    const result = runCheck(comparisonNeedsFigure, await demoReport((r) => delete indicator(r, 'referral-rate').comparators));
    expect(result.missing.map((m) => m.message)).toEqual([
      expect.stringMatching(/^The text compares "Referrals to children's social care" with England/),
      expect.stringMatching(/^The text compares "Referrals to children's social care" with statistical neighbours/),
    ]);
    expect(result.missing[0]!.quote).toBe("Kingsmere's rate is below England's and well below similar areas because more families are helped through early help without needing a referral.");
  });

  it('is met by the partnership\'s own comparator for "other areas"', async () => {
    const result = runCheck(comparisonNeedsFigure, await saying(
      (r) => (indicator(r, 'initial-health-assessments').comparators = { others: [{ name: 'Core cities', values: { '2022-23': 52.0 } }] }),
      'Initial health assessments within 20 working days of coming into care compare poorly with other areas.',
    ));
    expect(result.status).toBe('met');
  });

  it('leaves alone aims, sentences naming no indicator, and figures of another measure beside a rate', async () => {
    const result = runCheck(comparisonNeedsFigure, await saying(
      (r) => {
        delete indicator(r, 'referral-rate').comparators;
        delete indicator(r, 'referral-rate').notes;
      },
      'We aim to bring initial health assessments within 20 working days of coming into care in line with the national average.',
      // seed 001:L168: the area, not an indicator.
      'Children from minority ethnic groups are 49% of all children, compared with 26.2% in England.',
      // a share of referrals (re-referrals), not the rate of referrals.
      'In 2021-22, 22.9% of referrals to children\'s social care were for children referred again within a year, above the England average.',
      // the National Panel is not a comparator.
      'Re-referrals within 12 months were discussed with the National Panel.',
      // national guidance and NHS England are not comparators either.
      'Initial health assessments within 20 working days of coming into care are carried out in line with national guidance.',
      'Initial health assessments within 20 working days of coming into care are monitored against NHS England standards.',
    ));
    expect(result.status).toBe('met');
  });
});
