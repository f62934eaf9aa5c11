/**
 * Draws charts as PNG images with chart.js on a server-side canvas. What to draw (labels,
 * values, colours, alt text) is decided in the view model; this module only draws it.
 * Imported only when a chart is not in the cache (chart-images.ts), so `report validate`, and a
 * build whose charts are all drawn already, never load canvas or chart.js.
 * Every colour and the font come from the Theme (theme.ts), as the stylesheet's do.
 *
 * Each chart is drawn twice: a wide image for print and wide screens, and a narrow one for
 * phones (NARROW_CHART) whose text stays at least 12 CSS px as a 320 px phone shows it, with
 * its labels wrapped onto more lines rather than shortened, and a legend of one series a row.
 */
import { createCanvas, registerFont, type CanvasRenderingContext2D } from 'canvas';
import { drawPoint } from 'chart.js/helpers';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartConfiguration, Plugin, PointStyle } from 'chart.js';
import { FONT_FILES, type Theme } from './theme.js';
import { formatFigure } from './format.js';
import { NARROW_CHART, type ChartSpec } from './chart-spec.js';
import { barFill } from './chart-patterns.js';

export type { ChartSpec };

/** The wide image's device pixels to a CSS pixel, and its text size. */
const WIDE = { scale: 2, fontSize: 13 } as const;

const canvases = new Map<string, ChartJSNodeCanvas>();

