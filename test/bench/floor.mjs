// The floor: the same Chromium that report prints with, launched by a bare puppeteer-core
// script with report's browser flags, loading finished HTML that report wrote and printing it
// with the same options report prints with. Nothing else: no checking, no rendering, no
// finishing of the PDF. What report adds on top of this is what the bench compares.
//
//   node test/bench/floor.mjs <browser> <flags as JSON> <index.html> <out.pdf> [<index.html> <out.pdf> ...]
//
// Several documents are printed one after another by the one browser, each on a page of its own.
import puppeteer from 'puppeteer-core';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [browserPath, flags, ...documents] = process.argv.slice(2);
if (!browserPath || !flags || documents.length === 0 || documents.length % 2) {
  console.error('usage: floor.mjs <browser> <flags as JSON> <index.html> <out.pdf> [<index.html> <out.pdf> ...]');
  process.exit(2);
}
const browser = await puppeteer.launch({ executablePath: browserPath, headless: true, args: JSON.parse(flags) });
for (let i = 0; i < documents.length; i += 2) {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(documents[i]).href, { waitUntil: 'load' });
  await page.evaluate(async () => { await document.fonts.ready; });
  writeFileSync(documents[i + 1], await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, tagged: true, outline: true }));
  if (i + 2 < documents.length) await page.close();
}
await browser.close();
