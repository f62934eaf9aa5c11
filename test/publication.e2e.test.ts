/**
 * Publication quality: the built site is accessible (axe-core, WCAG 2.x A and AA), readable on
 * a 320 px phone, reproducible to the byte, and the PDF carries its document information in
 * the shipped font. Also: template overrides and the offline print (the CI recipes are run in
 * ci-recipes.e2e.test.ts).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/write/browser/find-browser.js';
import { browserFlags } from '../src/write/browser/launch-browser.js';
import { DEMO, EXAMPLES, freshCache, ROOT, runCli, tempDir, tool } from './helpers.js';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, args: browserFlags() });
});
afterAll(async () => browser?.close());

function files(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else found.set(`${prefix}${entry.name}`, readFileSync(join(dir, entry.name)));
    }
  };
  walk(folder, '');
  return found;
}

describe.each([
  { name: 'the demo', dir: DEMO, year: '2022-23' },
  { name: 'Sandwell', ...EXAMPLES.sandwell },
  { name: 'Worcestershire', ...EXAMPLES.worcestershire },
])('the site for $name', ({ dir, year }) => {
  const out = tempDir('report-site-');
  beforeAll(() => {
    expect(runCli(['build', '--data', dir, '--out', out, '--format', 'html']).status).toBe(0);
  }, 60_000);

  it.each([320, 768, 1280])('has no WCAG 2.x A or AA violations (axe-core) at %i px wide', async (width) => {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 800 });
    await page.goto(pathToFileURL(join(out, year, 'index.html')).href, { waitUntil: 'load' });
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    await page.close();
    expect(violations).toEqual([]);
  });

  it('reads on a 320 px wide screen without scrolling sideways', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 320, height: 640 });
    await page.goto(pathToFileURL(join(out, year, 'index.html')).href, { waitUntil: 'load' });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.close();
    expect(width).toBeLessThanOrEqual(320);
  });

  it('links only to its own files, by relative paths, with fingerprinted names', () => {
    const html = readFileSync(join(out, year, 'index.html'), 'utf8');
    const references = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]!).filter((ref) => !/^(https?:|mailto:)/.test(ref));
    expect(references.length).toBeGreaterThan(3);
    // an icon of its own, so that no browser asks for a /favicon.ico that is not there
    expect(html).toMatch(/<link rel="icon" href="assets\/icon\.[0-9a-f]{10}\.svg" type="image\/svg\+xml">/);
    for (const ref of references) {
      expect(ref).toMatch(/^assets\/.+\.[0-9a-f]{10}\.(css|png|svg|jpg|ttf)$/);
      expect(readdirSync(join(out, year, ref, '..'))).toContain(ref.split('/').pop());
    }
  });
});

describe('the PDF as published, built twice', () => {
  // Two builds of the demo, each from its own empty cache folder: the first is the report as
  // published; the second must come out byte for byte the same. Were the second to read back
  // the charts and page numbers the first left, a chart or a PDF that came out differently each
  // time would go unseen.
  // A third build reads back what the first left in its cache, as day-to-day builds do: it
  // prints once where the first printed twice, and must come out the same too.
  const [first, second, third] = [tempDir(), tempDir(), tempDir()];
  let pdf = '';
  beforeAll(() => {
    const caches = [freshCache(), freshCache()];
    for (const [out, cache] of [[first, caches[0]!], [second, caches[1]!]]) {
      const run = runCli(['build', '--data', DEMO, '--out', out!], ROOT, { REPORT_CACHE_DIR: cache! });
      expect(run.status, run.stderr).toBe(0);
      // It drew into its own cache, so it did draw: the folder was used, and started empty.
      expect(readdirSync(join(cache!, 'charts')).length).toBeGreaterThan(10);
      expect(readdirSync(join(cache!, 'page-numbers')).length).toBeGreaterThan(0);
    }
    const warm = runCli(['build', '--data', DEMO, '--out', third], ROOT, { REPORT_CACHE_DIR: caches[0]! });
    expect(warm.status, warm.stderr).toBe(0);
    pdf = join(first, '2022-23', readdirSync(join(first, '2022-23')).find((name) => name.endsWith('.pdf'))!);
  }, 120_000);

  it('carries its title, author, subject, keywords and language', () => {
    const info = tool('pdfinfo', [pdf]);
    expect(info).toMatch(/^Title: +Kingsmere Safeguarding Children Partnership: Annual report 2022-23$/m);
    expect(info).toMatch(/^Author: +Kingsmere Safeguarding Children Partnership$/m);
    expect(info).toMatch(/^Subject: +The yearly report of the Kingsmere safeguarding children partnership/m);
    expect(info).toMatch(/^Keywords: +safeguarding children/m);
    expect(info).toMatch(/^Tagged: +yes$/m);
    expect(info).toMatch(/^CreationDate: +Fri Sep 29 00:00:00 2023 UTC$/m);
    expect(readFileSync(pdf).includes('/Lang (en-GB)')).toBe(true);
  });

  it('embeds only the font shipped with the project', () => {
    const fonts = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+AtkinsonHyperlegible-\S+ .* yes yes yes /);
  });

  it('the web page links to it and states its size', () => {
    const html = readFileSync(join(first, '2022-23', 'index.html'), 'utf8');
    expect(html).toMatch(/<a href="kingsmere-safeguarding-children-partnership-annual-report-2022-23\.pdf" download>Download this report as a PDF \(PDF, \d\.\d MB\)<\/a>/);
  });

  it.each([
    ['its charts drawn and page numbers found afresh', () => second],
    ['with the charts and page numbers the first build remembered', () => third],
  ])('is the same bytes when built again from the same data, %s', (_how, again) => {
    const a = files(join(first, '2022-23'));
    const b = files(join(again(), '2022-23'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, content] of a) expect(content.equals(b.get(name)!), name).toBe(true);
  });
});

describe('template overrides and the offline print', () => {
  it('replace one partial, keep the rest, and block what the page tries to fetch', () => {
    const templates = tempDir();
    mkdirSync(join(templates, 'partials'));
    writeFileSync(join(templates, 'partials', 'foreword.hbs'), '<p class="our-own">Our own foreword layout.</p>\n<img src="https://tracker.example.invalid/pixel.png" alt="">\n<div class="prose">{{{html}}}</div>\n');
    const out = tempDir();
    const run = runCli(['build', '--data', DEMO, '--out', out, '--templates', templates]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Warning: While printing, the page asked for https://tracker.example.invalid/pixel.png, which is outside the report; it was blocked.');
    const html = readFileSync(join(out, '2022-23', 'index.html'), 'utf8');
    expect(html).toContain('<p class="our-own">Our own foreword layout.</p>');
    expect(html).toContain('id="priorities-heading"');
  }, 60_000);
});
