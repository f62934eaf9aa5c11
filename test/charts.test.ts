import { describe, expect, it } from 'vitest';
import { chartSpec } from '../src/render/chart-spec.js';
import { drawChart } from '../src/render/charts.js';
import { indicatorView } from '../src/render/indicator-view.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { themeFor } from '../src/render/theme.js';
import type { Indicator } from '../src/model/report-year.js';

const theme = themeFor({ name: 'Test', area: 'Sandwell', website: 'https://example.org', safeguarding_partners: [] } as never);

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

describe('indicator charts', () => {
  const names = { england: 'England', region: 'West Midlands', statistical_neighbours: 'Statistical neighbours' };
  const view = indicatorView(reReferrals, { area: 'Sandwell', year: '2022-23', names, theme }, renderMarkdown);

  it('describe the data in a sentence for the alt text', () => {
    expect(view.chart?.alt).toBe(
      'Bar chart. Re-referrals within 12 months in Sandwell: 21.0% in 2021-22 and 23.0% in 2022-23. ' +
        'For comparison, in 2022-23: England 21.5%, West Midlands 19.1% and Statistical neighbours 20.4%.',
    );
  });

  it('come with a table holding the same numbers', () => {
    expect(view.table.columns).toEqual(['2021-22', '2022-23']);
    expect(view.table.rows).toEqual([
      { header: 'Sandwell', cells: ['21.0%', '23.0%'] },
      { header: 'England', cells: ['', '21.5%'] },
      { header: 'West Midlands', cells: ['', '19.1%'] },
      { header: 'Statistical neighbours', cells: ['', '20.4%'] },
    ]);
  });

  it('render to a valid PNG at twice the size the page shows it', async () => {
    const { png, spec } = await drawChart(view.chart!, theme);
    expect(pngSize(png)).toEqual({ width: spec.width * 2, height: spec.height * 2 });
    expect(png.length).toBeGreaterThan(5_000);
  });

  it('never plot a suppressed value', () => {
    const suppressed = indicatorView(
      { ...reReferrals, unit: 'count', values: { '2021-22': 'c', '2022-23': 12 } },
      { area: 'Sandwell', year: '2022-23', names, theme },
      renderMarkdown,
    );
    expect(suppressed.chart?.datasets[0]?.values).toEqual([null, 12]);
    expect(suppressed.table.rows[0]?.cells).toEqual(['c', '12']);
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
    const { png } = await drawChart(spec, theme);
    expect(pngSize(png)).toEqual({ width: 1440, height: spec.height * 2 });
  });
});
