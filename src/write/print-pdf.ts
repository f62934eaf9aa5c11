/**
 * Stage 4b, print: the PDF is Chromium's print of the same HTML the website gets, on A4,
 * tagged for screen readers, with bookmarks from the headings. Page size, margins and the
 * running footer come from the stylesheet's @page rules.
 */
import { pathToFileURL } from 'node:url';
import { RendererError } from '../errors.js';
import { launchBrowser } from './browser/launch-browser.js';

export interface PrintOptions {
  /** Path of a Chrome or Chromium to use. */
  browser?: string;
  /** How long one document may take to load and print. */
  timeoutMs?: number;
}

export async function printPdf(htmlPath: string, pdfPath: string, options: PrintOptions = {}): Promise<void> {
  const timeout = options.timeoutMs ?? 120_000;
  const { browser } = await launchBrowser(options.browser);
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.pdf({
      path: pdfPath,
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      tagged: true,
      outline: true,
      timeout,
    });
  } catch (error) {
    if (error instanceof RendererError) throw error;
    throw new RendererError(`The PDF could not be printed: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await browser.close().catch(() => undefined);
  }
}
