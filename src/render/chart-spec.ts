/**
 * What a chart shows, decided by the view model and drawn by charts.ts. Kept apart from the
 * drawing code so that building the view model never loads canvas or chart.js.
 */
import type { Unit } from './format.js';

export interface ChartSpec {
  /** Used for the file name: assets/charts/<id>.png */
  id: string;
  kind: 'grouped-bar' | 'horizontal-bar' | 'line';
  /** Category labels along the axis (years, or the parts of a breakdown). */
  labels: string[];
  datasets: Array<{ label: string; values: Array<number | null>; colour: string }>;
  unit: Unit;
  /**
   * Where a line chart's value axis starts when it is not zero (bars always start at zero).
   * The chart prints it on the image and the alt text says it, so a small change is not
   * mistaken for a large one.
   */
  axisStart?: number;
  /** A sentence saying what the chart shows, for people who cannot see it. */
  alt: string;
  /** Size in CSS pixels; the image is drawn at twice this for print. */
  width: number;
  height: number;
  /** Where the image is, relative to index.html. */
  href: string;
  /**
   * The image drawn for narrow screens (NARROW_CHART), once drawn: its file and its size in
   * CSS pixels (its height depends on how its labels wrap).
   */
  narrow?: { href: string; width: number; height: number; media: string };
}

export const CHART_WIDTH = 720;

/**
 * The image each chart also gets for phones. The wide image, 720 CSS px with 13 px text, is
 * shown about 280 px wide on a 320 px phone, where its text would be 5 px. This one is drawn
 * 300 px wide with 14 px text, so at 320 px (278 px shown) its smallest text is 13 px, and it
 * is used up to `media` (the <source> of templates/partials/chart.hbs); wider screens and print
 * keep the wide image. Drawn at 3x, as most phones have three device pixels to a CSS pixel.
 */
export const NARROW_CHART = { width: 300, fontSize: 14, scale: 3, media: 'screen and (max-width: 30em)' } as const;

/**
 * Where a trend line's axis starts. From zero, unless every point lies in the top half of
 * the range from zero to the largest, where a zero-based axis would flatten the line: then
 * from a round number below the smallest point (the chart and its alt text say so).
 */
export function axisStart(values: Array<number | null>): number | undefined {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return undefined;
  const low = Math.min(...known);
  const high = Math.max(...known);
  if (low <= 0 || low < high / 2) return undefined;
  const step = 10 ** Math.floor(Math.log10(Math.max(high - low, high / 20)));
  const start = Math.floor(low / step) * step - step;
  return start > 0 ? Number(start.toPrecision(6)) : undefined;
}

export function chartSize(kind: ChartSpec['kind'], categories: number, series: number): { width: number; height: number } {
  if (kind === 'horizontal-bar') return { width: CHART_WIDTH, height: Math.max(200, 70 + categories * 34 * Math.max(1, series)) };
  return { width: CHART_WIDTH, height: 340 };
}

export function chartHref(id: string): string {
  return `assets/charts/${id}.png`;
}

/** assets/charts/<id>.png -> assets/charts/<id>.narrow.png */
export function narrowHref(href: string): string {
  return href.replace(/\.png$/, '.narrow.png');
}

/** A chart spec with its size and file decided. */
export function chartSpec(spec: Omit<ChartSpec, 'width' | 'height' | 'href'>): ChartSpec {
  return { ...spec, ...chartSize(spec.kind, spec.labels.length, spec.datasets.length), href: chartHref(spec.id) };
}
