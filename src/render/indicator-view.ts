/**
 * Indicators and breakdowns as the report presents them: a table of values by year against
 * the comparators, a chart that shows the same numbers, and a sentence describing it.
 */
import type { Partnership } from '../model/partnership.js';
import type { Breakdown, Figure, Indicator } from '../model/report-year.js';
import { chartSpec, type ChartSpec } from './chart-spec.js';
import { formatFigure, formatPercent, listInWords, sayFigure, SUPPRESSED, unitLabel } from './format.js';
import type { Theme } from './theme.js';

export const COMPARATORS = ['england', 'region', 'statistical_neighbours'] as const;
type Comparator = (typeof COMPARATORS)[number];

export interface TableView {
  caption: string;
  columns: string[];
  rows: Array<{ header: string; cells: string[] }>;
}

export interface IndicatorView {
  id: string;
  label: string;
  definition?: string;
  unitLabel: string;
  thisYear: string;
  chart?: ChartSpec;
  table: TableView;
  quarterTable?: TableView;
  source?: string;
  notesHtml?: string;
}

export function comparatorNames(partnership: Partnership): Record<Comparator, string> {
  return {
    england: partnership.comparator_names?.england ?? 'England',
    region: partnership.comparator_names?.region ?? partnership.region ?? 'Region',
    statistical_neighbours: partnership.comparator_names?.statistical_neighbours ?? 'Statistical neighbours',
  };
}

const plotted = (value: Figure | undefined): number | null =>
  value === undefined || value === SUPPRESSED ? null : value;

function sortedYears(...records: Array<Record<string, Figure> | undefined>): string[] {
  const years = new Set<string>();
  for (const record of records) for (const year of Object.keys(record ?? {})) years.add(year);
  return [...years].sort();
}

/** "Re-referrals within 12 months in Sandwell: 21.0% in 2021-22 and 23.0% in 2022-23. In 2022-23 England 21.5%, ..." */
function describe(indicator: Indicator, area: string, names: Record<Comparator, string>, years: string[]): string {
  const local = years
    .filter((year) => indicator.values[year] !== undefined)
    .map((year) => `${sayFigure(indicator.values[year]!, indicator.unit)} in ${year}`);
  const sentences = [`${indicator.label} in ${area}: ${listInWords(local)}.`];
  const latest = years.at(-1);
  for (const year of [...years].reverse()) {
    const parts = COMPARATORS.filter((c) => indicator.comparators?.[c]?.[year] !== undefined).map(
      (c) => `${names[c]} ${sayFigure(indicator.comparators![c]![year]!, indicator.unit)}`,
    );
    if (parts.length > 0) {
      sentences.push(`${year === latest ? 'For comparison, in' : 'The latest comparison, for'} ${year}: ${listInWords(parts)}.`);
      break;
    }
  }
  return sentences.join(' ');
}

export function indicatorView(
  indicator: Indicator,
  context: { area: string; year: string; names: Record<Comparator, string>; theme: Theme },
  renderNotes: (markdown: string) => string,
): IndicatorView {
  const { area, names, theme } = context;
  const years = sortedYears(indicator.values, ...COMPARATORS.map((c) => indicator.comparators?.[c]));
  const series = [
    { name: area, values: indicator.values, colour: theme.series.area },
    ...COMPARATORS.filter((c) => indicator.comparators?.[c]).map((c) => ({
      name: names[c],
      values: indicator.comparators![c]!,
      colour: theme.series[c],
    })),
  ];
  const table: TableView = {
    caption: `${indicator.label} (${unitLabel(indicator.unit).toLowerCase()})`,
    columns: years,
    rows: series.map((s) => ({ header: s.name, cells: years.map((year) => formatFigure(s.values[year], indicator.unit)) })),
  };
  const plottedCount = series.reduce((n, s) => n + years.filter((year) => plotted(s.values[year]) !== null).length, 0);
  const chart: ChartSpec | undefined =
    plottedCount >= 2
      ? chartSpec({
          id: `indicator-${indicator.id}`,
          kind: 'grouped-bar',
          labels: years,
          datasets: series.map((s) => ({ label: s.name, values: years.map((year) => plotted(s.values[year])), colour: s.colour })),
          unit: indicator.unit,
          alt: `Bar chart. ${describe(indicator, area, names, years)}`,
        })
      : undefined;
  const quarters = (['Q1', 'Q2', 'Q3', 'Q4'] as const).filter((q) => indicator.quarters?.[q] !== undefined);
  const quarterTable: TableView | undefined =
    quarters.length > 0
      ? {
          caption: `${indicator.label} in ${area} by quarter, ${context.year}`,
          columns: [...quarters],
          rows: [{ header: area, cells: quarters.map((q) => formatFigure(indicator.quarters![q], indicator.unit)) }],
        }
      : undefined;
  return {
    id: indicator.id,
    label: indicator.label,
    ...(indicator.definition ? { definition: indicator.definition } : {}),
    unitLabel: unitLabel(indicator.unit),
    thisYear: formatFigure(indicator.values[context.year], indicator.unit),
    ...(chart ? { chart } : {}),
    table,
    ...(quarterTable ? { quarterTable } : {}),
    ...(indicator.source ? { source: indicator.source } : {}),
    ...(indicator.notes ? { notesHtml: renderNotes(indicator.notes) } : {}),
  };
}

export interface BreakdownView {
  id: string;
  label: string;
  chart?: ChartSpec;
  table: TableView;
  source?: string;
  notesHtml?: string;
}

export function breakdownView(breakdown: Breakdown, theme: Theme, renderNotes: (markdown: string) => string): BreakdownView {
  const known = breakdown.parts.filter((part) => part.value !== SUPPRESSED);
  const total = known.reduce((sum, part) => sum + (part.value as number), 0);
  const showShare = breakdown.unit === 'count' && total > 0 && known.length === breakdown.parts.length;
  const table: TableView = {
    caption: breakdown.label,
    columns: showShare ? [unitLabel(breakdown.unit), 'Share'] : [unitLabel(breakdown.unit)],
    rows: breakdown.parts.map((part) => ({
      header: part.label,
      cells: [
        formatFigure(part.value, breakdown.unit),
        ...(showShare ? [formatPercent(((part.value as number) / total) * 100)] : []),
      ],
    })),
  };
  const described = breakdown.parts
    .map((part) => `${part.label} ${formatFigure(part.value, breakdown.unit)}`)
    .join('; ');
  return {
    id: breakdown.id,
    label: breakdown.label,
    ...(known.length >= 2
      ? {
          chart: chartSpec({
            id: `breakdown-${breakdown.id}`,
            kind: 'horizontal-bar' as const,
            labels: breakdown.parts.map((part) => part.label),
            datasets: [{ label: breakdown.label, values: breakdown.parts.map((part) => plotted(part.value)), colour: theme.primary }],
            unit: breakdown.unit,
            alt: `Bar chart of ${breakdown.label.toLowerCase()}: ${described}.`,
          }),
        }
      : {}),
    table,
    ...(breakdown.source ? { source: breakdown.source } : {}),
    ...(breakdown.notes ? { notesHtml: renderNotes(breakdown.notes) } : {}),
  };
}
