/**
 * Indicators and breakdowns as the report presents them: a sentence saying what the figure
 * did and how it compares, a chart chosen by the data (a trend line over three or more years,
 * bars against comparators otherwise, quarters as their own chart), and a table of the same
 * numbers. Small numbers are protected before anything is shown.
 */
import type { Comparator } from '../model/partnership.js';
import type { Breakdown, Figure, Indicator, StatedFigure } from '../model/report-year.js';
import { figureNote, figureValue, figureWhen } from '../model/stated-figure.js';
import { yearStarting } from '../model/years.js';
import { axisStart, chartSpec, type ChartSpec } from './chart-spec.js';
import { formatFigure, formatPercent, SUPPRESSED, unitLabel, whenLabel } from './format.js';
import { comparatorSeries, indicatorFacts, type IndicatorFacts } from './indicator-facts.js';
import { fewerThan, isSmallCount, protectBreakdown, protectIndicator, type SmallNumberPolicy } from './small-numbers.js';
import type { Theme } from './theme.js';

export interface TableView {
  caption: string;
  columns: string[];
  rows: Array<{ header: string; cells: string[] }>;
  total?: string;
}

export interface IndicatorView {
  id: string;
  label: string;
  definition?: string;
  unitLabel: string;
  /** This year's figure as printed ("c" when suppressed). */
  thisYear: string;
  facts: IndicatorFacts;
  charts: ChartSpec[];
  /** The figures by year; none when the data gives only quarters. */
  table?: TableView;
  quarterTable?: TableView;
  /** Notes the data gives on single figures: "2022-23: counted at a different date". */
  figureNotes?: string[];
  source?: string;
  notesHtml?: string;
  /** Whether any figure shown is suppressed ("c"). */
  suppressed: boolean;
}

export interface IndicatorContext {
  area: string;
  year: string;
  names: Record<Comparator, string>;
  theme: Theme;
  policy: SmallNumberPolicy;
}

/** A hidden figure in words: a small count is "fewer than 6"; one hidden so it cannot give another away is "not published". */
function hiddenWords(original: Figure | undefined, policy: SmallNumberPolicy): string {
  return isSmallCount(original, policy) ? fewerThan(policy) : 'not published';
}

const plotted = (value: Figure | undefined): number | null => (value === undefined || value === SUPPRESSED ? null : value);
const plottedStated = (stated: StatedFigure | undefined): number | null => plotted(figureValue(stated));

/** A figure in a table cell, with when it applies if that is not the whole year: "412 (as at 31 March 2023)". */
function cell(stated: StatedFigure | undefined, unit: Indicator['unit']): string {
  const when = whenLabel(figureWhen(stated));
  return `${formatFigure(figureValue(stated), unit)}${when && stated !== undefined ? ` (${when})` : ''}`;
}

function sortedYears(...records: Array<Record<string, unknown> | undefined>): string[] {
  const years = new Set<string>();
  for (const record of records) for (const year of Object.keys(record ?? {})) years.add(year);
  return [...years].sort();
}

/**
 * Reporting years from the first to the last, with any year between that has no figure put
 * back: a line chart spaces its points evenly, so a missing year must show as a gap, not vanish.
 * Labels that are not reporting years (2019-20) are left as they are.
 */
export function everyYear(years: string[]): string[] {
  const starts = years.map((label) => (/^(\d{4})-(\d{2})$/.exec(label) ? Number(label.slice(0, 4)) : NaN));
  if (years.length < 2 || starts.some(Number.isNaN)) return years;
  return Array.from({ length: Math.max(...starts) - Math.min(...starts) + 1 }, (_, index) => yearStarting(Math.min(...starts) + index));
}

