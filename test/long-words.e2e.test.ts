/**
 * A very long word never pushes the page sideways. A 300-character word (letters, a web
 * address, an e-mail address, by turns) goes into every text field of the demo's data; the
 * page is loaded in Chromium 320 px wide, and nothing may reach past the right edge.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/write/browser/find-browser.js';
import { browserFlags } from '../src/write/browser/launch-browser.js';
import { fillEveryTextField, type Filled } from './every-text-field.js';
import { copyOf, DEMO, runCli, tempDir, type Run } from './helpers.js';

const LETTERS = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
const WORDS = [
  LETTERS.repeat(7).slice(0, 300),
  `https://www.kingsmere.gov.uk/${'safeguarding-children-partnership/'.repeat(9)}`.slice(0, 300),
  `${'safeguarding.children.partnership.'.repeat(9)}`.slice(0, 283) + '@kingsmere.gov.uk',
];

describe('a 300-character word in every text field', () => {
  const data = copyOf(DEMO);
  const out = tempDir();
  let filled: Filled;
  let build: Run;

  beforeAll(() => {
    for (const word of WORDS) expect(word).toHaveLength(300);
    filled = fillEveryTextField(data, (original, field) => [`${original} ${WORDS[field.index % WORDS.length]}`]);
    build = runCli(['build', '--data', data, '--out', out, '--format', 'html']);
  }, 300_000);

  it('reaches the text fields', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(filled.changed.length).toBeGreaterThan(filled.all.length * 0.75);
    expect(filled.changed).toContain('partnership.yaml:name');
    expect(filled.changed).toContain('2022-23/training.yaml:courses.0.title');
  });

  it('wraps every word at 320 px: the page is no wider, and no element reaches past its edge', async () => {
    const browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, args: browserFlags() });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 320, height: 640 });
      await page.goto(pathToFileURL(join(out, '2022-23', 'index.html')).href, { waitUntil: 'load' });
      const { scrollWidth, beyond, words } = await page.evaluate((word) => {
        const beyond = [...document.querySelectorAll('body *')]
          .filter((element) => !element.closest('.skip-link, .visually-hidden'))
          // A data table wider than the screen scrolls inside its own box, which stays on the page.
          .filter((element) => {
            const box = element.parentElement?.closest('.table-wrap');
            return !box || box.getBoundingClientRect().right > 320.5 || getComputedStyle(box).overflowX !== 'auto';
          })
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && box.right > 320.5)
          .map(({ element, box }) => `${element.tagName.toLowerCase()}.${element.className} ${Math.round(box.right)}px: ${(element.textContent ?? '').slice(0, 60)}`);
        return { scrollWidth: document.documentElement.scrollWidth, beyond, words: document.body.textContent!.split(word).length - 1 };
      }, WORDS[0]!);
      // To look at it: REPORT_SCREENSHOTS=/tmp/long-words npx vitest run test/long-words.e2e.test.ts
      // writes the cover and a few sections with tables, 320 px wide.
      const shots = process.env.REPORT_SCREENSHOTS;
      if (shots) {
        const places = { cover: '.cover', about: '#about', training: '#training .table-wrap', reviews: '#reviews .table-wrap', performance: '#performance figure', glossary: '#glossary dl', colophon: '.colophon' };
        for (const [name, selector] of Object.entries(places)) {
          await page.evaluate((target) => document.querySelector(target)?.scrollIntoView(), selector);
          await page.screenshot({ path: `${shots}-${name}.png` });
        }
      }
      await page.close();
      expect(words).toBeGreaterThan(50);
      expect(beyond).toEqual([]);
      expect(scrollWidth).toBeLessThanOrEqual(320);
    } finally {
      await browser.close();
    }
  });
});

describe('ordinary words at 320 px', () => {
  it('are never broken inside a word, in tables or in text (the demo as it is)', async () => {
    const out = tempDir();
    const run = runCli(['build', '--data', DEMO, '--out', out, '--format', 'html']);
    expect(run.status, run.stderr).toBe(0);
    const browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, args: browserFlags() });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 320, height: 640 });
      await page.goto(pathToFileURL(join(out, '2022-23', 'index.html')).href, { waitUntil: 'load' });
      // A word laid out on more than one line has been broken inside it.
      const broken = await page.evaluate(() => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!parent || parent.closest('.visually-hidden') || parent.getClientRects().length === 0) continue;
          for (const match of (node.textContent ?? '').matchAll(/[A-Za-z]{2,}/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) found.push(`${match[0]} (in ${parent.tagName.toLowerCase()})`);
          }
        }
        return found;
      });
      expect(broken).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
