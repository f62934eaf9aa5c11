/**
 * Finishes Chromium's tagged PDF for screen readers and archives, where Chromium stops short:
 *
 * - what it paints outside the structure tree (running footer, backgrounds, rules) is marked
 *   as an artifact (pdf-artifacts.ts), and so are the header rows a long table repeats on each
 *   page (pdf-repeated-headers.ts);
 * - the structure types it uses beyond PDF 1.7's standard ones (Strong, Em) are role-mapped;
 * - each link annotation gets /Contents (the link's text, or where it goes), and each page with
 *   links a tab order that follows the structure;
 * - the title, author, subject, keywords and dates are written as the information dictionary
 *   and as XMP metadata with the language;
 * - the file says PDF 1.7, which these features need.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream, type PDFContext, type PDFDocument, type PDFPageLeaf } from 'pdf-lib';
import { ContentStreamError, markUntaggedAsArtifacts } from './pdf-artifacts.js';
import { unrepeatHeaderCells } from './pdf-repeated-headers.js';
import { infoEntries, xmpPacket, type PdfMetadata } from './pdf-metadata.js';

export interface FinishFacts {
  metadata?: PdfMetadata;
  /** What each link in the page says, by its href ("#foreword", "https://..."). */
  linkTexts: Record<string, string>;
  /** The text of each element with an id, for links whose own text is not known. */
  targetTexts: Record<string, string>;
}

/** Structure types Chromium writes that PDF 1.7 does not define, and the standard type each is. */
const ROLE_MAP = { Strong: 'Span', Em: 'Span' };

export async function finishPdf(document: PDFDocument, facts: FinishFacts): Promise<Uint8Array> {
  const { context, catalog } = document;
  const repeatedHeaders = unrepeatHeaderCells(document);

  for (const page of document.getPages()) {
    const node = page.node;
    markArtifacts(context, node, repeatedHeaders.get(page.ref.toString()));

    const annotations = node.Annots();
    if (!annotations || annotations.size() === 0) continue;
    node.set(PDFName.of('Tabs'), PDFName.of('S'));
    for (const ref of annotations.asArray()) {
      const annotation = context.lookup(ref);
      if (!(annotation instanceof PDFDict) || annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      if (annotation.has(PDFName.of('Contents'))) continue;
      const description = describeLink(annotation, facts);
      if (description) annotation.set(PDFName.of('Contents'), PDFHexString.fromText(description));
    }
  }

  const tree = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (tree) {
    const roleMap = tree.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? context.obj({});
    for (const [from, to] of Object.entries(ROLE_MAP)) if (!roleMap.has(PDFName.of(from))) roleMap.set(PDFName.of(from), PDFName.of(to));
    tree.set(PDFName.of('RoleMap'), roleMap);
  }
  catalog.set(PDFName.of('Version'), PDFName.of('1.7'));

  if (facts.metadata) writeMetadata(context, catalog, facts.metadata, catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText() ?? 'en-GB');
  // Written in one go: pdf-lib otherwise waits a timer tick after every 50 objects.
  return document.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** Marks a page's untagged content, and its repeated header cells, as artifacts. */
function markArtifacts(context: PDFContext, node: PDFPageLeaf, retag: ReadonlySet<number> | undefined): void {
  const contents = node.Contents();
  if (!contents) return;
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => context.lookup(ref)) : [contents];
  if (!streams.every((stream): stream is PDFRawStream => stream instanceof PDFRawStream)) return;
  const parts = streams.map(decoded);
  const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((part) => [part, Buffer.from('\n')]));
  try {
    const marked = markUntaggedAsArtifacts(joined, retag);
    if (marked !== joined || parts.length > 1) node.set(PDFName.of('Contents'), context.register(context.stream(deflateSync(marked), { Filter: 'FlateDecode' })));
  } catch (error) {
    // A stream this reader cannot follow stays as Chromium printed it: the page still looks
    // right, only its untagged content is not marked (the PDF structure test would say so).
    if (!(error instanceof ContentStreamError)) throw error;
  }
}

/**
 * A content stream's bytes. Chromium compresses each with Flate alone, which Node's own zlib
 * undoes (several times faster than pdf-lib's JavaScript inflate); any other filter goes
 * through pdf-lib.
 */
function decoded(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const flate = filter === PDFName.of('FlateDecode') || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === PDFName.of('FlateDecode'));
  if (flate && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

/** What a link says, for a screen reader that lands on its annotation. */
function describeLink(annotation: PDFDict, facts: FinishFacts): string | undefined {
  const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
  const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
  if (uri) return facts.linkTexts[uri] ?? `Link to ${uri}`;
  const destination = annotation.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D'));
  const name = destination instanceof PDFName ? destination.decodeText() : destination instanceof PDFString || destination instanceof PDFHexString ? destination.decodeText() : undefined;
  if (!name) return undefined;
  const text = facts.linkTexts[`#${name}`] ?? facts.targetTexts[name];
  return text ?? 'Link to another part of this report';
}

function writeMetadata(context: PDFContext, catalog: PDFDict, metadata: PdfMetadata, lang: string): void {
  // Chromium's own dictionary is filled in afresh, not replaced: a replaced one would stay in
  // the file with the time of printing, and the same data would not print the same bytes.
  const existing = context.trailerInfo.Info ? context.lookup(context.trailerInfo.Info) : undefined;
  const info = existing instanceof PDFDict ? existing : context.obj({});
  for (const key of info.keys()) info.delete(key);
  for (const [key, source] of Object.entries(infoEntries(metadata))) {
    info.set(PDFName.of(key), source.startsWith('<') ? PDFHexString.of(source.slice(1, -1)) : PDFString.of(source.slice(1, -1)));
  }
  if (!(existing instanceof PDFDict)) context.trailerInfo.Info = context.register(info);
  const xmp = context.stream(Buffer.from(xmpPacket(metadata, lang), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));
}
