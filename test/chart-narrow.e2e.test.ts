/**
 * Charts on a phone: the demo is built and loaded in Chromium. At 320 and 375 px every chart
 * shows its narrow image, whose smallest text (all its text is NARROW_CHART.fontSize) comes
 * out at least 12 CSS px as shown; on a wide screen and in print, the wide image.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NARROW_CHART } from '../src/render/chart-spec.js';
import { findBrowser } from '../src/write/browser/find-browser.js';
import { browserFlags } from '../src/write/browser/launch-browser.js';
import { DEMO, runCli, tempDir } from './helpers.js';

interface ShownChart {
  /** The file the browser shows, relative to the page. */
  shown: string;
  wide: string;
  narrow: string;
  /** Its width on the page, less its border, in CSS px. */
  displayed: number;
  /** The width the narrow image is drawn for, from its <source>. */
  narrowWidth: number;
  naturalWidth: number;
}

describe('charts on narrow and wide screens', () => {
  const out = tempDir();
  const folder = join(out, '2022-23');
  let browser: Browser;

  beforeAll(async () => {
    const build = runCli(['build', '--data', DEMO, '--out', out, '--format', 'html', '--quiet']);
    expect(build.status, build.stderr).toBe(0);
    browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, args: browserFlags() });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function chartsAt(width: number, media: 'screen' | 'print' = 'screen'): Promise<{ charts: ShownChart[]; scrollWidth: number }> {
    const tab = await browser.newPage();
    try {
      await tab.emulateMediaType(media);
      await tab.setViewport({ width, height: 800, deviceScaleFactor: 2 });
      await tab.goto(pathToFileURL(join(folder, 'index.html')).href, { waitUntil: 'load' });
      return await tab.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        charts: [...document.querySelectorAll<HTMLImageElement>('img.chart')].map((img) => {
          const source = img.parentElement?.querySelector('source');
          return {
            shown: img.currentSrc.slice(img.currentSrc.lastIndexOf('assets/')),
            wide: img.getAttribute('src') ?? '',
            narrow: source?.getAttribute('srcset') ?? '',
            displayed: img.clientWidth,
            narrowWidth: Number(source?.getAttribute('width')),
            naturalWidth: img.naturalWidth,
          };
        }),
      }));
    } finally {
      await tab.close();
    }
  }

  it('writes both images of every chart', async () => {
    const { charts } = await chartsAt(1280);
    expect(charts.length).toBeGreaterThan(15);
    for (const chart of charts) {
      expect(chart.narrow).toMatch(/^assets\/charts\/[a-z0-9-]+\.narrow\.[0-9a-f]{10}\.png$/);
      expect(existsSync(join(folder, chart.narrow)), chart.narrow).toBe(true);
      expect(existsSync(join(folder, chart.wide)), chart.wide).toBe(true);
    }
  });

  it.each([320, 375])('at %i px shows each chart\'s narrow image, its text at least 12 CSS px', async (width) => {
    const { charts, scrollWidth } = await chartsAt(width);
    expect(scrollWidth).toBe(width);
    for (const chart of charts) {
      expect(chart.shown).toBe(chart.narrow);
      expect(chart.narrowWidth).toBe(NARROW_CHART.width);
      expect(chart.naturalWidth).toBe(NARROW_CHART.width * NARROW_CHART.scale);
      const smallestText = (chart.displayed / chart.narrowWidth) * NARROW_CHART.fontSize;
      expect(smallestText, `${chart.narrow} at ${width} px`).toBeGreaterThanOrEqual(12);
    }
  });

  it('on a wide screen, and in print at any width, shows the wide image', async () => {
    for (const [width, media] of [[1280, 'screen'], [320, 'print']] as const) {
      const { charts } = await chartsAt(width, media);
      for (const chart of charts) expect(chart.shown, `${width} px ${media}`).toBe(chart.wide);
    }
  });
});
