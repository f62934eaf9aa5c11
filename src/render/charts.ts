/**
 * Draws charts as PNG images with chart.js on a server-side canvas. What to draw (labels,
 * values, colours, alt text) is decided in the view model; this module only draws it.
 * Imported only by the render stage, so `report validate` never loads canvas or chart.js.
 * Every colour and the font come from the Theme (theme.ts), as the stylesheet's do.
 */
import { Chart } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { cacheDir, cacheKey, readCache, writeCache } from '../cache.js';
import type { ChartConfiguration } from 'chart.js';
import { FONT_FILES, type Theme } from './theme.js';
import { formatFigure } from './format.js';
import type { ChartSpec } from './chart-spec.js';

export type { ChartSpec };

const chartJsVersion = Chart.version;

export interface DrawnChart {
  spec: ChartSpec;
  png: Buffer;
}
const canvases = new Map<string, ChartJSNodeCanvas>();

/** One canvas per size and per the parts of the theme it is set up with (paper, ink, font). */
function canvasFor(width: number, height: number, theme: Theme): ChartJSNodeCanvas {
  const key = `${width}x${height} ${theme.paper} ${theme.ink} ${theme.fontFamily}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    canvas = new ChartJSNodeCanvas({
      width,
      height,
      backgroundColour: theme.paper,
      chartCallback: (ChartJS) => {
        ChartJS.defaults.font.family = theme.fontFamily;
        ChartJS.defaults.color = theme.ink;
      },
    });
    for (const font of FONT_FILES) {
      canvas.registerFont(font.file, { family: theme.fontFamily, weight: font.weight, style: font.style });
    }
    canvases.set(key, canvas);
  }
  return canvas;
}

/** Axis ticks: whole numbers without a decimal place ("20%", "1,000"), others as the tables show them. */
function axisLabel(value: number, unit: ChartSpec['unit']): string {
  if (Number.isInteger(value)) return unit === 'percentage' ? `${formatFigure(value, 'count')}%` : formatFigure(value, 'count');
  return formatFigure(value, unit);
}

/** Bumped whenever the drawing code changes how a chart looks, so cached images are not reused. */
const DRAWING_VERSION = 3;
const memory = new Map<string, Buffer>();

/**
 * Draws each chart once per content: the image depends only on the chart's data, its size and
 * the theme, so it is kept (in memory and on disk) under a hash of those.
 */
export async function drawChart(spec: ChartSpec, theme: Theme, cache = cacheDir()): Promise<DrawnChart> {
  const { id: _id, alt: _alt, href: _href, ...content } = spec;
  const key = cacheKey('chart', DRAWING_VERSION, chartJsVersion, content, theme);
  // Remembered per cache folder: a build given a folder of its own draws every chart afresh.
  const remembered = `${cache}\0${key}`;
  const cached = memory.get(remembered) ?? readCache('charts', key, cache);
  if (cached) {
    memory.set(remembered, cached);
    return { spec, png: cached };
  }
  const drawn = await drawFresh(spec, theme);
  memory.set(remembered, drawn.png);
  writeCache('charts', key, drawn.png, cache);
  return drawn;
}

async function drawFresh(spec: ChartSpec, theme: Theme): Promise<DrawnChart> {
  const horizontal = spec.kind === 'horizontal-bar';
  const line = spec.kind === 'line';
  const valueAxis = {
    // Bars are read by their length, so they start at zero; so does a trend line, unless the
    // view decided otherwise (axisStart), in which case the chart says so in its subtitle.
    beginAtZero: spec.axisStart === undefined,
    ...(spec.axisStart !== undefined ? { min: spec.axisStart } : {}),
    ...(line ? { grace: '15%' } : {}),
    ticks: {
      color: theme.ink,
      font: { size: 13 },
      callback: (value: string | number) => axisLabel(Number(value), spec.unit),
    },
    grid: { color: theme.rule },
  };
  const categoryAxis = { ticks: { color: theme.ink, font: { size: 13 } }, grid: { display: false } };
  const config = {
    type: line ? 'line' : 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((dataset, index) =>
        line
          ? {
              label: dataset.label,
              data: dataset.values,
              borderColor: dataset.colour,
              backgroundColor: dataset.colour,
              // The area's own line is solid and heavier; comparators are dashed.
              borderWidth: index === 0 ? 4 : 2.5,
              borderDash: index === 0 ? [] : [7, 5],
              pointRadius: index === 0 ? 5 : 4,
              pointStyle: (['circle', 'rect', 'triangle', 'rectRot'] as const)[index % 4],
              // A year with no figure is a gap in the line, not a straight run past it.
              spanGaps: false,
              fill: false,
              tension: 0,
            }
          : {
              label: dataset.label,
              data: dataset.values,
              backgroundColor: dataset.colour,
              borderColor: dataset.colour,
              borderWidth: 0,
              maxBarThickness: 56,
            },
      ),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: false,
      animation: false,
      devicePixelRatio: 2,
      layout: { padding: 8 },
      plugins: {
        legend: {
          display: spec.datasets.length > 1,
          position: 'bottom',
          labels: { color: theme.ink, font: { size: 13, family: theme.fontFamily }, boxWidth: 14, usePointStyle: line },
        },
        title: { display: false },
        subtitle: {
          display: spec.axisStart !== undefined,
          text: spec.axisStart === undefined ? '' : `Axis starts at ${axisLabel(spec.axisStart, spec.unit)}, not zero`,
          color: theme.ink,
          font: { size: 13, family: theme.fontFamily, style: 'italic' },
          align: 'start',
          padding: { bottom: 8 },
        },
      },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  };
  const canvas = canvasFor(spec.width, spec.height, theme);
  const png = await canvas.renderToBuffer(config as unknown as ChartConfiguration, 'image/png');
  return { spec, png };
}
