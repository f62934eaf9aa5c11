/**
 * Which page each anchor landed on in a printed PDF. Chromium writes a named destination for
 * every element that a link in the document points to; reading them back gives the page of
 * each section, which the second printing pass writes into the contents and the appendix
 * (Chromium does not support CSS target-counter()).
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/**
 * A printed PDF, loaded to be read (here) and finished (pdf-finish.ts): parsed once, in one go
 * (pdf-lib otherwise waits a timer tick, at least a millisecond, after every 100 objects: about
 * 45 waits for the demo's 4,500).
 */
export function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

export function pagesOfAnchors(document: PDFDocument): Map<string, number> {
  const pageNumbers = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const destinations = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const pages = new Map<string, number>();
  if (!destinations) return pages;
  for (const [name, value] of destinations.entries()) {
    const resolved = document.context.lookup(value);
    const destination = resolved instanceof PDFDict ? resolved.lookup(PDFName.of('D')) : resolved;
    if (!(destination instanceof PDFArray)) continue;
    const page = destination.get(0);
    const number = page instanceof PDFRef ? pageNumbers.get(page.toString()) : undefined;
    if (number !== undefined) pages.set(name.decodeText(), number);
  }
  return pages;
}
