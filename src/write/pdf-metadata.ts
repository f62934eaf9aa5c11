/**
 * The PDF's metadata, written after printing (pdf-finish.ts): title, author, subject, keywords,
 * and fixed dates so that the same data always prints the same bytes, both as the document
 * information dictionary and as XMP. (Chromium writes the language into the catalogue from
 * <html lang>.)
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

function xml(text: string): string {
  return oneLine(text).replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

/**
 * The same facts as XMP, the metadata PDF/UA and archives read: the title (which viewers show
 * in place of the file name), author, description, keywords, language and dates.
 */
export function xmpPacket(metadata: PdfMetadata, lang: string): string {
  const date = `${metadata.date.toISOString().slice(0, 19)}Z`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '  xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(metadata.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(metadata.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(metadata.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${xml(metadata.keywords.join(', '))}</pdf:Keywords>`,
    `<pdf:Producer>${xml(PRODUCER)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xml(CREATOR)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

const CREATOR = 'report (safeguarding partnership annual reports)';
const PRODUCER = 'Chromium (Skia/PDF) and report';

/** The document information dictionary's entries, as PDF source text. */
export function infoEntries(metadata: PdfMetadata): Record<string, string> {
  const date = `(${pdfDate(metadata.date)})`;
  return {
    Title: pdfText(metadata.title),
    Author: pdfText(metadata.author),
    Subject: pdfText(metadata.subject),
    Keywords: pdfText(metadata.keywords.join(', ')),
    Creator: pdfText(CREATOR),
    Producer: pdfText(PRODUCER),
    CreationDate: date,
    ModDate: date,
  };
}