export function indicatorView(source: Indicator, context: IndicatorContext, renderNotes: (markdown: string) => string): IndicatorView {
  const { names, theme, year, policy } = context;
  // A district's or locality's figures are its own, and are named as such.
  const area = source.area ?? context.area;
  const indicator = protectIndicator(source, policy, year);
  const facts = indicatorFacts(indicator, year, names, policy);
  const comparators = comparatorSeries(indicator, names);
  const years = sortedYears(indicator.values, ...comparators.map((c) => c.values));
  const otherColours = theme.parts.slice(3);
  const series = [
    { name: area, values: indicator.values, colour: theme.series.area },
    ...comparators.map((c, index) => ({ name: c.name, values: c.values, colour: c.standard ? theme.series[c.standard] : otherColours[index % otherColours.length]! })),
  ];
  const table: TableView | undefined = years.length === 0 ? undefined : {
    caption: `${indicator.area ? `${indicator.label} in ${indicator.area}` : indicator.label} (${unitLabel(indicator.unit).toLowerCase()})`,
    columns: years,
    rows: series.map((s) => ({ header: s.name, cells: years.map((y) => cell(s.values[y], indicator.unit)) })),
  };
  // A year whose local figure is a snapshot or part of the year says so under its label.
  const yearLabel = (y: string) => {
    const when = whenLabel(figureWhen(indicator.values[y]));
    return when ? `${y} (${when})` : y;
  };

  const charts: ChartSpec[] = [];
  const localPoints = Object.values(indicator.values).filter((value) => plottedStated(value) !== null).length;
  const allPoints = series.reduce((n, s) => n + years.filter((y) => plottedStated(s.values[y]) !== null).length, 0);
  const datasets = series.map((s) => ({ label: s.name, values: years.map((y) => plottedStated(s.values[y])), colour: s.colour }));
  const what = `${indicator.label}${indicator.area ? ` in ${indicator.area}` : ''}`;
  if (localPoints >= 3) {
    const lineYears = everyYear(years);
    const lines = series.map((s) => ({ label: s.name, values: lineYears.map((y) => plottedStated(s.values[y])), colour: s.colour }));
    const start = axisStart(lines.flatMap((line) => line.values));
    const startWords = start === undefined ? '' : ' The vertical axis does not start at zero.';
    charts.push(chartSpec({ id: `indicator-${indicator.id}`, kind: 'line', labels: lineYears.map(yearLabel), datasets: lines, unit: indicator.unit, ...(start === undefined ? {} : { axisStart: start }), alt: `Line chart: ${what}, ${years[0]} to ${years.at(-1)}. ${facts.sentence}${startWords}` }));
  } else if (allPoints >= 2) {
    charts.push(chartSpec({ id: `indicator-${indicator.id}`, kind: 'grouped-bar', labels: years.map(yearLabel), datasets, unit: indicator.unit, alt: `Bar chart. ${facts.sentence}` }));
  }

  const quarters = (['Q1', 'Q2', 'Q3', 'Q4'] as const).filter((q) => indicator.quarters?.[q] !== undefined);
  let quarterTable: TableView | undefined;
  if (quarters.length > 0) {
    const shown = quarters.map((q) => formatFigure(indicator.quarters![q], indicator.unit));
    quarterTable = { caption: `${indicator.label} in ${area} by quarter, ${year}`, columns: [...quarters], rows: [{ header: area, cells: shown }] };
    const points = quarters.map((q) => plotted(indicator.quarters![q]));
    if (points.filter((point) => point !== null).length >= 2) {
      const said = quarters.map((q, i) => `${q} ${indicator.quarters![q] === SUPPRESSED ? hiddenWords(source.quarters?.[q], policy) : shown[i]}`);
      charts.push(chartSpec({
        id: `indicator-${indicator.id}-quarters`,
        kind: 'grouped-bar',
        labels: [...quarters],
        datasets: [{ label: `${area}, ${year}`, values: points, colour: theme.series.area }],
        unit: indicator.unit,
        alt: `Bar chart: ${indicator.label} in ${area} by quarter of ${year}: ${said.join('; ')}.`,
      }));
    }
  }

  const suppressed = [...Object.values(indicator.values).map(figureValue), ...Object.values(indicator.quarters ?? {})].includes(SUPPRESSED);
  const figureNotes = series.flatMap((s) => years.flatMap((y) => {
    const note = figureNote(s.values[y]);
    return note ? [`${s.name}, ${y}: ${note}`] : [];
  }));
  return {
    id: indicator.id,
    label: indicator.area ? `${indicator.label} (${indicator.area})` : indicator.label,
    ...(indicator.definition ? { definition: indicator.definition } : {}),
    unitLabel: unitLabel(indicator.unit),
    thisYear: cell(indicator.values[year], indicator.unit),
    facts,
    charts,
    ...(table ? { table } : {}),
    ...(quarterTable ? { quarterTable } : {}),
    ...(figureNotes.length ? { figureNotes } : {}),
    ...(indicator.source ? { source: indicator.source } : {}),
    ...(indicator.notes ? { notesHtml: renderNotes(indicator.notes) } : {}),
    suppressed,
  };
}

