/**
 * Every indicator and breakdown of a report as presented (a sentence, a chart, a table), made
 * once and shared by the sections that show them: the year at a glance, the priorities whose
 * impact they evidence, and the figures section. Their charts are drawn before any section is
 * built, so each view is complete, chart file names included, when it is made.
 */
import type { ReportData } from '../model/checked-report.js';
import { comparatorNames } from '../model/partnership.js';
import type { ChartSpec } from './chart-spec.js';
import { breakdownView, indicatorView, type BreakdownView, type IndicatorView } from './indicator-view.js';
import { renderMarkdown } from './markdown.js';
import { DEFAULT_THRESHOLD, type SmallNumberPolicy } from './small-numbers.js';
import type { Theme } from './theme.js';

export interface Figures {
  /** Each indicator's view, by id. */
  indicators: ReadonlyMap<string, IndicatorView>;
  /** Each breakdown's view, in the order of indicators.yaml. */
  breakdowns: readonly BreakdownView[];
  /** Every chart to draw: the breakdowns', then the indicators'. */
  charts: readonly ChartSpec[];
}

export function smallNumberPolicy(report: ReportData): SmallNumberPolicy {
  return { threshold: report.partnership.small_numbers?.threshold ?? DEFAULT_THRESHOLD };
}

export function figuresOf(report: ReportData, theme: Theme): Figures {
  const { partnership, year, sections } = report;
  const policy = smallNumberPolicy(report);
  const context = { area: partnership.area, year, names: comparatorNames(partnership), theme, policy };
  const indicators = new Map((sections.indicators?.indicators ?? []).map((indicator) => [indicator.id, indicatorView(indicator, context, renderMarkdown)]));
  const breakdowns = (sections.indicators?.breakdowns ?? []).map((breakdown) => breakdownView(breakdown, theme, policy, renderMarkdown));
  const charts = [
    ...breakdowns.flatMap((view) => (view.chart ? [view.chart] : [])),
    ...[...indicators.values()].flatMap((view) => view.charts),
  ];
  return { indicators, breakdowns, charts };
}

/**
 * The same figures with each chart at the files it was drawn to (names that change with their
 * content): its wide image, and its narrow one with that image's size.
 */
export function placeCharts(figures: Figures, places: ReadonlyMap<ChartSpec, Pick<ChartSpec, 'href' | 'narrow'>>): Figures {
  const placed = (chart: ChartSpec): ChartSpec => ({ ...chart, ...places.get(chart) });
  const indicators = new Map([...figures.indicators].map(([id, view]) => [id, { ...view, charts: view.charts.map(placed) }]));
  const breakdowns = figures.breakdowns.map((view) => (view.chart ? { ...view, chart: placed(view.chart) } : view));
  return { indicators, breakdowns, charts: figures.charts.map(placed) };
}
