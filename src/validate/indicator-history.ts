/**
 * An indicator's history comes from two places: the values given inline (2021-22: 21.0), and
 * the same indicator (by id) in earlier year folders. Inline values win; an earlier folder
 * fills in the years it has.
 */
import { indicatorsFile, type Figure, type Indicator } from '../model/report-year.js';
import type { LoadedReport } from '../load/load-report.js';
import { COMPARATORS } from '../model/partnership.js';
import { mergeIndicatorsCsv } from './indicators-csv.js';

type ComparatorNames = Parameters<typeof mergeIndicatorsCsv>[2];

/**
 * Earlier years' indicators by id, newest last. An earlier year's CSV may give only ids and
 * figures for indicators this year describes. Files that do not check out are skipped.
 */
export function earlierIndicators(history: LoadedReport['history'], names: ComparatorNames, current: Indicator[]): Array<Map<string, Indicator>> {
  return history.map(({ indicators, indicatorsCsv }) => {
    const parsed = indicators ? indicatorsFile.safeParse(indicators.data) : undefined;
    let list = parsed?.success ? parsed.data.indicators : [];
    if (indicatorsCsv) {
      const described = new Set(list.map((indicator) => indicator.id));
      const definitions = current
        .filter((indicator) => !described.has(indicator.id))
        .map(({ quarters: _q, comparators: _c, counts: _n, ...definition }) => ({ ...definition, values: {} }));
      const merged = mergeIndicatorsCsv(indicatorsCsv, [...list, ...definitions], names);
      if (merged.problems.length === 0) list = merged.indicators;
    }
    return new Map(list.map((indicator) => [indicator.id, indicator]));
  });
}

function withHistory<T>(current: Record<string, T> | undefined, earlier: Array<Record<string, T> | undefined>): Record<string, T> | undefined {
  const merged = Object.assign({}, ...earlier.filter(Boolean), current);
  return Object.keys(merged).length ? merged : undefined;
}

export function addHistory(indicators: Indicator[], earlier: Array<Map<string, Indicator>>): Indicator[] {
  return indicators.map((indicator) => {
    const past = earlier.map((byId) => byId.get(indicator.id)).filter((found): found is Indicator => found !== undefined);
    if (past.length === 0) return indicator;
    const comparators = Object.fromEntries(
      COMPARATORS
        .map((key) => [key, withHistory(indicator.comparators?.[key], past.map((p) => p.comparators?.[key]))])
        .filter(([, value]) => value !== undefined),
    );
    const counts = withHistory(indicator.counts, past.map((p) => p.counts));
    return {
      ...indicator,
      // No figures in any year (a year just started from one still empty) is still no figures.
      values: withHistory(indicator.values, past.map((p) => p.values)) ?? {},
      ...(Object.keys(comparators).length ? { comparators } : {}),
      ...(counts ? { counts } : {}),
    };
  });
}
