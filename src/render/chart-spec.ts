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
  /** A sentence saying what the chart shows, for people who cannot see it. */
  alt: string;
  /** Size in CSS pixels; the image is drawn at twice this for print. */
  width: number;
  height: number;
  /** Where the image is, relative to index.html. */
  href: string;
}

export const CHART_WIDTH = 720;

export function chartSize(kind: ChartSpec['kind'], categories: number, series: number): { width: number; height: number } {
  if (kind === 'horizontal-bar') return { width: CHART_WIDTH, height: Math.max(200, 70 + categories * 34 * Math.max(1, series)) };
  return { width: CHART_WIDTH, height: 340 };
}

export function chartHref(id: string): string {
  return `assets/charts/${id}.png`;
}

/** A chart spec with its size and file decided. */
export function chartSpec(spec: Omit<ChartSpec, 'width' | 'height' | 'href'>): ChartSpec {
  return { ...spec, ...chartSize(spec.kind, spec.labels.length, spec.datasets.length), href: chartHref(spec.id) };
}
