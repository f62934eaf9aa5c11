/**
 * End to end: build the demo and every example with the real CLI and real Chromium, then
 * inspect the PDF with poppler's tools and the HTML as text, and the PDF's structure with
 * pikepdf (pdf-structure-checks.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, EXAMPLES, runCli, tempDir, tool } from './helpers.js';
import { pdfStructureChecks } from './pdf-structure-checks.js';

const EVERY_SECTION = [
  'foreword', 'at-a-glance', 'about', 'what-we-did', 'priorities', 'performance', 'reviews', 'audits', 'training',
  'voice', 'subgroups', 'child-deaths', 'lado', 'scrutiny', 'effectiveness', 'funding', 'next-year', 'glossary', 'compliance',
];

const REPORTS = [
  { name: 'the demo', dir: DEMO, year: '2022-23', title: 'Kingsmere Safeguarding Children Partnership', sections: EVERY_SECTION },
  { name: 'Sandwell 2022-23', ...EXAMPLES.sandwell, title: "Sandwell Children's Safeguarding Partnership", sections: EVERY_SECTION.filter((id) => id !== 'funding') },
  { name: 'Worcestershire 2021-22', ...EXAMPLES.worcestershire, title: 'Worcestershire Safeguarding Children Partnership', sections: EVERY_SECTION.filter((id) => !['foreword', 'next-year', 'scrutiny', 'child-deaths', 'lado'].includes(id)) },
];

describe.each(REPORTS)('report build of $name', ({ dir, year, title, sections }) => {
  const out = tempDir('report-build-');
  const folder = join(out, year);
  let html = '';
  let pdf = '';
  let pdfText = '';
  let headings: Array<{ id: string; number: string; text: string }> = [];

  beforeAll(() => {
    const run = runCli(['build', '--data', dir, '--year', year, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    html = readFileSync(join(folder, 'index.html'), 'utf8');
    const pdfName = readdirSync(folder).find((name) => name.endsWith('.pdf'))!;
    expect(pdfName).toMatch(new RegExp(`-annual-report-${year}\\.pdf$`));
    pdf = join(folder, pdfName);
    pdfText = tool('pdftotext', ['-layout', pdf, '-']);
    headings = [...html.matchAll(/<h2 id="([a-z-]+)-heading"><span class="number">(\d+)\.<\/span> ([^<]+)<\/h2>/g)].map((m) => ({
      id: m[1]!,
      number: m[2]!,
      text: m[3]!.replace(/&#x27;/g, "'").replace(/&amp;/g, '&'),
    }));
  }, 120_000);

  it('writes only the finished report, with no staging folder left behind', () => {
    expect(readdirSync(out)).toEqual([year]);
    expect(readdirSync(join(folder, 'assets')).some((name) => /^report\.[0-9a-f]{10}\.css$/.test(name))).toBe(true);
  });

  it('has every section the data holds, in the HTML, the contents and the PDF', () => {
    expect(headings.map((h) => h.id)).toEqual(sections);
    for (const { id, text } of headings) {
      expect(html).toContain(`<li><a href="#${id}">`);
      expect(pdfText.replace(/\s+/g, ' ')).toContain(text);
    }
  });

  it('gives the right page numbers in the contents and the compliance appendix', () => {
    const pages = tool('pdftotext', [pdf, '-']).split('\f').map((page) => page.replace(/\s+/g, ' '));
    const appendixStart = pages.findIndex((page, i) => i > 1 && page.includes(`${headings.at(-1)!.number}. How this report meets`));
    const appendix = pages.slice(appendixStart).join(' ');
    let referencesInAppendix = 0;
    for (const { number, text } of headings) {
      const heading = `${number}. ${text}`;
      const page = pages.findIndex((content, i) => i > 1 && content.includes(heading)) + 1;
      expect(page, heading).toBeGreaterThan(2);
      // pdftotext sometimes reads a row's page number before its title; either order is the same line.
      expect([`${heading} ${page}`, `${number}. ${page} ${text}`].some((entry) => pages[1]!.includes(entry)), `contents entry for ${heading} on page ${page}`).toBe(true);
      const cited = new RegExp(`${heading.replace(/[.?*()]/g, '\\$&')} page (\\d+)`, 'g');
      for (const match of appendix.matchAll(cited)) {
        expect(Number(match[1]), `appendix reference to ${heading}`).toBe(page);
        referencesInAppendix++;
      }
    }
    expect(referencesInAppendix).toBeGreaterThanOrEqual(8);
  });

  it('is a real HTML document: language, title, landmarks, alt text on every image', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain(`<title>${title.replace(/'/g, '&#x27;')}: `);
    expect(html).toMatch(/<nav class="contents" aria-labelledby="contents-heading">/);
    expect(html).toMatch(/<main id="main">/);
    const images = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image).toMatch(/ alt="[^"]{10,}"/);
      const src = /src="([^"]+)"/.exec(image)![1]!;
      expect(existsSync(join(folder, src))).toBe(true);
    }
    expect(html).not.toMatch(/undefined|NaN|\[object Object\]/);
    // Every in-page link (contents, compliance appendix, impact figures) lands on something.
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(20);
    for (const anchor of anchors) expect(ids.has(anchor), `#${anchor}`).toBe(true);
  });

  it('prints a tagged A4 PDF with the document title, bookmarks and page numbers', () => {
    const info = tool('pdfinfo', [pdf]);
    expect(info).toMatch(new RegExp(`Title: +${title}: `));
    expect(info).toMatch(/Tagged: +yes/);
    expect(info).toMatch(/Page size: +59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages: +(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(12);
    expect(readFileSync(pdf).includes('/Outlines')).toBe(true);
    expect(pdfText).toContain(`Page 3 of ${pages}`);
    expect(pdfText).toContain(`Page ${pages} of ${pages}`);
  });

  pdfStructureChecks(() => ({ pdfFile: pdf, html }));
});

describe('report build --format', () => {
  it('html writes the site without printing; data with problems is refused, and that site stays as it was', () => {
    const out = tempDir();
    const run = runCli(['build', '--data', DEMO, '--out', out, '--format', 'html']);
    expect(run.status).toBe(0);
    const files = readdirSync(join(out, '2022-23'));
    expect(files).toContain('index.html');
    expect(files.some((name) => name.endsWith('.pdf'))).toBe(false);

    const before = readFileSync(join(out, '2022-23', 'index.html'), 'utf8');
    const refused = runCli(['build', '--data', join(DEMO, '..', 'test', 'fixtures', 'broken'), '--year', '2022-23', '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/report\.yaml:\d+:\d+ {2}status: expected draft or final/);
    expect(readdirSync(out)).toEqual(['2022-23']);
    expect(readFileSync(join(out, '2022-23', 'index.html'), 'utf8')).toBe(before);
  });

  it('exits 3 with install advice when the browser cannot be found', () => {
    const run = runCli(['build', '--data', DEMO, '--out', tempDir(), '--browser', '/nowhere/chromium']);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/--browser does not exist[\s\S]*apt-get install -y chromium/);
  });
});
