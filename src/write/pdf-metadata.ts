/**
 * The PDF's document information, written after printing: title, author, subject, keywords,
 * and fixed dates so that the same data always prints the same bytes. (Chromium sets the title,
 * and writes the language into the catalogue from <html lang>, so that needs nothing here.)
 *
 * Written as a PDF incremental update (a new information dictionary, a small cross-reference
 * section and a trailer appended to the file) rather than by rewriting the whole document: it
 * costs a few milliseconds instead of a parse and re-save. The dates in Chromium's own
 * information dictionary are overwritten in place, same length, so no offset moves.
 */

import { oneLine } from '../control-characters.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Used as both the creation and the modification date. */
  date: Date;
}

/**
 * The date a build stamps on its output: SOURCE_DATE_EPOCH when set (the reproducible-builds
 * convention), otherwise a date from the data, so rebuilding never changes the file.
 */
export function buildDate(fromData: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${fromData}T00:00:00Z`);
}

/**
 * A PDF text string: UTF-16BE with a byte-order mark, as hex, so any character is safe in the
 * file. Control characters are taken out (newlines and tabs become spaces), so that viewers and
 * pdfinfo show clean, one-line text, and a lone surrogate becomes U+FFFD.
 */
export function pdfText(text: string): string {
  const hex = [...oneLine(text)].flatMap((char) => {
    const found = char.codePointAt(0)!;
    const code = found >= 0xd800 && found <= 0xdfff ? 0xfffd : found;
    if (code <= 0xffff) return [code];
    const offset = code - 0x10000;
    return [0xd800 + (offset >> 10), 0xdc00 + (offset & 0x3ff)];
  });
  return `<FEFF${hex.map((unit) => unit.toString(16).padStart(4, '0').toUpperCase()).join('')}>`;
}

/** D:20230929000000+00'00' */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+00'00'`;
}

export function writeMetadata(pdf: Uint8Array, metadata: PdfMetadata): Uint8Array {
  const bytes = Buffer.from(pdf);
  const date = pdfDate(metadata.date);
  // Chromium's dates, overwritten in place: the same length, so every offset stays true.
  const original = bytes.toString('latin1').replace(/\((D:\d{14}[+-]\d{2}'\d{2}')\)/g, (whole, found: string) => (found.length === date.length ? `(${date})` : whole));
  const tail = original.slice(-2048);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(tail);
  if (!trailer) throw new Error('the PDF has no trailer this tool can update');
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer[1]!)?.[1];
  if (!size || !root) throw new Error('the PDF trailer has no /Size or /Root');

  const info = [
    `/Title ${pdfText(metadata.title)}`,
    `/Author ${pdfText(metadata.author)}`,
    `/Subject ${pdfText(metadata.subject)}`,
    `/Keywords ${pdfText(metadata.keywords.join(', '))}`,
    `/Creator ${pdfText('report (safeguarding partnership annual reports)')}`,
    `/Producer ${pdfText('Chromium (Skia/PDF) and report')}`,
    `/CreationDate (${date})`,
    `/ModDate (${date})`,
  ].join('\n');
  const start = original.endsWith('\n') ? original.length : original.length + 1;
  const object = `${size} 0 obj\n<<${info}>>\nendobj\n`;
  const xrefAt = start + Buffer.byteLength(object, 'latin1');
  const update =
    `${original.endsWith('\n') ? '' : '\n'}${object}` +
    `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(start).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${trailer[2]}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(original, 'latin1'), Buffer.from(update, 'latin1')]);
}
