/**
 * Hostile content never reaches the output. Every payload in test/fixtures/xss-payloads.txt
 * goes into every kind of text field (Markdown narrative, lists, plain names and titles,
 * labels, link text, the partnership's name that the PDF footer's CSS carries); the report is
 * built, and the page is loaded in Chromium: no script may run, no dialog open, and no request
 * leave the page, and the DOM may hold no script, handler, frame, form or unsafe link.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/write/browser/find-browser.js';
import { browserFlags } from '../src/write/browser/launch-browser.js';
import { copyOf, DEMO, ROOT, runCli, tempDir, watchTab } from './helpers.js';

const PAYLOADS = readFileSync(join(ROOT, 'test', 'fixtures', 'xss-payloads.txt'), 'utf8').split('\n').filter(Boolean);
const ALL = PAYLOADS.join('\n\n');
const pick = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function rewrite(dir: string, file: string, change: (data: Data) => void): void {
  const path = join(dir, file);
  const data = parse(readFileSync(path, 'utf8')) as Data;
  change(data);
  writeFileSync(path, stringify(data));
}

describe('hostile content in every kind of text field', () => {
  let html = '';
  let page = '';
  let build = { status: 0 as number | null, stderr: '' };

  beforeAll(() => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const data = copyOf(DEMO);
    rewrite(data, 'partnership.yaml', (p) => {
      p.name = `Kingsmere ${pick(36)}`;
      p.short_name = pick(52);
      p.area = pick(1);
      p.chair.name = pick(0);
      p.relevant_agencies[0].how_involved = ALL;
    });
    rewrite(data, '2022-23/report.yaml', (r) => {
      r.subtitle = pick(37);
      r.foreword.text = ALL;
      r.foreword.author.name = pick(38);
      r.at_a_glance = PAYLOADS;
      r.arrangements.summary = ALL;
      r.effectiveness.assessment = `${ALL}\n\n${'The arrangements work well. '.repeat(10)}`;
      r.inspections[0].link = { text: pick(3), url: 'https://www.example.org.uk/inspection' };
    });
    rewrite(data, '2022-23/priorities.yaml', (p) => {
      p.priorities[0].title = pick(5);
      p.priorities[0].why = ALL;
      p.priorities[0].activity = PAYLOADS;
      p.priorities[0].impact[0].evidence = `${pick(7)} Re-referrals fell from 22.9% to 20.4%.`;
    });
    rewrite(data, '2022-23/indicators.yaml', (i) => {
      i.indicators.forEach((indicator: Data, n: number) => {
        indicator.label = pick(n);
        indicator.definition = pick(n + 20);
        indicator.notes = ALL;
        indicator.source = pick(n + 40);
      });
      i.breakdowns[0].parts[0].label = pick(8);
      i.breakdowns[0].label = pick(9);
    });
    rewrite(data, '2022-23/reviews.yaml', (r) => {
      r.summary = ALL;
      r.reviews[0].title = pick(10);
      r.reviews[0].recommendations[0].owner = pick(11);
      r.reviews[0].recommendations[0].action = pick(12);
    });
    rewrite(data, '2022-23/voice.yaml', (v) => {
      v.feedback[0].title = pick(13);
      v.feedback[0].who = pick(14);
      v.feedback[0].heard = ALL;
      v.feedback[0].changed = ALL;
    });
    rewrite(data, '2022-23/glossary.yaml', (g) => {
      g.terms = PAYLOADS.map((payload, n) => ({ term: `T${n} ${payload}`, meaning: payload }));
    });
    const out = tempDir();
    build = runCli(['build', '--data', data, '--out', out, '--draft']);
    page = join(out, '2022-23', 'index.html');
    html = readFileSync(page, 'utf8');
  }, 120_000);

  it('builds, and the PDF printing met no request to block', () => {
    expect(build.status).toBe(0);
    expect(build.stderr).not.toMatch(/blocked/);
  });

  it('leaves no script, handler, frame, form, embedded style or unsafe link in the page', () => {
    // The one <picture> the templates write: a chart's image with its narrow image as the
    // <source> for phones (partials/chart.hbs), nothing in it from the data but its alt text.
    const chart = /<picture><source media="screen and \(max-width: 30em\)" srcset="assets\/charts\/[a-z0-9-]+\.narrow\.[0-9a-f]{10}\.png" width="\d+" height="\d+">(<img class="chart" [^>]*>)<\/picture>/g;
    const body = html.slice(html.indexOf('<body')).replace(chart, '$1');
    expect(body).not.toMatch(/<(script|iframe|frame|frameset|object|embed|form|input|select|textarea|button|base|meta|link|style|svg|math|template|video|audio|picture|source|isindex|marquee|details|noscript)\b/i);
    expect(body).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(body).not.toMatch(/<[^>]+\s(style|srcset|ping|xlink:href|formaction)\s*=/i);
    for (const [, url] of body.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^(https?:\/\/|mailto:|#|assets\/|kingsmere-)/);
    const head = html.slice(0, html.indexOf('<body'));
    expect(head).not.toMatch(/<script/i);
    // The footer text travels in a CSS string: with its strings taken out, the page's own
    // style element may hold no address at all.
    const style = /<style>([\s\S]*?)<\/style>/.exec(head)![1]!;
    const outsideStrings = style.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
    expect(outsideStrings).not.toMatch(/url\(|evil|@import/i);
    expect(outsideStrings.match(/\{/g)?.length).toBe(outsideStrings.match(/\}/g)?.length);
  });

  it('runs no script, opens no dialog and sends no request outside the report when loaded', async () => {
    const browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, args: browserFlags() });
    try {
      const tab = await browser.newPage();
      const { outside, dialogs } = await watchTab(tab, (url) => url.startsWith('file://') || url.startsWith('data:'));
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      // Give handlers a chance: focus and hover everything focusable, then wait a moment.
      await tab.evaluate(async () => {
        for (const element of document.querySelectorAll<HTMLElement>('a, [tabindex]')) {
          element.focus();
          element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const ran = await tab.evaluate(() => (window as unknown as { __xss?: number }).__xss);
      expect(ran).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('still shows the words people typed, as text', () => {
    expect(html).toContain('&lt;script&gt;window.__xss&#x3D;1&lt;/script&gt;');
  });
});
