/**
 * Stage 4b, print: the PDF is Chromium's print of the same HTML the website gets, on A4,
 * tagged for screen readers, with bookmarks from the headings. Page size, margins and the
 * running footer come from the stylesheet's @page rules.
 */
import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, PDFOptions } from 'puppeteer';
import { RendererError } from '../errors.js';
import { closeBrowser, launchBrowser } from './browser/launch-browser.js';
import { pagesOfAnchors } from './pdf-pages.js';
import { cacheDir, cacheKey, readCache, writeCache } from '../cache.js';
import { writeMetadata, type PdfMetadata } from './pdf-metadata.js';

export interface PrintOptions {
  /** How long one document may take to load and print. */
  timeoutMs?: number;
  /** Document information to write into the PDF. */
  metadata?: PdfMetadata;
  /** The folder that remembers page numbers between prints; by default the user's cache. */
  cacheDir?: string;
}

/**
 * One browser for every document of a run: launched once (early, while the page is still
 * being rendered), a fresh page for each document, relaunched once if it dies.
 */
export class Printer {
  private constructor(
    private browser: Browser,
    private readonly executable: string | undefined,
  ) {}

  static async open(executable?: string): Promise<Printer> {
    const { browser } = await launchBrowser(executable);
    return new Printer(browser, executable);
  }

  /**
   * Prints `htmlPath` to `pdfPath`. While printing, the page may load only files in its own
   * folder: any other request (the network, another folder) is blocked and returned.
   */
  async print(htmlPath: string, pdfPath: string, options: PrintOptions = {}): Promise<{ blocked: string[] }> {
    try {
      return await printWith(this.browser, htmlPath, pdfPath, options);
    } catch (error) {
      if (!(error instanceof BrowserCrashed)) throw error;
      // A browser can die for reasons of its own (memory, a signal): start another, try once more.
      await closeBrowser(this.browser);
      this.browser = (await launchBrowser(this.executable)).browser;
      try {
        return await printWith(this.browser, htmlPath, pdfPath, options);
      } catch (again) {
        if (again instanceof BrowserCrashed) {
          throw new RendererError(`The browser stopped while printing the PDF, twice (${again.message}). Check that the machine has memory to spare, or run report build --format html to build the web page alone.`);
        }
        throw again;
      }
    }
  }

  async close(): Promise<void> {
    await closeBrowser(this.browser);
  }
}

/** The browser process went away while printing. */
class BrowserCrashed extends Error {}

async function printWith(browser: Browser, htmlPath: string, pdfPath: string, printOptions: PrintOptions): Promise<{ blocked: string[] }> {
  const allowed = pathToFileURL(dirname(htmlPath)).href + '/';
  const blocked: string[] = [];
  const timeout = printOptions.timeoutMs ?? 120_000;
  let crashed = !browser.connected;
  const onDisconnect = () => (crashed = true);
  browser.once('disconnected', onDisconnect);
  let page: Page | undefined;
  try {
    page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(allowed) || url.startsWith('data:')) {
        void request.continue();
      } else {
        blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const options: PDFOptions = {
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      tagged: true,
      outline: true,
      timeout,
    };
    const printed = await printWithPageNumbers(page, options, printOptions.cacheDir ?? cacheDir());
    await writeFile(pdfPath, printOptions.metadata ? writeMetadata(printed, printOptions.metadata) : printed);
    return { blocked };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    if (crashed || /Target closed|Session closed|Connection closed|browser has disconnected|Protocol error/i.test(message)) throw new BrowserCrashed(message);
    if ((error as Error).name === 'TimeoutError') throw new RendererError(`Printing the PDF took longer than ${Math.round(timeout / 1000)} seconds, so it was stopped.`);
    throw new RendererError(`The PDF could not be printed: ${message}`);
  } finally {
    browser.off('disconnected', onDisconnect);
    await page?.close().catch(() => undefined);
  }
}

/** Elements that show the page another element is printed on: <span data-page-of="id">. */
async function pageReferences(page: Page): Promise<string[]> {
  return page.$$eval('[data-page-of]', (elements) => [...new Set(elements.map((element) => (element as HTMLElement).dataset.pageOf ?? ''))]);
}

/**
 * Prints, reads back which page each referenced section landed on, writes those numbers into
 * the page and prints again, until the numbers stop changing (filling them in could, in
 * principle, move a later page break). The numbers found for a page are remembered under a
 * hash of its HTML, so printing the same page again starts from them and needs one print;
 * they are still read back and checked, and printed again if they were wrong.
 */
async function printWithPageNumbers(page: Page, options: PDFOptions, cache: string): Promise<Uint8Array> {
  const targets = await pageReferences(page);
  if (targets.length === 0) return page.pdf(options);
  const key = cacheKey('page-numbers', await page.browser().version(), options, await page.content());
  const remembered = readCache('page-numbers', key, cache)?.toString();
  let shown = '';
  if (remembered) {
    shown = remembered;
    await fillPageNumbers(page, JSON.parse(remembered) as Record<string, string>);
  }
  let pdf = await page.pdf(options);
  for (let pass = 0; pass < 3; pass++) {
    const pages = await pagesOfAnchors(pdf);
    const numbers = Object.fromEntries(targets.map((id) => [id, String(pages.get(id) ?? '')]));
    if (JSON.stringify(numbers) === shown) {
      writeCache('page-numbers', key, shown, cache);
      return pdf;
    }
    shown = JSON.stringify(numbers);
    await fillPageNumbers(page, numbers);
    pdf = await page.pdf(options);
  }
  return pdf;
}

async function fillPageNumbers(page: Page, numbers: Record<string, string>): Promise<void> {
  await page.evaluate((numbers: Record<string, string>) => {
    for (const element of document.querySelectorAll<HTMLElement>('[data-page-of]')) element.textContent = numbers[element.dataset.pageOf ?? ''] ?? '';
  }, numbers);
}
