import { describe, expect, it } from 'vitest';
import { chartSpec } from '../src/render/chart-spec.js';
import { drawChart } from '../src/render/charts.js';
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
