/**
 * A published SVG logo is inert: a hostile logo is built into a report, then the published
 * file is opened on its own in Chromium (as anyone following its address would): no script
 * may run, no dialog open, and no request leave the file; its text keeps the drawing and
 * none of the dangerous parts. The demo's ordinary logo still publishes whole. A logo that
 * is not an SVG, or has nothing left to draw, is a problem in the data, said plainly.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/write/browser/find-browser.js';
import { browserFlags } from '../src/write/browser/launch-browser.js';
import { CLI, cliEnv, copyOf, DEMO, edit, freshCache, ROOT, runCli, tempDir, watchTab } from './helpers.js';

const HOSTILE = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100" width="100" height="100" onload="window.__pwned = 'onload'; alert('onload')">
  <script>window.__pwned = 'script'; alert('script');</script>
  <script xlink:href="https://example.org/evil.js"/>
  <style>@import url(https://example.org/evil.css);</style>
  <style>.tint { fill: #7fd3cc } .ring { stroke: url("#paint") }</style>
  <defs>
    <linearGradient id="paint"><stop offset="0" stop-color="#1d4f91"/><stop offset="1" stop-color="#007a73"/></linearGradient>
    <clipPath id="frame"><rect width="100" height="100" rx="8"/></clipPath>
    <path id="shield" d="M50 5 L90 20 L90 50 C90 75 70 90 50 97 C30 90 10 75 10 50 L10 20 Z"/>
  </defs>
  <foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><img src="https://example.org/fo.png" onerror="window.__pwned = 'foreignObject'"/><iframe src="https://example.org/frame"></iframe></div></foreignObject>
  <g clip-path="url(#frame)">
    <use href="#shield" fill="url(#paint)"/>
    <use xlink:href="#shield" class="tint" transform="translate(50 50) scale(0.4) translate(-50 -50)"/>
    <circle class="ring" cx="50" cy="50" r="30" fill="none" stroke-width="2"/>
  </g>
  <image href="https://example.org/x.png" width="10" height="10"/>
  <image xlink:href="file:///etc/passwd" width="10" height="10"/>
  <use href="https://example.org/sprite.svg#x"/>
  <a href="javascript:window.__pwned = 'link'"><rect id="button" x="0" y="0" width="20" height="20" fill="#1d4f91"/></a>
  <rect x="80" y="80" width="20" height="20" fill="url(https://example.org/paint.svg#p)" onclick="window.__pwned = 'click'" onmouseover="window.__pwned = 'hover'"/>
  <rect x="80" y="0" width="20" height="20" style="fill: url(https://example.org/style.svg#p); cursor: url(https://example.org/c.png), auto"/>
  <set attributeName="onmouseover" to="alert('set')"/>
  <animate attributeName="href" values="javascript:alert('animate')"/>
</svg>
`;

/** A one-pixel PNG, for a logo that is not an SVG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function publishedLogo(out: string): string {
  const assets = join(out, '2022-23', 'assets');
  const name = readdirSync(assets).find((file) => /^logo\.[0-9a-f]{10}\.svg$/.test(file));
  if (!name) throw new Error(`no published logo in ${assets}: ${readdirSync(assets).join(', ')}`);
  return join(assets, name);
}

/** A copy of the demo data with `file` (of these bytes) as its logo. */
function dataWithLogo(file: string, content: string | Buffer): string {
  const data = copyOf(DEMO);
  writeFileSync(join(data, file), content);
  edit(data, 'partnership.yaml', /^logo: .*$/m, `logo: ${file}`);
  return data;
}

function buildHtml(data: string) {
  const out = tempDir();
  return { out, run: runCli(['build', '--data', data, '--out', out, '--format', 'html', '--quiet']) };
}

interface Opened {
  outside: string[];
  dialogs: string[];
  pwned: { onLoad: unknown; afterEvents: unknown };
  acted: string;
  drawn: { root: string; paths: number; circles: number; uses: number; width: number };
}

