/**
 * What a figure means, worked out once: the change since last year, whether that is better or
 * worse (by the indicator's polarity), how it stands against each comparator, and a sentence a
 * person would write, e.g. "Re-referrals within 12 months rose from 21.0% in 2021-22 to 23.0%
 * in 2022-23 (worse: lower is better), above the England average of 21.5%". Used in tables,
 * charts' alt text and beside the priorities that cite the indicator.
 */
import { COMPARATORS, type Comparator } from '../model/partnership.js';
import type { Figure, Indicator, StatedFigure } from '../model/report-year.js';
import { figureValue, figureWhen, type FigureWhen } from '../model/stated-figure.js';
import { yearBefore } from '../model/years.js';
import { formatFigure, listInWords, sayFigure, sayWhen, SUPPRESSED } from './format.js';
import { fewerThan, type SmallNumberPolicy } from './small-numbers.js';

export type Direction = 'improving' | 'worsening' | 'no-change' | 'changed';

export interface Comparison {
  /** england, region, statistical_neighbours, or the name of a comparator the partnership chose. */
  comparator: string;
  name: string;
  year: string;
  value: number;
  /** Above or below, only when the two figures cover the same kind of period. */
  position?: 'above' | 'below' | 'the same as';
  when?: FigureWhen;
}

/** A comparator's figures by year, under the name the report gives it. */
export interface ComparatorSeries {
  key: string;
  name: string;
  values: Record<string, StatedFigure>;
  /** Which theme colour it is drawn in: one of the three standard comparators, or another. */
  standard?: Comparator;
}

/** The standard comparators first (named as the partnership names them), then the partnership's own. */
export function comparatorSeries(indicator: Indicator, names: Record<Comparator, string>): ComparatorSeries[] {
  return [
    ...COMPARATORS.filter((c) => indicator.comparators?.[c]).map((c) => ({ key: c, name: names[c], values: indicator.comparators![c]!, standard: c })),
    ...(indicator.comparators?.others ?? []).map((other) => ({ key: other.name, name: other.name, values: other.values })),
  ];
}

/**
 * What kind of period a figure covers: the whole reporting year, a snapshot on a day of the
 * year, or a part of the year between two months. Only figures of one kind are compared: a
 * count for April to December against a whole year's count would show a fall nobody saw.
 */
export function periodKind(when: FigureWhen | undefined): string {
  if (when?.as_at !== undefined) return `snapshot ${when.as_at.slice(5)}`;
  if (when?.from !== undefined && when.to !== undefined) return `part ${when.from.slice(5)} ${when.to.slice(5)}`;
  return 'year';
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

export { yearBefore };

/** "the England average", "the West Midlands average", "the average of statistical neighbours". */
function averageOf(name: string): string {
  // The name as the partnership writes it (it may be a proper noun: "CIPFA nearest neighbours").
  if (/neighbours$/i.test(name)) return `the average of ${/^Statistical neighbours$/.test(name) ? 'statistical neighbours' : name}`;
  return `the ${name} average`;
}

function direction(indicator: Indicator, change: number): Direction {
  if (change === 0) return 'no-change';
  // Without a better direction (none, or the report does not say), a change is only a change.
  if (indicator.polarity === 'neither' || indicator.polarity === undefined) return 'changed';
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
  const value = figureValue(indicator.values[year]);
  const when = figureWhen(indicator.values[year]);
  const previousYear = yearBefore(year);
  const previous = figureValue(indicator.values[previousYear]);
  const previousWhen = figureWhen(indicator.values[previousYear]);
  const label = indicator.area ? `${indicator.label} in ${indicator.area}` : indicator.label;
  const facts: IndicatorFacts = { year, comparisons: [], sentence: '' };
  if (value !== undefined) facts.value = value;
  const at = (figure: Figure, figureYear: string, figureWhen: FigureWhen | undefined) => `${say(figure, indicator, policy)} ${sayWhen(figureYear, figureWhen)}`;

  let sentence: string;
  if (typeof value === 'number' && typeof previous === 'number' && periodKind(when) === periodKind(previousWhen)) {
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
        ? `${label} stayed at ${at(value, year, when)}, the same as ${sayWhen(previousYear, previousWhen)}`
        : `${label} ${verb} from ${at(previous, previousYear, previousWhen)} to ${at(value, year, when)}${judgement}`;
  } else if (value !== undefined) {
    if (previous !== undefined) Object.assign(facts, { previousYear, previous });
    sentence = `${label}: ${at(value, year, when)}`;
    if (previous !== undefined) sentence += `, against ${at(previous, previousYear, previousWhen)}`;
  } else {
    const latest = Object.keys(indicator.values).sort().at(-1);
    sentence = latest ? `${label}: ${at(figureValue(indicator.values[latest])!, latest, figureWhen(indicator.values[latest]))}, the latest year available` : label;
  }

  if (typeof value === 'number') {
    for (const series of comparatorSeries(indicator, names)) {
      const years = Object.keys(series.values).filter((y) => y <= year).sort();
      const comparatorYear = years.at(-1);
      const comparatorValue = comparatorYear ? figureValue(series.values[comparatorYear]) : undefined;
      if (comparatorYear === undefined || typeof comparatorValue !== 'number') continue;
      const comparatorWhen = figureWhen(series.values[comparatorYear]);
      const difference = Number(formatFigure(value, indicator.unit).replace(/[^0-9.-]/g, '')) - Number(formatFigure(comparatorValue, indicator.unit).replace(/[^0-9.-]/g, ''));
      facts.comparisons.push({
        comparator: series.key,
        name: series.name,
        year: comparatorYear,
        value: comparatorValue,
        ...(periodKind(comparatorWhen) === periodKind(when) ? { position: difference > 0 ? 'above' : difference < 0 ? 'below' : 'the same as' } : {}),
        ...(comparatorWhen ? { when: comparatorWhen } : {}),
      });
    }
    // "above the England average of 21.5% and the West Midlands average of 19.1%, and below ..."
    const byPosition = new Map<Comparison['position'], string[]>();
    for (const c of facts.comparisons) {
      const period = c.when ? ` (${sayWhen(c.year, c.when)})` : c.year === year ? '' : ` (for ${c.year})`;
      const whose = (COMPARATORS as readonly string[]).includes(c.comparator) ? averageOf(c.name) : `the figure for ${c.name}`;
      const phrase = `${whose} of ${sayFigure(c.value, indicator.unit)}${period}`;
      byPosition.set(c.position, [...(byPosition.get(c.position) ?? []), phrase]);
    }
    // A comparator for another kind of period is stated beside the figure, not ranked against it.
    const parts = [...byPosition].map(([position, phrases]) => (position ? `${position} ${listInWords(phrases)}` : `against ${listInWords(phrases)}`));
    if (parts.length) sentence += `, ${parts.join(', and ')}`;
  }
  // Without last year to compare, say which way is better, and judge against the first comparator.
  if (facts.direction === undefined && (indicator.polarity === 'higher-is-better' || indicator.polarity === 'lower-is-better') && typeof value === 'number') {
    const first = facts.comparisons.find((c) => c.position !== undefined);
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
