/**
 * Figures as reports state them: a snapshot on a date, a count for part of a year, a
 * district's own series, a comparator the partnership chose, and a breakdown whose stated total
 * is not the sum of its parts. Each goes through validate, the page, the chart and its alt text,
 * and is said as stated: never compared with a figure for another kind of period, never
 * labelled with the whole area's name, never shared out of a total the report does not give.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { check } from '../src/check.js';
import { figuresOf } from '../src/render/figures.js';
import { themeFor } from '../src/render/theme.js';
import { copyOf, DEMO, runCli, tool } from './helpers.js';

const STATED = {
  indicators: [
    {
      id: 'plans-at-year-end',
      label: 'Children on child protection plans',
      group: 'Stated figures',
      unit: 'count',
      polarity: 'neither',
      values: { '2021-22': { value: 300, as_at: '2022-03-31' }, '2022-23': { value: 412, as_at: '2023-03-31' } },
      comparators: { others: [{ name: 'Core cities', values: { '2022-23': { value: 390, as_at: '2023-03-31' } } }] },
    },
    {
      id: 'contacts-part-year',
      label: 'Contacts to the front door',
      group: 'Stated figures',
      unit: 'count',
      polarity: 'neither',
      values: { '2021-22': 5100, '2022-23': { value: 3900, from: '2022-04', to: '2022-12' } },
    },
    {
      id: 'gld-wyre-forest',
      label: 'Good level of development',
      area: 'Wyre Forest',
      group: 'Stated figures',
      unit: 'percentage',
      polarity: 'higher-is-better',
      values: { '2019-20': 70.1, '2020-21': 71.5, '2021-22': 72.3, '2022-23': 73.4 },
      comparators: { england: { '2021-22': 65.2 } },
    },
  ],
  breakdown: {
    id: 'plans-by-age-wyre-forest',
    label: 'Children on plans by age',
    group: 'Stated figures',
    unit: 'count',
    area: 'Wyre Forest',
    year: '2021-22',
    as_at: '2022-03-31',
    total: 50,
    parts: [
      { label: 'Under 5', value: 39 },
      { label: '5 and over', value: 9 },
    ],
  },
};

let folder: string;
let out: string;
let html: string;

function text(page: string): string {
  return page.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
}

function alts(page: string): string[] {
  return [...page.matchAll(/<img[^>]*alt="([^"]*)"/g)].map((match) => match[1]!.replace(/&#39;/g, "'"));
}

beforeAll(() => {
  folder = copyOf(DEMO);
  const path = join(folder, '2022-23', 'indicators.yaml');
  const document = parseDocument(readFileSync(path, 'utf8'));
  for (const indicator of STATED.indicators) document.addIn(['indicators'], document.createNode(indicator));
  document.addIn(['breakdowns'], document.createNode(STATED.breakdown));
  writeFileSync(path, document.toString());
  out = join(folder, '..', 'site');
  const built = runCli(['build', '--data', folder, '--out', out, '--format', 'html']);
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  html = readFileSync(join(out, '2022-23', 'index.html'), 'utf8');
}, 180_000);

afterAll(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

describe('figures as stated', () => {
  it('pass validate, which does not ask for a period where a figure is for the whole year', () => {
    const run = runCli(['validate', '--data', folder, '--format', 'json']);
    const result = JSON.parse(run.stdout);
    expect(result.problems).toEqual([]);
    const fields = result.notStated.map((item: { field: string }) => item.field);
    for (const field of fields) expect(field).not.toMatch(/\.(as_at|from|to|note|area|year)$/);
  });

  it('are refused when a figure is both a snapshot and a part of a year, or a part of a year has one end', async () => {
    const bad = copyOf(folder);
    try {
      const path = join(bad, '2022-23', 'indicators.yaml');
      const document = parseDocument(readFileSync(path, 'utf8'));
      const at = document.get('indicators').items.length - 3;
      document.setIn(['indicators', at, 'values', '2022-23'], document.createNode({ value: 412, as_at: '2023-03-31', from: '2022-04', to: '2022-12' }));
      document.setIn(['indicators', at + 1, 'values', '2022-23'], document.createNode({ value: 3900, from: '2022-04' }));
      writeFileSync(path, document.toString());
      const checked = await check({ data: bad, year: '2022-23' });
      const messages = checked.problems.map((problem) => `${problem.line}: ${problem.message}`).join('\n');
      expect(messages).toMatch(/either a snapshot \(as_at\) or for part of a year/);
      expect(messages).toMatch(/give both from and to/);
      expect(checked.problems.every((problem) => problem.line !== undefined && problem.line > 0)).toBe(true);
    } finally {
      rmSync(join(bad, '..'), { recursive: true, force: true });
    }
  });

  it('say a snapshot as a snapshot, and compare it with the partnership\'s own comparator at the same date', () => {
    const page = text(html);
    expect(page).toContain('Children on child protection plans rose from 300 as at 31 March 2022 to 412 as at 31 March 2023');
    expect(page).toContain('above the figure for Core cities of 390 (as at 31 March 2023)');
    expect(page).toMatch(/412 \(as at 31 March 2023\)/);
    expect(alts(html).some((alt) => alt.includes('412 as at 31 March 2023') && alt.includes('Core cities'))).toBe(true);
  });

  it('never compares part of a year with a whole year: no rise or fall is claimed', () => {
    const page = text(html);
    expect(page).toContain('Contacts to the front door: 3,900 from April 2022 to December 2022, against 5,100 in 2021-22');
    expect(page).not.toMatch(/Contacts to the front door (rose|fell)/);
    expect(page).toContain('3,900 (April 2022 to December 2022)');
  });

  it('labels a district\'s series with the district, not the area, and marks an axis that does not start at zero', () => {
    const page = text(html);
    expect(page).toContain('Good level of development (Wyre Forest)');
    expect(page).toContain('Good level of development in Wyre Forest rose from 72.3% in 2021-22 to 73.4% in 2022-23');
    const alt = alts(html).find((a) => a.startsWith('Line chart: Good level of development in Wyre Forest'));
    expect(alt).toBeDefined();
    expect(alt).toContain('The vertical axis does not start at zero.');
    // The table's row is Wyre Forest's; the area's name heads no row of it.
    const table = html.slice(html.indexOf('Good level of development in Wyre Forest (percentage)'));
    const rows = table.slice(0, table.indexOf('</table>'));
    expect(rows).toContain('<th scope="row">Wyre Forest</th>');
    expect(rows).not.toContain('<th scope="row">Kingsmere</th>');
  });

  it('give a breakdown\'s shares of its stated total, with whose and when it is', () => {
    const page = text(html);
    expect(page).toContain('Children on plans by age in Wyre Forest (2021-22, as at 31 March 2022)');
    // 39 of the stated 50 is 78%; of the parts' sum, 48, it would be 81.3%.
    const table = html.slice(html.indexOf('<caption>Children on plans by age in Wyre Forest'));
    const rows = text(table.slice(0, table.indexOf('</table>')));
    expect(rows).toContain('Under 5 39 78.0%');
    expect(rows).not.toContain('81.3%');
    expect(rows).toMatch(/Total 50/);
    const alt = alts(html).find((a) => a.includes('plans by age in Wyre Forest'));
    expect(alt).toContain('stated total 50');
  });

  it('draw charts whose labels and series carry the period and the comparator', async () => {
    const checked = await check({ data: folder, year: '2022-23' });
    const figures = figuresOf(checked.report!, themeFor(checked.report!.partnership));
    const snapshot = figures.indicators.get('plans-at-year-end')!.charts[0]!;
    expect(snapshot.labels).toEqual(['2021-22 (as at 31 March 2022)', '2022-23 (as at 31 March 2023)']);
    expect(snapshot.datasets.map((d) => d.label)).toEqual(['Kingsmere', 'Core cities']);
    const district = figures.indicators.get('gld-wyre-forest')!.charts[0]!;
    expect(district.kind).toBe('line');
    expect(district.datasets[0]!.label).toBe('Wyre Forest');
    expect(district.axisStart).toBeGreaterThan(0);
    expect(district.axisStart).toBeLessThanOrEqual(65.2);
    // Each chart is drawn: the page's image for it is a real PNG of the size the spec gives.
    for (const spec of [snapshot, district]) {
      const img = [...html.matchAll(/<img[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(spec.alt.slice(0, 60).replace(/'/g, '&#39;')));
      expect(img, spec.alt).toBeDefined();
      const file = join(out, '2022-23', /src="([^"]+)"/.exec(img!)![1]!);
      expect(existsSync(file)).toBe(true);
      expect(tool('file', [file])).toMatch(new RegExp(`PNG image data, ${spec.width * 2} x ${spec.height * 2}`));
    }
  });
});
