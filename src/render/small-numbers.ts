/**
 * Small numbers identify children. As official statistics do, counts from 1 to a threshold
 * (5 unless the partnership says otherwise) are not published: tables show "c" and sentences
 * say "fewer than 6". Zero stays zero. Any other figure from which a hidden count could be
 * worked back is hidden too (secondary suppression): a rate per 10,000 worked out from a
 * small count; a part of a breakdown when the total and all the other parts are shown; a
 * quarter when the year's total and the other quarters are shown.
 */
import type { Breakdown, Figure, Indicator } from '../model/report-year.js';
import { plainValues, withValue } from '../model/stated-figure.js';
import { SUPPRESSED } from './format.js';

export const DEFAULT_THRESHOLD = 5;

export interface SmallNumberPolicy {
  threshold: number;
}

export function isSmallCount(value: Figure | undefined, policy: SmallNumberPolicy): boolean {
  return typeof value === 'number' && value > 0 && value <= policy.threshold;
}

/** "fewer than 6" for the default threshold. */
export function fewerThan(policy: SmallNumberPolicy): string {
  return `fewer than ${policy.threshold + 1}`;
}

/** Hides small counts among `values`; then, if `total` is shown and only one is hidden, hides the next smallest too. */
function protectParts<K extends string>(values: Partial<Record<K, Figure>>, policy: SmallNumberPolicy, totalShown: boolean): Partial<Record<K, Figure>> {
  const result = { ...values };
  const keys = Object.keys(result) as K[];
  for (const key of keys) if (isSmallCount(result[key], policy)) result[key] = SUPPRESSED;
  const hidden = keys.filter((key) => result[key] === SUPPRESSED).length;
  if (totalShown && hidden === 1) {
    const next = keys
      .filter((key) => typeof result[key] === 'number' && (result[key] as number) > 0)
      .sort((a, b) => (result[a] as number) - (result[b] as number))[0];
    if (next !== undefined) result[next] = SUPPRESSED;
  }
  return result;
}

export function protectIndicator(indicator: Indicator, policy: SmallNumberPolicy, year: string): Indicator {
  const protectedIndicator = structuredClone(indicator);
  if (indicator.unit === 'count') {
    const shown = protectParts(plainValues(indicator.values), policy, false);
    protectedIndicator.values = Object.fromEntries(Object.entries(indicator.values).map(([key, stated]) => [key, withValue(stated, shown[key]!)]));
    if (indicator.quarters) {
      const yearShown = typeof shown[year] === 'number';
      protectedIndicator.quarters = protectParts(indicator.quarters, policy, yearShown);
    }
  } else {
    // A rate or percentage worked out from a small count would give the count away.
    for (const [countYear, count] of Object.entries(indicator.counts ?? {})) {
      const stated = protectedIndicator.values[countYear];
      if (isSmallCount(count, policy) && stated !== undefined) protectedIndicator.values[countYear] = withValue(stated, SUPPRESSED);
    }
  }
  delete protectedIndicator.counts;
  return protectedIndicator;
}

export function protectBreakdown(breakdown: Breakdown, policy: SmallNumberPolicy): Breakdown {
  if (breakdown.unit !== 'count') return breakdown;
  const values = Object.fromEntries(breakdown.parts.map((part, index) => [String(index), part.value]));
  const total = isSmallCount(breakdown.total, policy) ? SUPPRESSED : breakdown.total;
  const protectedValues = protectParts(values, policy, typeof total === 'number');
  return {
    ...breakdown,
    parts: breakdown.parts.map((part, index) => ({ ...part, value: protectedValues[String(index)]! })),
    ...(total !== undefined ? { total } : {}),
  };
}

/** A single count in a sentence or a figure tile: "fewer than 6", or the number. */
export function protectCount(value: number, policy: SmallNumberPolicy): number | typeof SUPPRESSED {
  return isSmallCount(value, policy) ? SUPPRESSED : value;
}
