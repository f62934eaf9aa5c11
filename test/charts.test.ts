import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { chartSpec, NARROW_CHART, type ChartSpec } from '../src/render/chart-spec.js';
import { drawChart } from '../src/render/chart-images.js';
import { indicatorView, type IndicatorContext } from '../src/render/indicator-view.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { themeFor } from '../src/render/theme.js';
import type { Indicator } from '../src/model/report-year.js';
import { freshCache } from './helpers.js';

const theme = themeFor({ name: 'Test', area: 'Sandwell', website: 'https://example.org', safeguarding_partners: [] } as never);
const context: IndicatorContext = {
  area: 'Sandwell',
  year: '2022-23',
  names: { england: 'England', region: 'West Midlands', statistical_neighbours: 'Statistical neighbours' },
  theme,
  policy: { threshold: 5 },
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const reReferrals: Indicator = {
  id: 're-referrals',
  label: 'Re-referrals within 12 months',
  group: 'The front door',
  unit: 'percentage',
  polarity: 'lower-is-better',
  values: { '2021-22': 21, '2022-23': 23 },
  comparators: { england: { '2022-23': 21.5 }, region: { '2022-23': 19.1 }, statistical_neighbours: { '2022-23': 20.4 } },
};

describe('indicator charts are chosen by the data', () => {
  it('two years against comparators: bars, described in a sentence a person would write', () => {
    const view = indicatorView(reReferrals, context, renderMarkdown);
    expect(view.charts.map((chart) => chart.kind)).toEqual(['grouped-bar']);
    expect(view.charts[0]!.alt).toBe(
      'Bar chart. Re-referrals within 12 months rose from 21.0% in 2021-22 to 23.0% in 2022-23 (worse: lower is better), ' +
        'above the England average of 21.5%, the West Midlands average of 19.1% and the average of statistical neighbours of 20.4%.',
    );
  });

  it('three or more years: a trend line with the comparators', () => {
    const view = indicatorView({ ...reReferrals, values: { '2020-21': 20.2, ...reReferrals.values } }, context, renderMarkdown);
    expect(view.charts[0]).toMatchObject({ kind: 'line', labels: ['2020-21', '2021-22', '2022-23'] });
    expect(view.charts[0]!.datasets.map((d) => d.label)).toEqual(['Sandwell', 'England', 'West Midlands', 'Statistical neighbours']);
    expect(view.charts[0]!.alt).toMatch(/^Line chart: Re-referrals within 12 months, 2020-21 to 2022-23\. Re-referrals/);
  });

  it('quarters: a chart of their own, and a table', () => {
    const view = indicatorView({ ...reReferrals, quarters: { Q1: 22.1, Q2: 23.4, Q3: 23.0, Q4: 23.5 } }, context, renderMarkdown);
    expect(view.charts.map((chart) => chart.id)).toEqual(['indicator-re-referrals', 'indicator-re-referrals-quarters']);
    expect(view.charts[1]!.alt).toBe('Bar chart: Re-referrals within 12 months in Sandwell by quarter of 2022-23: Q1 22.1%; Q2 23.4%; Q3 23.0%; Q4 23.5%.');
    expect(view.quarterTable?.rows).toEqual([{ header: 'Sandwell', cells: ['22.1%', '23.4%', '23.0%', '23.5%'] }]);
  });

  it('every chart comes with a table holding the same numbers', () => {
    const view = indicatorView(reReferrals, context, renderMarkdown);
    expect(view.table.columns).toEqual(['2021-22', '2022-23']);
    expect(view.table.rows).toEqual([
      { header: 'Sandwell', cells: ['21.0%', '23.0%'] },
      { header: 'England', cells: ['', '21.5%'] },
      { header: 'West Midlands', cells: ['', '19.1%'] },
      { header: 'Statistical neighbours', cells: ['', '20.4%'] },
    ]);
  });

  it('render to valid PNGs at twice the size the page shows them, bars and lines alike', async () => {
    for (const values of [reReferrals.values, { '2020-21': 20.2, ...reReferrals.values }]) {
      const view = indicatorView({ ...reReferrals, values }, context, renderMarkdown);
      const { png, spec } = await drawChart(view.charts[0]!, theme, freshCache());
      expect(pngSize(png)).toEqual({ width: spec.width * 2, height: spec.height * 2 });
      expect(png.length).toBeGreaterThan(5_000);
    }
  });

  it('never plot a small count, and say it as "fewer than 6"', () => {
    const view = indicatorView({ ...reReferrals, unit: 'count', polarity: 'neither', values: { '2020-21': 9, '2021-22': 4, '2022-23': 12 }, comparators: {} }, context, renderMarkdown);
    expect(view.charts[0]?.datasets[0]?.values).toEqual([9, null, 12]);
    expect(view.table.rows[0]?.cells).toEqual(['9', 'c', '12']);
    expect(view.facts.sentence).toBe('Re-referrals within 12 months: 12 in 2022-23, against fewer than 6 in 2021-22.');
    expect(view.suppressed).toBe(true);
  });

  it('draw horizontal bars for a breakdown', async () => {
    const spec = chartSpec({
      id: 'contacts-by-source',
      kind: 'horizontal-bar',
      labels: ['Police', 'Education', 'Other'],
      datasets: [{ label: 'Contacts', values: [10581, 4489, 14493], colour: theme.primary }],
      unit: 'count',
      alt: 'Contacts by source',
    });
    const { png } = await drawChart(spec, theme, freshCache());
    expect(pngSize(png)).toEqual({ width: 1440, height: spec.height * 2 });
  });
});

/** The pixels of a PNG, as RGBA bytes row by row. */
async function pixels(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

/**
 * Where `colour` is on the image, as boxes: each run of rows holding that colour, from its
 * first to its last such pixel. A bar is one tall box; a legend swatch a short one below it.
 * Inside each box (less `inset` pixels at each edge, its outline), the shares of pixels that
 * are the colour (the ink) and that are the paper.
 */
async function inkBoxes(png: Buffer, colour: string, inset: number) {
  const { width, height, data } = await pixels(png);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  const at = (x: number, y: number) => (y * width + x) * 4;
  const isInk = (i: number) => Math.abs(data[i]! - r!) < 40 && Math.abs(data[i + 1]! - g!) < 40 && Math.abs(data[i + 2]! - b!) < 40;
  const isPaper = (i: number) => data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245;
  const rows: Array<{ y: number; left: number; right: number }> = [];
  for (let y = 0; y < height; y++) {
    let left = -1;
    let right = -1;
    for (let x = 0; x < width; x++) {
      if (!isInk(at(x, y))) continue;
      if (left < 0) left = x;
      right = x;
    }
    if (left >= 0) rows.push({ y, left, right });
  }
  const boxes: Array<{ top: number; bottom: number; left: number; right: number }> = [];
  for (const row of rows) {
    const last = boxes.at(-1);
    if (last && row.y === last.bottom + 1) Object.assign(last, { bottom: row.y, left: Math.min(last.left, row.left), right: Math.max(last.right, row.right) });
    else boxes.push({ top: row.y, bottom: row.y, left: row.left, right: row.right });
  }
  return boxes.map((box) => {
    let ink = 0;
    let paper = 0;
    let all = 0;
    for (let y = box.top + inset; y <= box.bottom - inset; y++) {
      for (let x = box.left + inset; x <= box.right - inset; x++) {
        all++;
        if (isInk(at(x, y))) ink++;
        else if (isPaper(at(x, y))) paper++;
      }
    }
    return { ...box, height: box.bottom - box.top + 1, ink: ink / all, paper: paper / all };
  });
}

describe('bars of more than one series differ by pattern, not only colour', () => {
  const blue = theme.primary;
  const orange = theme.series.region;
  const bars = (datasets: ChartSpec['datasets']) =>
    chartSpec({ id: 'pattern-probe', kind: 'grouped-bar', labels: ['2022-23'], datasets, unit: 'percentage', alt: 'x' });
  const twoSeries = bars([
    { label: 'Sandwell', values: [80], colour: blue },
    { label: 'West Midlands', values: [90], colour: orange },
  ]);

  it('the second series is its colour on the paper, in the bars and in the legend, in both images', async () => {
    const drawn = await drawChart(twoSeries, theme, freshCache());
    for (const [png, scale] of [[drawn.png, 2], [drawn.narrow.png, NARROW_CHART.scale]] as const) {
      const boxes = await inkBoxes(png, orange, 3 * scale);
      // The bar, then the legend's swatch under it.
      expect(boxes).toHaveLength(2);
      const [bar, swatch] = boxes;
      expect(bar!.height).toBeGreaterThan(100 * scale);
      expect(swatch!.height).toBeLessThan(20 * scale);
      for (const box of boxes) {
        expect(box.ink, JSON.stringify(box)).toBeGreaterThan(0.15);
        expect(box.paper, JSON.stringify(box)).toBeGreaterThan(0.15);
      }
      // The area's own series stays solid.
      const [solid] = await inkBoxes(png, blue, 3 * scale);
      expect(solid!.ink).toBeGreaterThan(0.98);
    }
  });

  it('a single series is solid', async () => {
    const drawn = await drawChart(bars([{ label: 'West Midlands', values: [90], colour: orange }]), theme, freshCache());
    for (const png of [drawn.png, drawn.narrow.png]) {
      const boxes = await inkBoxes(png, orange, 2);
      // No legend: one series needs none.
      expect(boxes).toHaveLength(1);
      expect(boxes[0]!.ink).toBeGreaterThan(0.98);
      expect(boxes[0]!.paper).toBe(0);
    }
  });

  it('each series after the first has a pattern of its own', async () => {
    const colours = [blue, theme.series.england, orange, theme.series.statistical_neighbours];
    const drawn = await drawChart(bars(colours.map((colour, index) => ({ label: `Series ${index}`, values: [50 + index * 10], colour }))), theme, freshCache());
    const fills = await Promise.all(colours.slice(1).map(async (colour) => (await inkBoxes(drawn.png, colour, 6))[0]!));
    // Same colour aside, the fills differ in how much of each bar is ink.
    const shares = fills.map((box) => Math.round(box.ink * 100));
    expect(new Set(shares).size, shares.join(', ')).toBe(3);
  });
});

describe('every chart is drawn again for narrow screens', () => {
  const breakdown = (labels: string[]) =>
    chartSpec({ id: 'narrow-probe', kind: 'horizontal-bar', labels, datasets: [{ label: 'Contacts', values: labels.map((_, n) => 100 * (n + 1)), colour: theme.primary }], unit: 'count', alt: 'x' });

  it('as wide as NARROW_CHART, at its scale, with its height in CSS px', async () => {
    const view = indicatorView({ ...reReferrals, values: { '2020-21': 20.2, ...reReferrals.values } }, context, renderMarkdown);
    for (const spec of [view.charts[0]!, breakdown(['Police', 'Education'])]) {
      const { narrow } = await drawChart(spec, theme, freshCache());
      expect(narrow.width).toBe(NARROW_CHART.width);
      expect(pngSize(narrow.png)).toEqual({ width: narrow.width * NARROW_CHART.scale, height: narrow.height * NARROW_CHART.scale });
      expect(Number.isInteger(narrow.height)).toBe(true);
    }
  });

  it('grows taller to give long labels the lines they need, rather than shortening them', async () => {
    const short = await drawChart(breakdown(['Police', 'Schools', 'Health']), theme, freshCache());
    const long = await drawChart(breakdown(['Police', 'Council services (including housing and adult social care)', 'Other (probation, other local authorities, Cafcass)']), theme, freshCache());
    expect(long.narrow.height).toBeGreaterThan(short.narrow.height);
    // The wide image keeps its size: there is room for the labels on one line.
    expect(long.spec.height).toBe(short.spec.height);
  });

  it('keeps both images in the cache, under the chart\'s content', async () => {
    const cache = freshCache();
    const first = await drawChart(twoLines(), theme, cache);
    const again = await drawChart({ ...twoLines(), id: 'another-id', alt: 'another sentence' }, theme, cache);
    expect(again.png).toBe(first.png);
    expect(again.narrow.png).toBe(first.narrow.png);
    expect(readdirSync(join(cache, 'charts'))).toHaveLength(2);
  });
});

function twoLines(): ChartSpec {
  return indicatorView({ ...reReferrals, values: { '2020-21': 20.2, ...reReferrals.values } }, context, renderMarkdown).charts[0]!;
}