/** Opens the SVG file on its own, as a browser would from its address, and watches it. */
async function open(browser: Browser, file: string): Promise<Opened> {
  const tab = await browser.newPage();
  const self = pathToFileURL(file).href;
  const { outside, dialogs } = await watchTab(tab, (url) => url === self || url.startsWith('data:'));
  await tab.goto(self, { waitUntil: 'load' });
  const drawn = await tab.evaluate(() => {
    const root = document.documentElement as unknown as SVGSVGElement;
    return {
      root: root.localName,
      paths: document.querySelectorAll('path').length,
      circles: document.querySelectorAll('circle').length,
      uses: document.querySelectorAll('use').length,
      width: root.getBBox().width,
    };
  });
  const pwned = () => tab.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch((error: Error) => `unknown: ${error.message}`);
  const onLoad = await pwned();
  // Give handlers a chance: hover and click everything, then wait a moment. A script that
  // navigates the tab away (a javascript: link) destroys the page this runs in.
  const acted = await tab
    .evaluate(async () => {
      for (const element of document.querySelectorAll('*')) {
        for (const type of ['mouseover', 'click']) element.dispatchEvent(new MouseEvent(type, { bubbles: true }));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    })
    .then(() => 'stayed', (error: Error) => `navigated away: ${error.message}`);
  const result = { outside, dialogs, pwned: { onLoad, afterEvents: await pwned() }, acted, drawn };
  await tab.close();
  return result;
}

describe('an SVG logo, as published', () => {
  let browser: Browser;
  let hostile: { out: string; run: ReturnType<typeof runCli> };
  let demo: { out: string; run: ReturnType<typeof runCli> };

  beforeAll(async () => {
    hostile = buildHtml(dataWithLogo('hostile-logo.svg', HOSTILE));
    demo = buildHtml(copyOf(DEMO));
    browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, args: browserFlags() });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps no script, handler, foreign object, outside reference or fetching style in its text', () => {
    expect(hostile.run.status, hostile.run.stderr).toBe(0);
    const text = readFileSync(publishedLogo(hostile.out), 'utf8');
    expect(text).not.toMatch(/<script|<foreignObject|<iframe|<img|<set\b|<animate\b/i);
    expect(text).not.toMatch(/\son[a-z]+\s*=/i);
    expect(text.replace(/\sxmlns(:\w+)?="[^"]*"/g, '')).not.toMatch(/https?:|file:|javascript:|@import|__pwned|alert/i);
    for (const [, link] of text.matchAll(/href\s*=\s*"([^"]*)"/g)) expect(link).toMatch(/^#[\w.:-]+$/);
    for (const [, url] of text.matchAll(/url\(([^)]*)\)/g)) expect(url).toMatch(/^(['"]?)#[\w.:-]+\1$/);
    // The drawing is kept: gradient, clip path, shapes, use of the file's own parts, colours.
    expect(text).toMatch(/<linearGradient id="paint">/);
    expect(text).toMatch(/<clipPath id="frame">/);
    expect(text).toMatch(/<path id="shield" d="M50 5 L90 20/);
    expect(text).toMatch(/<use href="#shield" fill="url\(#paint\)"\/>/);
    expect(text).toMatch(/<use xlink:href="#shield" class="tint"/);
    expect(text).toMatch(/<style>\.tint \{ fill: #7fd3cc \} \.ring \{ stroke: url\("#paint"\) \}<\/style>/);
    expect(text).toMatch(/<rect id="button" x="0" y="0" width="20" height="20" fill="#1d4f91"\/>/);
    expect(text).toMatch(/viewBox="0 0 100 100"/);
  });

  it('runs no script, opens no dialog and sends no request when opened on its own in Chromium', async () => {
    const opened = await open(browser, publishedLogo(hostile.out));
    expect(opened.pwned).toEqual({ onLoad: undefined, afterEvents: undefined });
    expect(opened.dialogs).toEqual([]);
    expect(opened.acted).toBe('stayed');
    expect(opened.outside).toEqual([]);
    expect(opened.drawn).toMatchObject({ root: 'svg', paths: 1, circles: 1, uses: 2 });
    expect(opened.drawn.width).toBeGreaterThan(50);
  });

  it('publishes the demo logo with every shape it draws, and it draws in Chromium', async () => {
    expect(demo.run.status, demo.run.stderr).toBe(0);
    const source = readFileSync(join(DEMO, 'logo.svg'), 'utf8');
    const file = publishedLogo(demo.out);
    const text = readFileSync(file, 'utf8');
    const shapes = (svg: string) => [...svg.matchAll(/<(path|circle)\s[^>]*\/>/g)].map(([shape]) => shape);
    expect(shapes(source)).toHaveLength(7);
    expect(shapes(text)).toEqual(shapes(source));
    expect(text).toMatch(/<title id="kscp-logo-title">Kingsmere Safeguarding Children Partnership<\/title>/);
    expect(text).toMatch(/role="img" aria-labelledby="kscp-logo-title"/);
    // It went through the cleaner: the source's comment is not published.
    expect(source).toMatch(/<!--/);
    expect(text).not.toMatch(/<!--/);
    const page = readFileSync(join(demo.out, '2022-23', 'index.html'), 'utf8');
    expect(page).toContain(`assets/${file.split('/').pop()}`);
    const opened = await open(browser, file);
    expect(opened).toMatchObject({ outside: [], dialogs: [], acted: 'stayed', drawn: { root: 'svg', paths: 5, circles: 2 } });
    expect(opened.drawn.width).toBeGreaterThan(80);
  });
});

describe('a logo that cannot be published', () => {
  const run = (file: string, content: string | Buffer) => buildHtml(dataWithLogo(file, content)).run;
  const saysWhere = (stderr: string, file: string) => {
    expect(stderr).toMatch(new RegExp(`partnership\\.yaml:\\d+:\\d+ +logo: the logo "${file.replace('.', '\\.')}"`));
    expect(stderr).toMatch(/how to fix: /);
    expect(stderr).not.toMatch(/\n\s+at |Error:/);
  };

  it('is a problem in the data, said plainly, when it is not an SVG at all', () => {
    const html = run('web-page.svg', '<html><body><script>alert(1)</script></body></html>');
    expect(html.status).toBe(1);
    saysWhere(html.stderr, 'web-page.svg');
    expect(html.stderr).toMatch(/is not an SVG image/);

    const png = run('picture.svg', PNG);
    expect(png.status).toBe(1);
    saysWhere(png.stderr, 'picture.svg');
    expect(png.stderr).toMatch(/is not an SVG image[\s\S]*\.png/);
  }, 60_000);

  it('is a problem in the data when nothing drawable is left once cleaned', () => {
    const result = run('only-script.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><image href="https://example.org/x.png"/></svg>');
    expect(result.status).toBe(1);
    saysWhere(result.stderr, 'only-script.svg');
    expect(result.stderr).toMatch(/nothing left to draw/);
  }, 60_000);

  it('is refused when it is far too large to be a logo', () => {
    const huge = `<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0 L1 1"/>'.repeat(150_000)}</svg>`;
    const result = run('huge.svg', huge);
    expect(result.status).toBe(1);
    saysWhere(result.stderr, 'huge.svg');
    expect(result.stderr).toMatch(/is too large/);
  }, 60_000);
});

describe('loading the SVG cleaner', () => {
  function modulesLoadedBy(args: string[], cache?: string): string[] {
    const log = join(tempDir(), 'imports.log');
    const result = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'fixtures', 'record-imports.mjs'), CLI, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: cliEnv({ REPORT_IMPORT_LOG: log, ...(cache ? { REPORT_CACHE_DIR: cache } : {}) }),
    });
    expect(result.status, result.stderr).toBe(0);
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  }
  const JSDOM = /\/node_modules\/(jsdom|dompurify)\//;

  it('happens only for a build with an SVG logo, never for validate or a build without one', () => {
    expect(modulesLoadedBy(['build', '--data', DEMO, '--out', tempDir(), '--format', 'html', '--quiet']).some((url) => JSDOM.test(url))).toBe(true);
    expect(modulesLoadedBy(['validate', '--data', DEMO]).filter((url) => JSDOM.test(url))).toEqual([]);
    const png = dataWithLogo('logo.png', PNG);
    expect(modulesLoadedBy(['build', '--data', png, '--out', tempDir(), '--format', 'html', '--quiet']).filter((url) => JSDOM.test(url))).toEqual([]);
  }, 120_000);

  it('is remembered once cleaned, and a changed logo is cleaned afresh', () => {
    const cache = freshCache();
    const data = dataWithLogo('own-logo.svg', HOSTILE);
    const build = () => {
      const out = tempDir();
      const loaded = modulesLoadedBy(['build', '--data', data, '--out', out, '--format', 'html', '--quiet'], cache);
      const assets = join(out, readdirSync(out)[0]!, 'assets');
      const logo = readdirSync(assets).find((name) => name.startsWith('logo.'))!;
      return { cleaned: loaded.some((url) => JSDOM.test(url)), logo: readFileSync(join(assets, logo), 'utf8') };
    };
    const first = build();
    expect(first.cleaned).toBe(true);
    expect(first.logo).not.toMatch(/<script|onload/i);
    // The same logo again: the cleaned copy is used, and the cleaner is not loaded.
    const again = build();
    expect(again.cleaned).toBe(false);
    expect(again.logo).toBe(first.logo);
    // Another logo, hostile in a new way: cleaned afresh, never served from the cache.
    writeFileSync(join(data, 'own-logo.svg'), HOSTILE.replace('</svg>', '<a href="https://example.org/x"><rect width="1" height="1" onclick="alert(2)"/></a></svg>'));
    const changed = build();
    expect(changed.cleaned).toBe(true);
    expect(changed.logo).not.toMatch(/onclick|example\.org|<script|onload/i);
  }, 120_000);
});
