/**
 * What a figure means, worked out once: the change since last year, whether that is better or
 * worse (by the indicator's polarity), how it stands against each comparator, and a sentence a
 * person would write, e.g. "Re-referrals within 12 months rose from 21.0% in 2021-22 to 23.0%
 * in 2022-23 (worse: lower is better), above the England average of 21.5%". Used in tables,
 * charts' alt text and beside the priorities that cite the indicator.
 */
import { COMPARATORS, type Comparator } from '../model/partnership.js';
import type { Figure, Indicator } from '../model/report-year.js';
import { formatFigure, listInWords, sayFigure, SUPPRESSED } from './format.js';
import { fewerThan, type SmallNumberPolicy } from './small-numbers.js';

export type Direction = 'improving' | 'worsening' | 'no-change' | 'changed';

export interface Comparison {
  comparator: Comparator;
  name: string;
  year: string;
  value: number;
  position: 'above' | 'below' | 'the same as';
}

export interface IndicatorFacts {
  year: string;
  value?: Figure;
  previousYear?: string;
  previous?: Figure;
  /** This year minus last year, when both are known. */
  change?: number;
  direction?: Direction;
  /** "Better than 2021-22", "Worse than 2021-22", "No change since 2021-22", "Up on 2021-22". */
  directionWords?: string;
  comparisons: Comparison[];
  sentence: string;
}

export function yearBefore(year: string): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** "the England average", "the West Midlands average", "the average of statistical neighbours". */
function averageOf(name: string): string {
  if (/neighbours$/i.test(name)) return `the average of ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  return `the ${name} average`;
}

function direction(indicator: Indicator, change: number): Direction {
  if (change === 0) return 'no-change';
  if (indicator.polarity === 'neither') return 'changed';
  const better = indicator.polarity === 'higher-is-better' ? change > 0 : change < 0;
  return better ? 'improving' : 'worsening';
}

/** A figure in a sentence, with suppressed counts said as "fewer than 6". */
function say(value: Figure, indicator: Indicator, policy: SmallNumberPolicy): string {
  if (value === SUPPRESSED) return indicator.unit === 'count' ? fewerThan(policy) : 'not published (it would identify children)';
  return sayFigure(value, indicator.unit);
}

/** Facts about `indicator` (already protected for small numbers) in the report's `year`. */
export function indicatorFacts(indicator: Indicator, year: string, names: Record<Comparator, string>, policy: SmallNumberPolicy): IndicatorFacts {
  const value = indicator.values[year];
  const previousYear = yearBefore(year);
  const previous = indicator.values[previousYear];
  const label = indicator.label;
  const facts: IndicatorFacts = { year, comparisons: [], sentence: '' };
  if (value !== undefined) facts.value = value;

  let sentence: string;
  if (typeof value === 'number' && typeof previous === 'number') {
    // Compare at the precision the report prints, so 23.0% and 23.04% are "no change".
    const shown = (n: number) => Number(formatFigure(n, indicator.unit).replace(/[^0-9.-]/g, ''));
    const change = Number((shown(value) - shown(previous)).toFixed(1));
    const how = direction(indicator, change);
    Object.assign(facts, { previousYear, previous, change, direction: how });
    facts.directionWords = {
      improving: `Better than ${previousYear}`,
      worsening: `Worse than ${previousYear}`,
      'no-change': `No change since ${previousYear}`,
      changed: change > 0 ? `Up on ${previousYear}` : `Down on ${previousYear}`,
    }[how];
    const verb = change > 0 ? 'rose' : 'fell';
    const judgement =
      how === 'improving' || how === 'worsening'
        ? ` (${how === 'improving' ? 'better' : 'worse'}: ${indicator.polarity === 'higher-is-better' ? 'higher' : 'lower'} is better)`
        : '';
    sentence =
      how === 'no-change'
        ? `${label} stayed at ${say(value, indicator, policy)} in ${year}, the same as in ${previousYear}`
        : `${label} ${verb} from ${say(previous, indicator, policy)} in ${previousYear} to ${say(value, indicator, policy)} in ${year}${judgement}`;
  } else if (value !== undefined) {
    if (previous !== undefined) Object.assign(facts, { previousYear, previous });
    sentence = `${label}: ${say(value, indicator, policy)} in ${year}`;
    if (previous !== undefined) sentence += `, against ${say(previous, indicator, policy)} in ${previousYear}`;
  } else {
    const latest = Object.keys(indicator.values).sort().at(-1);
    sentence = latest ? `${label}: ${say(indicator.values[latest]!, indicator, policy)} in ${latest}, the latest year available` : label;
  }

  if (typeof value === 'number') {
    for (const comparator of COMPARATORS) {
      const years = Object.keys(indicator.comparators?.[comparator] ?? {}).filter((y) => y <= year).sort();
      const comparatorYear = years.at(-1);
      const comparatorValue = comparatorYear ? indicator.comparators![comparator]![comparatorYear] : undefined;
      if (comparatorYear === undefined || typeof comparatorValue !== 'number') continue;
      const difference = Number(formatFigure(value, indicator.unit).replace(/[^0-9.-]/g, '')) - Number(formatFigure(comparatorValue, indicator.unit).replace(/[^0-9.-]/g, ''));
      facts.comparisons.push({
        comparator,
        name: names[comparator],
        year: comparatorYear,
        value: comparatorValue,
        position: difference > 0 ? 'above' : difference < 0 ? 'below' : 'the same as',
      });
    }
    // "above the England average of 21.5% and the West Midlands average of 19.1%, and below ..."
    const byPosition = new Map<Comparison['position'], string[]>();
    for (const c of facts.comparisons) {
      const phrase = `${averageOf(c.name)} of ${sayFigure(c.value, indicator.unit)}${c.year === year ? '' : ` (for ${c.year})`}`;
      byPosition.set(c.position, [...(byPosition.get(c.position) ?? []), phrase]);
    }
    const parts = [...byPosition].map(([position, phrases]) => `${position} ${listInWords(phrases)}`);
    if (parts.length) sentence += `, ${parts.join(', and ')}`;
  }
  // Without last year to compare, say which way is better, and judge against the first comparator.
  if (facts.direction === undefined && indicator.polarity !== 'neither' && typeof value === 'number') {
    const first = facts.comparisons[0];
    if (first) {
      const better = first.position === 'the same as' ? undefined : (first.position === 'above') === (indicator.polarity === 'higher-is-better');
      facts.direction = better === undefined ? 'no-change' : better ? 'improving' : 'worsening';
      facts.directionWords = better === undefined ? `Same as ${first.name}` : `${better ? 'Better' : 'Worse'} than ${first.name}`;
    }
    sentence += `. ${indicator.polarity === 'higher-is-better' ? 'Higher' : 'Lower'} is better`;
  }
  facts.sentence = `${sentence}.`;
  return facts;
}
