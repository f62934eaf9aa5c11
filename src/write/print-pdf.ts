/**
 * Stage 4b, print: the PDF is Chromium's print of the same HTML the website gets, on A4,
 * tagged for screen readers, with bookmarks from the headings. Page size, margins and the
 * running footer come from the stylesheet's @page rules.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, PDFOptions } from 'puppeteer-core';
import type { PDFDocument } from 'pdf-lib';
import { RendererError } from '../errors.js';
import { closeBrowser, launchBrowser } from './browser/launch-browser.js';
import { loadPdf, pagesOfAnchors } from './pdf-pages.js';
import { cacheDir, cacheKey, readCache, writeCache } from '../cache.js';
import type { PdfMetadata } from './pdf-metadata.js';
import { finishPdf } from './pdf-finish.js';
import { keepSpacesAtLineEnds } from './keep-spaces.js';

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

/** `work`, or a TimeoutError once `ms` have passed. */
async function inTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`the page did not answer within ${ms} ms`), { name: 'TimeoutError' })), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

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
    // Script run in the page has no time limit of its own in puppeteer: a page that stops
    // responding is given the same time as a print, then the print is stopped.
    const limit = (work: Promise<unknown>) => inTime(work, timeout);
    await limit(page.evaluate(async () => {
      await document.fonts.ready;
    }));
    await limit(page.evaluate(keepSpacesAtLineEnds));
    const options: PDFOptions = {
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      tagged: true,
      outline: true,
      timeout,
    };
    const printed = await printWithPageNumbers(page, options, printOptions.cacheDir ?? cacheDir(), await readFile(htmlPath));
    await writeFile(pdfPath, await finishPdf(printed, { metadata: printOptions.metadata, ...(await inTime(linkFacts(page), timeout)) }));
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

/** What each link says, and the text of each element a link may point to (finishPdf describes links with them). */
async function linkFacts(page: Page): Promise<{ linkTexts: Record<string, string>; targetTexts: Record<string, string> }> {
  return page.evaluate(() => {
    const say = (element: Element) => {
      const label = element.getAttribute('aria-label');
      if (label) return label.trim();
      const copy = element.cloneNode(true) as Element;
      for (const number of copy.querySelectorAll('.page-ref')) number.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const linkTexts: Record<string, string> = {};
    for (const link of document.querySelectorAll('a[href]')) {
      const href = link.getAttribute('href')!;
      const text = say(link);
      if (text && !(href in linkTexts)) linkTexts[href] = text;
    }
    const targetTexts: Record<string, string> = {};
    for (const element of document.querySelectorAll('[id]')) {
      const heading = element.matches('h1, h2, h3, h4, h5, h6') ? element : element.querySelector('h1, h2, h3, h4, h5, h6');
      const text = say(heading ?? element).slice(0, 200);
      if (text) targetTexts[element.id] = text;
    }
    return { linkTexts, targetTexts };
  });
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
async function printWithPageNumbers(page: Page, options: PDFOptions, cache: string, html: Buffer): Promise<PDFDocument> {
  const limit = <T>(work: Promise<T>) => inTime(work, options.timeout ?? 120_000);
  const targets = await limit(pageReferences(page));
  if (targets.length === 0) return loadPdf(await page.pdf(options));
  // The page is named by the file it was loaded from (which names every stylesheet, font and
  // image by a hash of its content) and what was done to it before printing; asking the page
  // for its serialised DOM instead cost about 0.1 s.
  const key = cacheKey('page-numbers', await page.browser().version(), options, createHash('sha256').update(html).digest('hex'), keepSpacesAtLineEnds.toString());
  const remembered = readCache('page-numbers', key, cache)?.toString();
  let shown = '';
  if (remembered) {
    shown = remembered;
    await limit(fillPageNumbers(page, JSON.parse(remembered) as Record<string, string>));
  }
  // Every print is tagged, the first too: a tagged print numbers the structure elements after
  // any print before it on the page, so an untagged first print (which would be cheaper) makes a
  // first build's PDF differ, byte for byte, from a later build of the same report.
  let pdf = await page.pdf(options);
  for (let pass = 0; pass < 3; pass++) {
    // The document read here is the one finished and written, when its numbers are right.
    const document = await loadPdf(pdf);
    const pages = pagesOfAnchors(document);
    const numbers = Object.fromEntries(targets.map((id) => [id, String(pages.get(id) ?? '')]));
    if (JSON.stringify(numbers) === shown) {
      writeCache('page-numbers', key, shown, cache);
      return document;
    }
    shown = JSON.stringify(numbers);
    await limit(fillPageNumbers(page, numbers));
    pdf = await page.pdf(options);
  }
  return loadPdf(pdf);
}

async function fillPageNumbers(page: Page, numbers: Record<string, string>): Promise<void> {
  // The word before the number ("page 12") is written as text, not by CSS, so that it is part of
  // the PDF's tagged text: generated content is left out of the structure tree.
  await page.evaluate((numbers: Record<string, string>) => {
    for (const element of document.querySelectorAll<HTMLElement>('[data-page-of]')) {
      const number = numbers[element.dataset.pageOf ?? ''] ?? '';
      const word = element.dataset.pageWord;
      if (!number || !word) {
        element.textContent = number;
        continue;
      }
      const label = document.createElement('span');
      label.className = 'page-word';
      label.textContent = `${word} `;
      element.replaceChildren(label, number);
    }
  }, numbers);
}
