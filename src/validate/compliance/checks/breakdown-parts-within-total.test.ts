import { describe, expect, it } from 'vitest';
import type { Breakdown } from '../../../model/report-year.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { breakdownPartsWithinTotal } from './breakdown-parts-within-total.js';

const withBreakdown = (breakdown: Breakdown) => demoReport((r) => r.sections.indicators!.breakdowns!.push(breakdown));
const parts = (...values: Array<[string, number | 'c']>) => values.map(([label, value]) => ({ label, value }));

describe('breakdown-parts-within-total', () => {
  it('has nothing to add up when no breakdown of a count states its total (the demo)', async () => {
    const result = runCheck(breakdownPartsWithinTotal, await demoReport());
    expect(result).toEqual({ status: 'met', met: [{ message: 'No breakdown of a count states its total, so there is nothing to add up' }], missing: [] });
  });

  it('is met when the parts add up to the total, or to less (a report may break down only some of it)', async () => {
    // seed 001:L271-273: 641 children on a child in need plan, 341 male, 285 female, 15 unborn.
    const gender = runCheck(breakdownPartsWithinTotal, await withBreakdown({ id: 'cin-by-gender', label: 'Children on a child in need plan by gender', group: 'Children in need', unit: 'count', parts: parts(['Male', 341], ['Female', 285], ['Unborn', 15]), total: 641 }));
    expect(gender.status).toBe('met');
    expect(gender.met[0]).toMatchObject({ message: '"Children on a child in need plan by gender": the parts add up to 641, the stated total of 641', quote: 'Male 341; Female 285; Unborn 15; total 641' });
    // seed 001:L260-261: 50 children at risk of exploitation; none low, 39 medium, 9 high risk.
    const risk = runCheck(breakdownPartsWithinTotal, await withBreakdown({ id: 'risk', label: 'Children at risk of exploitation by level of risk', group: 'Exploitation', unit: 'count', parts: parts(['Low', 0], ['Medium', 39], ['High', 9]), total: 50 }));
    expect(risk.status).toBe('met');
    expect(risk.met[0]!.message).toMatch(/add up to 48, within the stated total of 50/);
  });

  it('is not met when the parts add up to more than the stated total', async () => {
    // seed 001:L240 gives 29,563 contacts for the year; its quarterly table (L264-265) adds up to 29,726.
    const result = runCheck(breakdownPartsWithinTotal, await withBreakdown({ id: 'contacts-by-quarter', label: 'Contacts to the front door by quarter', group: 'The front door', unit: 'count', parts: parts(['Q1', 7496], ['Q2', 7072], ['Q3', 7233], ['Q4', 7925]), total: 29563 }));
    expect(result.status).toBe('not-met');
    expect(result.missing).toEqual([
      expect.objectContaining({
        message: '"Contacts to the front door by quarter": the parts add up to 29,726, more than the stated total of 29,563: correct a part or the total, or, if a child (or contact) can be counted in more than one part, say so in the notes',
        quote: 'Q1 7,496; Q2 7,072; Q3 7,233; Q4 7,925; total 29,563',
        where: expect.objectContaining({ file: expect.stringMatching(/indicators\.yaml$/) }),
      }),
    ]);
  });

  it('is met when the notes say the parts overlap, and not otherwise', async () => {
    // seed 001:L385-389: young people seen in A&E for alcohol (26), overdose (186), self-harm (42) and assault (50).
    const reasons: Breakdown = { id: 'a-and-e', label: 'Young people seen in A&E by reason', group: 'Health', unit: 'count', parts: parts(['Alcohol misuse', 26], ['Overdose', 186], ['Self-harm', 42], ['Victim of assault', 50]), total: 280 };
    expect(runCheck(breakdownPartsWithinTotal, await withBreakdown(reasons)).status).toBe('not-met');
    for (const notes of ['A young person seen for more than one reason is counted more than once.', 'The reasons overlap.', 'A young person may be counted in more than one category.']) {
      const result = runCheck(breakdownPartsWithinTotal, await withBreakdown({ ...reasons, notes }));
      expect(result.status, notes).toBe('met');
      expect(result.met[0]!.message).toMatch(/add up to 304, more than the stated total of 280, and the notes say they overlap/);
    }
  });

  it('compares the known parts when some are suppressed (c), and leaves percentages alone', async () => {
    // The demo's child protection plans by category: 138, 96, 24 and two suppressed counts.
    const suppressed = await demoReport((r) => (r.sections.indicators!.breakdowns!.find((b) => b.id === 'cp-by-category')!.total = 250));
    const result = runCheck(breakdownPartsWithinTotal, suppressed);
    expect(result.missing[0]!.message).toMatch(/the parts \(not counting the parts shown as c\) add up to 258, more than the stated total of 250/);
    const within = await demoReport((r) => (r.sections.indicators!.breakdowns!.find((b) => b.id === 'cp-by-category')!.total = 272));
    expect(runCheck(breakdownPartsWithinTotal, within).status).toBe('met');
    // seed 001:L275: percentages by ethnicity add up to 101 as published (rounding); no total to exceed.
    const percentages = await withBreakdown({ id: 'cin-ethnicity', label: 'Children in need by ethnicity', group: 'Children in need', unit: 'percentage', parts: parts(['White British', 50], ['Mixed', 18], ['Asian', 19], ['Black', 9], ['Other', 5]), total: 100 });
    expect(runCheck(breakdownPartsWithinTotal, percentages).met[0]!.message).toMatch(/^No breakdown of a count/);
  });
});