export interface BreakdownView {
  id: string;
  label: string;
  chart?: ChartSpec;
  table: TableView;
  source?: string;
  notesHtml?: string;
  suppressed: boolean;
}

export function breakdownView(source: Breakdown, theme: Theme, policy: SmallNumberPolicy, renderNotes: (markdown: string) => string): BreakdownView {
  const breakdown = protectBreakdown(source, policy);
  const known = breakdown.parts.filter((part) => part.value !== SUPPRESSED);
  const suppressed = known.length < breakdown.parts.length || breakdown.total === SUPPRESSED;
  // A share is of the total the report states, when it states one (its parts need not add up
  // to it: some are left out, or counted twice), and of the sum of the parts only when it does not.
  const whole = typeof breakdown.total === 'number' ? breakdown.total : known.reduce((total, part) => total + (part.value as number), 0);
  // Shares are shown only of a total the report states (the parts may not be all there is: four
  // reasons among many), and only when every part is known: a share of a hidden total would give it away.
  const showShare = breakdown.unit === 'count' && typeof breakdown.total === 'number' && whole > 0 && !suppressed;
  // Whose figures and when, as the data says: a district's, another year's, a snapshot's.
  const when = whenLabel(breakdown);
  const period = [breakdown.year, when].filter(Boolean).join(', ');
  const label = `${breakdown.label}${breakdown.area ? ` in ${breakdown.area}` : ''}${period ? ` (${period})` : ''}`;
  const table: TableView = {
    caption: label,
    columns: showShare ? [unitLabel(breakdown.unit), 'Share'] : [unitLabel(breakdown.unit)],
    rows: breakdown.parts.map((part) => ({
      header: part.label,
      cells: [formatFigure(part.value, breakdown.unit), ...(showShare ? [formatPercent(((part.value as number) / whole) * 100)] : [])],
    })),
    ...(breakdown.total !== undefined ? { total: formatFigure(breakdown.total, breakdown.unit) } : {}),
  };
  const said = breakdown.parts
    .map((part, index) => `${part.label} ${part.value === SUPPRESSED ? hiddenWords(source.parts[index]?.value, policy) : formatFigure(part.value, breakdown.unit)}`)
    .join('; ');
  return {
    id: breakdown.id,
    label,
    ...(known.length >= 2
      ? {
          chart: chartSpec({
            id: `breakdown-${breakdown.id}`,
            kind: 'horizontal-bar',
            labels: breakdown.parts.map((part) => part.label),
            datasets: [{ label: breakdown.label, values: breakdown.parts.map((part) => plotted(part.value)), colour: theme.primary }],
            unit: breakdown.unit,
            alt: `Bar chart: ${label}: ${said}${typeof breakdown.total === 'number' ? `; stated total ${formatFigure(breakdown.total, breakdown.unit)}` : ''}.`,
          }),
        }
      : {}),
    table,
    ...(breakdown.source ? { source: breakdown.source } : {}),
    ...(breakdown.notes ? { notesHtml: renderNotes(breakdown.notes) } : {}),
    suppressed,
  };
}
