/**
 * The PDF as a screen reader meets it, and as it prints. build.e2e.test.ts builds each bundled
 * report and calls pdfStructureChecks, so the same build serves both. The PDF is read with
 * pikepdf (qpdf), a library this project did not write, by test/pdf/pdf-structure.py: the
 * structure tree with the text of each element (decoded through the fonts' ToUnicode maps, in
 * structure order, as assistive technology reads it), what each page paints outside the
 * structure tree, the link annotations, the bookmarks and the metadata.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tool } from './helpers.js';

interface Element {
  type: string;
  text: string;
  /** The types of the elements it is inside, outermost first. */
  path: string[];
  /** The pages its content is on. */
  pages: number[];
  alt?: string;
  page?: number;
  rows?: Array<Array<{ type: string; text: string; colSpan: number }>>;
}
interface Structure {
  version: string;
  catalogVersion: string;
  lang: string;
  marked: boolean;
  displayDocTitle: boolean;
  title: string;
  roleMap: Record<string, string>;
  metadata: string | null;
  pages: Array<{ number: number; untaggedText: string; untaggedPaint: number; artifactText: string; links: Array<{ contents: string | null; hasStructParent: boolean }> }>;
  elements: Element[];
  outline: Array<{ title: string; depth: number }>;
}

/** PDF 1.7's standard structure types (ISO 32000-1, 14.8.4). */
const STANDARD = new Set(
  ('Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form')
    .split(' ')
    .map((type) => `/${type}`),
);

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[code.toLowerCase()]!;
  });
}

/** The text of each element of a kind in the HTML, as the browser shows it (tags out, entities in). */
function htmlTexts(html: string, tag: string): string[] {
  // Text a screen reader hears but print does not paint (a visually hidden prefix) is not in the PDF.
  const shown = html.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '');
  return [...shown.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))]
    .filter(([, attributes]) => !/class="[^"]*\bdownload\b/.test(attributes!))
    .map(([, , inner]) => words(decodeEntities(inner!.replace(/<[^>]+>/g, ''))));
}

/** Elements that are part of a line of text rather than a block of their own. */
const INLINE = new Set(['/NonStruct', '/Span', '/Strong', '/Em', '/Link', '/Lbl']);

/**
 * The last piece of content on each page, in reading order, as the block it belongs to: a
 * heading, a paragraph, a table cell, a figure.
 */
function lastOnEachPage(elements: Element[]): Map<number, { type: string; text: string }> {
  const last = new Map<number, { type: string; text: string }>();
  elements.forEach((element, index) => {
    const next = elements[index + 1];
    const leaf = !next || next.path.length <= element.path.length;
    if (!leaf || element.pages.length === 0 || (!element.text.trim() && element.type !== '/Figure')) return;
    const block = [...element.path, element.type].filter((type) => !INLINE.has(type)).at(-1) ?? element.type;
    for (const page of element.pages) last.set(page, { type: block, text: element.text });
  });
  return last;
}

/**
 * How far down each page the ink reaches, as a share of the space between the top and bottom
 * margins (18 mm and 20 mm, the stylesheet's @page margins): read from the page drawn in grey
 * by pdftoppm, so charts count as much as text. The running footer sits below the bottom margin.
 */
function fullness(file: string): number[] {
  const folder = mkdtempSync(join(tmpdir(), 'report-pages-'));
  tool('pdftoppm', ['-r', '20', '-gray', file, join(folder, 'page')]);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.pgm'))
    .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)![1]) - Number(/(\d+)\.pgm$/.exec(b)![1]))
    .map((name) => {
      const data = readFileSync(join(folder, name));
      const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(data.subarray(0, 40).toString('latin1'))!;
      const [width, height] = [Number(header[1]), Number(header[2])];
      const pixels = data.subarray(header[0].length);
      const top = Math.floor((height * 18) / 297);
      const bottom = Math.floor((height * (297 - 20)) / 297);
      for (let y = bottom - 1; y > top; y--) {
        const row = pixels.subarray(y * width, (y + 1) * width);
        if (row.some((value) => value < 200)) return (y - top) / (bottom - top);
      }
      return 0;
    });
}

