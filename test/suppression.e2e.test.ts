/**
 * No suppressed value can be recovered from the published report: build a report holding
 * small counts, then read the HTML and the PDF's text as a reader (or a scraper) would.
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOf, DEMO, runCli, tempDir, tool } from './helpers.js';

const SMALL_INDICATOR = `
  - id: children-in-secure-homes
    label: Children placed in secure children's homes
    group: Children in care and care leavers
    unit: count
    polarity: neither
    values:
      2020-21: 7
      2021-22: 3
      2022-23: 0
  - id: neglect-plans-under-one
    label: Babies under one on child protection plans for neglect
    group: Assessment and child protection
    unit: rate-per-10000
    polarity: neither
    values:
      2021-22: 0.4
      2022-23: 1.3
    counts:
      2021-22: 3
      2022-23: 9
`;
const SMALL_BREAKDOWN = `
  - id: care-placements-small
    label: Children starting to be looked after by first placement
    group: Children in care and care leavers
    unit: count
    total: 207
    parts:
      - label: Foster care with Kingsmere carers
        value: 121
      - label: Foster care with agency carers
        value: 64
      - label: Secure children's home
        value: 2
      - label: Placed with parents
        value: 11
      - label: Residential children's home
        value: 9
`;

function figureHtml(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The figures in a table's body and total row (not the empty corner of its header). */
function cells(fragment: string): string[] {
  return [...fragment.slice(fragment.indexOf('<tbody>')).matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!);
}

describe('small numbers cannot be recovered from the published report', () => {
  let html = '';
  let pdfText = '';

  beforeAll(() => {
    const data = copyOf(DEMO);
    const path = join(data, '2022-23', 'indicators.yaml');
    const text = readFileSync(path, 'utf8');
    const [indicators, breakdowns] = text.split(/^breakdowns:\n/m);
    writeFileSync(path, `${indicators}${SMALL_INDICATOR.slice(1)}breakdowns:\n${breakdowns}`);
    appendFileSync(path, SMALL_BREAKDOWN.slice(1));
    const out = tempDir();
    const run = runCli(['build', '--data', data, '--out', out]);
    expect(run.stderr).toBe('');
    const folder = join(out, '2022-23');
    html = readFileSync(join(folder, 'index.html'), 'utf8');
    pdfText = tool('pdftotext', ['-layout', join(folder, readdirSync(folder).find((name) => name.endsWith('.pdf'))!), '-']);
  }, 120_000);

  it('shows a small count as c in the table and "fewer than 6" in words, and keeps zero', () => {
    const figure = figureHtml(html, 'indicator-children-in-secure-homes');
    expect(cells(figure)).toEqual(['7', 'c', '0']);
    expect(figure).toContain('fewer than 6 in 2021-22');
    expect(figure).not.toMatch(/\b3\b(?! April)/);
    expect(pdfText).toMatch(/Kingsmere\s+7\s+c\s+0\n/);
  });

  it('hides a rate per 10,000 worked out from a small count', () => {
    const figure = figureHtml(html, 'indicator-neglect-plans-under-one');
    expect(cells(figure)).toEqual(['c', '1.3']);
    expect(figure).not.toContain('0.4');
    expect(pdfText).not.toMatch(/\b0\.4\b/);
  });

  it('hides a second part of a breakdown whose total is shown, so the total gives nothing away', () => {
    const figure = figureHtml(html, 'breakdown-care-placements-small');
    const shown = cells(figure);
    // The small part (2) is hidden, and so is the next smallest (9), or 207 minus the rest would give 2.
    expect(shown).toEqual(['121', '64', 'c', '11', 'c', '207']);
    const visible = shown.slice(0, -1).filter((cell) => cell !== 'c').map(Number);
    expect(207 - visible.reduce((a, b) => a + b, 0)).toBe(11);
    expect(figure).not.toMatch(/\b2\b|\b9\b/);
    expect(pdfText).toMatch(/Secure children's home\s+c\n/);
    expect(pdfText).toMatch(/Residential children's home\s+c\n/);
    expect(pdfText).not.toMatch(/Residential children's home\s+9/);
    expect(figure).toContain("Secure children&#x27;s home fewer than 6; Placed with parents 11; Residential children&#x27;s home not published; stated total 207.");
  });

  it('explains the c with a key', () => {
    expect(html).toContain('<strong>Key:</strong> c: not published, to protect children&#x27;s privacy. Counts of 1 to 5 are not shown');
    expect(pdfText).toMatch(/Key: c: not published, to protect children's privacy/);
  });
});
