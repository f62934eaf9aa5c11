import { describe, expect, it } from 'vitest';
import type { Breakdown, Indicator } from '../src/model/report-year.js';
import { protectBreakdown, protectIndicator } from '../src/render/small-numbers.js';

const policy = { threshold: 5 };
const count = (values: Indicator['values'], quarters?: Indicator['quarters']): Indicator => ({
  id: 'x', label: 'Private fostering arrangements', group: 'g', unit: 'count', polarity: 'neither', values, ...(quarters ? { quarters } : {}),
});

describe('small numbers protect children', () => {
  it('hides counts of 1 to the threshold; zero stays zero', () => {
    expect(protectIndicator(count({ '2020-21': 0, '2021-22': 5, '2022-23': 6 }), policy, '2022-23').values).toEqual({ '2020-21': 0, '2021-22': 'c', '2022-23': 6 });
    expect(protectIndicator(count({ '2022-23': 7 }), { threshold: 7 }, '2022-23').values).toEqual({ '2022-23': 'c' });
  });

  it('hides a second quarter when the year total and the other quarters would give a hidden one away', () => {
    const shown = protectIndicator(count({ '2022-23': 40 }, { Q1: 3, Q2: 9, Q3: 12, Q4: 16 }), policy, '2022-23');
    expect(shown.quarters).toEqual({ Q1: 'c', Q2: 'c', Q3: 12, Q4: 16 });
    const alreadyTwo = protectIndicator(count({ '2022-23': 19 }, { Q1: 3, Q2: 4, Q3: 0, Q4: 12 }), policy, '2022-23');
    expect(alreadyTwo.quarters).toEqual({ Q1: 'c', Q2: 'c', Q3: 0, Q4: 12 });
  });

  it('hides a rate worked out from a small count, and never shows the count', () => {
    const rate: Indicator = { id: 'r', label: 'Children on plans for neglect', group: 'g', unit: 'rate-per-10000', polarity: 'neither', values: { '2021-22': 0.6, '2022-23': 1.2 }, counts: { '2021-22': 4, '2022-23': 8 } };
    const shown = protectIndicator(rate, policy, '2022-23');
    expect(shown.values).toEqual({ '2021-22': 'c', '2022-23': 1.2 });
    expect(shown.counts).toBeUndefined();
  });

  it('hides a second part of a breakdown when its total is shown', () => {
    const breakdown: Breakdown = {
      id: 'placements', label: 'Children in care by placement', group: 'g', unit: 'count', total: 548,
      parts: [{ label: 'Foster care', value: 380 }, { label: 'Residential', value: 58 }, { label: 'Secure units', value: 2 }, { label: 'With parents', value: 31 }, { label: 'Other', value: 77 }],
    };
    const shown = protectBreakdown(breakdown, policy);
    expect(shown.parts.map((part) => part.value)).toEqual([380, 58, 'c', 'c', 77]);
    expect(shown.total).toBe(548);
    // Without a total shown, nothing can be worked back, so only the small part is hidden.
    const { total: _total, ...noTotal } = breakdown;
    expect(protectBreakdown(noTotal, policy).parts.map((part) => part.value)).toEqual([380, 58, 'c', 31, 77]);
  });
});