export function pdfStructureChecks(built: () => { pdfFile: string; html: string }): void {
  describe('the PDF, read as a screen reader reads it (pikepdf)', () => {
    let pdf: Structure;
    let html: string;
    let pdfFile: string;

    beforeAll(() => {
      ({ pdfFile, html } = built());
      pdf = JSON.parse(execFileSync('/usr/bin/python3', [join(ROOT, 'test', 'pdf', 'pdf-structure.py'), pdfFile], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as Structure;
    }, 60_000);

    it('has every table regular: each row as many cells as the header row', () => {
      const tables = pdf.elements.filter((element) => element.type === '/Table');
      expect(tables.length).toBeGreaterThan(3);
      const irregular = tables
        .map((table) => ({ caption: table.rows![0]?.map((cell) => cell.text).join(' | '), widths: table.rows!.map((row) => row.reduce((sum, cell) => sum + cell.colSpan, 0)) }))
        .filter(({ widths }) => new Set(widths).size !== 1);
      expect(irregular).toEqual([]);
    });

    it('reads each header cell once: a header row repeated on the next page is not read again', () => {
      const cells = pdf.elements.filter((element) => element.type === '/TH');
      expect(cells.length).toBeGreaterThan(10);
      expect(cells.filter((cell) => cell.pages.length > 1).map((cell) => `${cell.text} (pages ${cell.pages.join(', ')})`)).toEqual([]);
    });

    it('gives every Figure alternative text', () => {
      const figures = pdf.elements.filter((element) => element.type === '/Figure');
      expect(figures.length).toBeGreaterThan(0);
      expect(figures.filter((figure) => !figure.alt?.trim()).map((figure) => `page ${figure.page}: ${figure.text.slice(0, 80)}`)).toEqual([]);
    });

    it('paints nothing that is neither tagged nor an artifact; artifact text is only the running footer and header, and header rows repeated over a page break', () => {
      expect(pdf.pages.filter((page) => page.untaggedText || page.untaggedPaint).map((page) => `page ${page.number}: ${page.untaggedPaint} untagged paths, text "${page.untaggedText.slice(0, 80)}"`)).toEqual([]);
      const footer = decodeEntities(/@bottom-left \{ content: "((?:[^"\\]|\\.)*)"; \}/.exec(html)?.[1] ?? '').replace(/\\(.)/g, '$1');
      expect(footer.length).toBeGreaterThan(3);
      const pages = pdf.pages.length;
      // The header rows of the tables, each as its cells' text run together, as painted.
      const headerRows = new Set(pdf.elements.filter((element) => element.type === '/Table').map((table) => table.rows![0]!.map((cell) => cell.text).join('')));
      const extra = pdf.pages
        .filter((page) => page.number > 1)
        .map((page) => ({ page: page.number, rest: page.artifactText.replace(`Page ${page.number} of ${pages}`, '').replace(footer, '').replace('DRAFT: NOT FOR PUBLICATION', '') }))
        .filter(({ rest }) => rest !== '' && !headerRows.has(rest));
      expect(extra).toEqual([]);
      expect(pdf.pages.filter((page) => page.number > 1 && !page.artifactText.includes(`Page ${page.number} of ${pages}`))).toEqual([]);
    });

    it('uses only standard structure types, or maps the others to standard ones', () => {
      const types = new Set(pdf.elements.map((element) => element.type));
      const unknown = [...types].filter((type) => !STANDARD.has(type) && !STANDARD.has(pdf.roleMap[type] ?? ''));
      expect(unknown).toEqual([]);
    });

    it('describes every link annotation (/Contents), each in the structure tree', () => {
      const links = pdf.pages.flatMap((page) => page.links.map((link) => ({ page: page.number, ...link })));
      expect(links.length).toBeGreaterThan(5);
      expect(links.filter((link) => !link.contents?.trim() || !link.hasStructParent)).toEqual([]);
    });

    it('says PDF 1.7, its language, and its title as XMP metadata and in the window', () => {
      expect(pdf.catalogVersion).toBe('/1.7');
      expect(pdf.lang).toBe('en-GB');
      expect(pdf.marked).toBe(true);
      expect(pdf.displayDocTitle).toBe(true);
      expect(pdf.title.length).toBeGreaterThan(10);
      expect(pdf.metadata).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">');
      const xmlTitle = /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</.exec(pdf.metadata!)![1]!;
      expect(decodeEntities(xmlTitle)).toBe(pdf.title);
      expect(pdf.metadata).toContain('<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>');
    });

    it('has bookmarks whose titles are the headings, word for word and in order', () => {
      const headings = pdf.elements.filter((element) => /^\/H[1-6]$/.test(element.type)).map((element) => words(element.text));
      expect(pdf.outline.length).toBeGreaterThan(10);
      expect(pdf.outline.map((item) => words(item.title))).toEqual(headings);
      // and those are the web page's headings, spaces and all
      const printed = new Set(['h1', 'h2', 'h3', 'h4'].flatMap((tag) => htmlTexts(html, tag)));
      expect(headings.filter((heading) => !printed.has(heading))).toEqual([]);
    });

    it('reads every paragraph as the web page says it, with a space at every line break', () => {
      const inPdf = new Set(pdf.elements.filter((element) => element.type === '/P').map((element) => words(element.text)));
      const paragraphs = htmlTexts(html, 'p').filter((text) => text.length > 0);
      expect(paragraphs.length).toBeGreaterThan(20);
      // Text shown in capitals by CSS (text-transform) is painted, and so read, in capitals.
      expect(paragraphs.filter((text) => !inPdf.has(text) && !inPdf.has(text.toUpperCase()))).toEqual([]);
    });

    it('leaves no heading, table caption or header cell alone at the foot of a page', () => {
      const last = lastOnEachPage(pdf.elements);
      expect(last.size).toBeGreaterThan(pdf.pages.length / 2);
      const stranded = [...last]
        .filter(([page, { type }]) => page < pdf.pages.length && (/^\/H[1-6]$/.test(type) || type === '/TH' || type === '/Caption'))
        .map(([page, { type, text }]) => `page ${page}: ${type} ${text.slice(0, 60)}`);
      expect(stranded).toEqual([]);
    });

    it('fills every page at least a quarter, except the last page of a top-level section', () => {
      const filled = fullness(pdfFile);
      expect(filled).toHaveLength(pdf.pages.length);
      const sectionStarts = new Set(pdf.elements.filter((element) => element.type === '/H2').map((element) => element.page));
      const thin = filled
        .map((share, index) => ({ page: index + 1, share }))
        .filter(({ page, share }) => page > 1 && page < filled.length && !sectionStarts.has(page + 1) && share < 0.25)
        .map(({ page, share }) => `page ${page}: ${Math.round(share * 100)}% full`);
      expect(thin).toEqual([]);
      // and the measure sees a full page as full
      expect(Math.max(...filled)).toBeGreaterThan(0.9);
    });
  });
}