/** One canvas per size and per the parts of the theme it is set up with (paper, ink, font). */
function canvasFor(width: number, height: number, theme: Theme): ChartJSNodeCanvas {
  const key = `${width}x${height} ${theme.paper} ${theme.ink} ${theme.fontFamily}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    canvas = new ChartJSNodeCanvas({
      width,
      height,
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

const measurers = new Map<string, CanvasRenderingContext2D>();

/** The width of `text` in the theme's font at `size` px, as chart.js will draw it. */
function measure(theme: Theme, size: number, text: string): number {
  let ctx = measurers.get(theme.fontFamily);
  if (!ctx) {
    // Registered before the canvas is made, so the measuring uses the font the charts use.
    for (const font of FONT_FILES) registerFont(font.file, { family: theme.fontFamily, weight: font.weight, style: font.style });
    ctx = createCanvas(1, 1).getContext('2d');
    measurers.set(theme.fontFamily, ctx);
  }
  ctx.font = `${size}px "${theme.fontFamily}"`;
  return ctx.measureText(text).width;
}

/** `text` as lines no wider than `width`, broken between words; a word longer than a line keeps a line of its own. */
function wrap(text: string, width: number, textWidth: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [text];
}

/** Axis ticks: whole numbers without a decimal place ("20%", "1,000"), others as the tables show them. */
function axisLabel(value: number, unit: ChartSpec['unit']): string {
  if (Number.isInteger(value)) return unit === 'percentage' ? `${formatFigure(value, 'count')}%` : formatFigure(value, 'count');
  return formatFigure(value, unit);
}

function subtitleText(spec: ChartSpec): string {
  return spec.axisStart === undefined ? '' : `Axis starts at ${axisLabel(spec.axisStart, spec.unit)}, not zero`;
}

/** The wide image of a chart, for print and wide screens. */
export function drawWide(spec: ChartSpec, theme: Theme): Promise<Buffer> {
  return render(wideLook(spec), spec, theme);
}

/** The narrow image of a chart, for phones; its height is decided as it is drawn. */
export function drawNarrow(spec: ChartSpec, theme: Theme): Promise<Buffer> {
  return render(narrowLook(spec, theme), spec, theme);
}

/** How one image of a chart is laid out. */
interface Look {
  width: number;
  height: number;
  /** Device pixels to a CSS pixel. */
  scale: number;
  /** Every text on the image is this size. */
  fontSize: number;
  /** The category labels, each one line or several. */
  labels: Array<string | string[]>;
  subtitle: string | string[];
  padding: number;
  /**
   * The narrow image: fewer value ticks across, labels that may turn upright, its own legend, and a
   * horizontal bar chart's labels (each in lines) on rows of their own above the bars:
   * `labels` is then blank, two rows for each part, its name's and its bars'.
   */
  narrow?: { legend: NarrowLegend; labelsAbove?: string[][] };
}

function wideLook(spec: ChartSpec): Look {
  return { width: spec.width, height: spec.height, scale: WIDE.scale, fontSize: WIDE.fontSize, labels: spec.labels, subtitle: subtitleText(spec), padding: 8 };
}

/** The narrow legend: each series on a row of its own, its name wrapped, under the chart. */
interface NarrowLegend {
  rows: string[][];
  height: number;
}

/** How thick a narrow horizontal bar is, in CSS px. */
const NARROW_BAR = 20;

/** The swatch before a legend row's name, and the gap after it. */
const SWATCH = { width: 28, height: 14, gap: 8 } as const;

function narrowLook(spec: ChartSpec, theme: Theme): Look {
  const { width, fontSize } = NARROW_CHART;
  const padding = 6;
  const lineHeight = fontSize * 1.2; // chart.js's own line height for text
  const textWidth = (text: string) => measure(theme, fontSize, text);
  const inner = width - 2 * padding;

  const rows = spec.datasets.length > 1 ? spec.datasets.map((dataset) => wrap(dataset.label, inner - SWATCH.width - SWATCH.gap, textWidth)) : [];
  const legendHeight = rows.length === 0 ? 0 : 10 + rows.reduce((sum, lines) => sum + lines.length * lineHeight, 0) + (rows.length - 1) * 4;
  // The subtitle is italic, a little wider than the upright text measured.
  const subtitle = spec.axisStart === undefined ? [] : wrap(subtitleText(spec), inner, (text) => textWidth(text) * 1.05);
  const subtitleHeight = subtitle.length * lineHeight + (subtitle.length > 0 ? 8 : 0);

  let labels: string[][];
  let height: number;
  let labelsAbove: string[][] | undefined;
  if (spec.kind === 'horizontal-bar') {
    // Each part's name on a row of its own above its bars, across the whole width, on as many
    // lines as it needs; the bars too then have the whole width.
    labelsAbove = spec.labels.map((label) => wrap(label, inner - 8, textWidth));
    const lines = Math.max(1, ...labelsAbove.map((label) => label.length));
    labels = spec.labels.flatMap(() => [[''], ['']]);
    const row = Math.max(lines * lineHeight + 4, NARROW_BAR * spec.datasets.length + 6);
    height = labels.length * row + lineHeight + 14;
  } else {
    // Each category gets its share of the plot, beside a value axis as wide as its longest tick.
    const highest = Math.max(0, ...spec.datasets.flatMap((dataset) => dataset.values.map((value) => value ?? 0)));
    const axis = textWidth(axisLabel(Math.ceil(highest * 1.2), spec.unit)) + 12;
    const share = (inner - axis) / Math.max(1, spec.labels.length) - 8;
    labels = spec.labels.map((label) => wrap(label, share, textWidth));
    const lines = Math.max(1, ...labels.map((label) => label.length));
    // A word wider than its share is turned upright by chart.js rather than cut.
    const widest = Math.max(0, ...labels.flat().map(textWidth));
    const upright = widest > share ? widest - lineHeight : 0;
    height = 220 + lines * lineHeight + upright;
  }
  height += legendHeight + subtitleHeight + 2 * padding;
  return {
    width,
    height: Math.ceil(height),
    scale: NARROW_CHART.scale,
    fontSize,
    labels: labels.map((lines) => (lines.length === 1 ? lines[0]! : lines)),
    subtitle,
    padding,
    narrow: { legend: { rows, height: legendHeight }, ...(labelsAbove ? { labelsAbove } : {}) },
  };
}

const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot'] as const;

async function render(look: Look, spec: ChartSpec, theme: Theme): Promise<Buffer> {
  const horizontal = spec.kind === 'horizontal-bar';
  const line = spec.kind === 'line';
  const font = { size: look.fontSize, family: theme.fontFamily };
  // Bars of more than one series differ by pattern as well as colour; a single series is solid.
  const patterned = !line && spec.datasets.length > 1;
  const valueAxis = {
    // Bars are read by their length, so they start at zero; so does a trend line, unless the
    // view decided otherwise (axisStart), in which case the chart says so in its subtitle.
    beginAtZero: spec.axisStart === undefined,
    ...(spec.axisStart !== undefined ? { min: spec.axisStart } : {}),
    ...(line ? { grace: '15%' } : {}),
    ticks: {
      color: theme.ink,
      font,
      callback: (value: string | number) => axisLabel(Number(value), spec.unit),
      // Across a narrow image there is room for about five numbers.
      ...(look.narrow && horizontal ? { maxTicksLimit: 5 } : {}),
    },
    grid: { color: theme.rule },
  };
  const above = look.narrow?.labelsAbove !== undefined;
  const categoryAxis = {
    // With the labels above the bars, labelsAbovePlugin draws them.
    ticks: { display: !above, color: theme.ink, font, ...(look.narrow && !horizontal ? { maxRotation: 90 } : {}) },
    grid: { display: false },
  };
  const config = {
    type: line ? 'line' : 'bar',
    data: {
      labels: look.labels,
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
              pointStyle: POINT_STYLES[index % POINT_STYLES.length],
              // A year with no figure is a gap in the line, not a straight run past it.
              spanGaps: false,
              fill: false,
              tension: 0,
            }
          : {
              label: dataset.label,
              // With the labels above, each part is a row for its name and then one for its bars.
              data: above ? dataset.values.flatMap((value) => [null, value]) : dataset.values,
              backgroundColor: patterned ? barFill(index, dataset.colour, theme.paper, look.scale) : dataset.colour,
              borderColor: dataset.colour,
              // A patterned bar is outlined in its colour, so its edge is as clear as a solid one's.
              borderWidth: patterned && index > 0 ? 1.5 : 0,
              ...(above ? { barThickness: NARROW_BAR } : { maxBarThickness: look.narrow ? 40 : 56 }),
            },
      ),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: false,
      animation: false,
      devicePixelRatio: look.scale,
      layout: {
        padding: {
          top: look.padding,
          left: look.padding,
          // The last number across a narrow image is centred on its tick: room for its half.
          right: look.padding + (look.narrow && horizontal ? 8 : 0),
          bottom: look.padding + (look.narrow?.legend.height ?? 0),
        },
      },
      plugins: {
        legend: {
          display: !look.narrow && spec.datasets.length > 1,
          position: 'bottom',
          labels: {
            color: theme.ink,
            font,
            // A pattern needs a box wide enough to show a few repeats of it.
            ...(patterned ? { boxWidth: 24, boxHeight: 14 } : { boxWidth: 14 }),
            usePointStyle: line,
          },
        },
        title: { display: false },
        subtitle: {
          display: spec.axisStart !== undefined,
          text: look.subtitle,
          color: theme.ink,
          font: { ...font, style: 'italic' },
          align: 'start',
          padding: { bottom: 8 },
        },
      },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
    plugins: [paperPlugin(look, theme), ...(look.narrow ? [narrowLegendPlugin(look, theme, line), ...(above ? [labelsAbovePlugin(look, theme)] : [])] : [])],
  };
  const canvas = canvasFor(look.width, look.height, theme);
  return canvas.renderToBuffer(config as unknown as ChartConfiguration, 'image/png');
}

/**
 * The image's paper, filled before anything is drawn. chartjs-node-canvas's own background
 * fills with "destination-over", which cairo composites several times more slowly; on the
 * canvas chart.js has just cleared, a plain fill gives the same pixels.
 */
function paperPlugin(look: Look, theme: Theme): Plugin {
  return {
    id: 'report-paper',
    beforeDraw: (chart) => {
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = theme.paper;
      ctx.fillRect(0, 0, look.width, look.height);
      ctx.restore();
    },
  };
}

/** Draws the narrow legend in the space left under the chart: a swatch (the bar's fill, or the line with its point) and the series' name. */
function narrowLegendPlugin(look: Look, theme: Theme, line: boolean): Plugin {
  const legend = look.narrow!.legend;
  const lineHeight = look.fontSize * 1.2;
  return {
    id: 'narrow-legend',
    afterDraw(chart) {
      if (legend.rows.length === 0) return;
      const ctx = chart.ctx;
      let top = chart.height - look.padding - legend.height + 10;
      legend.rows.forEach((lines, index) => {
        const dataset = chart.data.datasets[index]!;
        const options = dataset as unknown as {
          backgroundColor: string | CanvasPattern;
          borderColor: string;
          borderWidth?: number;
          borderDash?: number[];
          pointStyle?: PointStyle;
          pointRadius?: number;
        };
        const middle = top + lineHeight / 2;
        const left = look.padding;
        ctx.save();
        if (line) {
          ctx.strokeStyle = options.borderColor;
          ctx.fillStyle = options.borderColor;
          ctx.lineWidth = Math.min(options.borderWidth ?? 2, 3);
          ctx.setLineDash(options.borderDash ?? []);
          ctx.beginPath();
          ctx.moveTo(left, middle);
          ctx.lineTo(left + SWATCH.width, middle);
          ctx.stroke();
          ctx.setLineDash([]);
          drawPoint(ctx, { pointStyle: options.pointStyle ?? 'circle', radius: options.pointRadius ?? 4, borderWidth: 1 }, left + SWATCH.width / 2, middle);
        } else {
          ctx.fillStyle = options.backgroundColor;
          ctx.fillRect(left, middle - SWATCH.height / 2, SWATCH.width, SWATCH.height);
          if ((options.borderWidth ?? 0) > 0) {
            ctx.strokeStyle = options.borderColor;
            ctx.lineWidth = options.borderWidth!;
            ctx.strokeRect(left, middle - SWATCH.height / 2, SWATCH.width, SWATCH.height);
          }
        }
        ctx.fillStyle = theme.ink;
        ctx.font = `${look.fontSize}px "${theme.fontFamily}"`;
        ctx.textBaseline = 'middle';
        ctx.textAlign = 'left';
        lines.forEach((text, n) => ctx.fillText(text, left + SWATCH.width + SWATCH.gap, middle + n * lineHeight));
        ctx.restore();
        top += lines.length * lineHeight + 4;
      });
    },
  };
}

/**
 * Draws a narrow horizontal bar chart's labels, each on the row above its bars from the left
 * of the plot, its last line just above them, on a patch of paper over the grid lines.
 */
function labelsAbovePlugin(look: Look, theme: Theme): Plugin {
  const labels = look.narrow!.labelsAbove!;
  const lineHeight = look.fontSize * 1.2;
  return {
    id: 'labels-above',
    afterDatasetsDraw(chart) {
      const scale = chart.scales.y!;
      const row = Math.abs(scale.getPixelForValue(1) - scale.getPixelForValue(0));
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `${look.fontSize}px "${theme.fontFamily}"`;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      labels.forEach((lines, index) => {
        const bottom = scale.getPixelForValue(2 * index) + row / 2 - 2;
        lines.forEach((text, n) => {
          const middle = bottom - (lines.length - n - 0.5) * lineHeight;
          const left = chart.chartArea.left + 4;
          ctx.fillStyle = theme.paper;
          ctx.fillRect(left - 2, middle - lineHeight / 2, ctx.measureText(text).width + 4, lineHeight);
          ctx.fillStyle = theme.ink;
          ctx.fillText(text, left, middle);
        });
      });
      ctx.restore();
    },
  };
}
