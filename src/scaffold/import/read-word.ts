/**
 * A Word document as the importer reads it: its blocks in document order. mammoth turns the
 * .docx into plain HTML (headings from Word's heading styles, lists, tables, bold, italics,
 * links); this module walks that HTML into headings, paragraphs, lists and tables, each with
 * its text as Markdown, so nothing the document says is lost on the way in.
 */
import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { UsageError } from '../../errors.js';
import { displayPath } from '../../util/display-path.js';

export type Block =
  /** The document's title (Word's Title or Subtitle style). */
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: number; text: string }
  /** A short paragraph wholly in bold ("What we did"): a heading in all but style. */
  | { kind: 'label'; text: string }
  | { kind: 'paragraph'; markdown: string; text: string }
  | { kind: 'list'; markdown: string; items: string[]; text: string }
  | { kind: 'table'; markdown: string; rows: string[][]; text: string };

export interface WordDocument {
  /** The document's title (Word's Title style), when it has one. */
  title?: string;
  blocks: Block[];
  /** What mammoth said it could not read (unknown styles, images left out). */
  messages: string[];
}

/** Word's Title and Subtitle styles are not sections; they are kept as the document's title. */
const STYLE_MAP = ["p[style-name='Title'] => p.doc-title:fresh", "p[style-name='Subtitle'] => p.doc-title:fresh"];

export async function readWordDocument(path: string): Promise<WordDocument> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw new UsageError(`${displayPath(path)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): check the file's name and that it can be opened.`);
  }
  const mammoth = (await import('mammoth')).default;
  let converted: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    // Pictures cannot go into the data: each becomes an empty mark, counted below, not a copy of the image.
    converted = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
  } catch {
    throw new UsageError(`${displayPath(path)} is not a Word document that can be read (.docx): open it in Word and save it as a Word Document (.docx), then import that.`);
  }
  const pictures = (converted.value.match(/<img\b/g) ?? []).length;
  const messages = converted.messages.map((message) => message.message);
  if (pictures > 0) messages.push(`${pictures === 1 ? '1 picture (a chart, photo or diagram) was' : `${pictures} pictures (charts, photos or diagrams) were`} left out: give a chart's figures as indicators, and add other images by hand`);
  return { ...blocksOf(converted.value), messages };
}

/** The blocks of mammoth's HTML, in document order. */
export function blocksOf(html: string): { title?: string; blocks: Block[] } {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  const blocks: Block[] = [];
  const titles: string[] = [];
  for (const element of Array.from(document.body.children)) {
    const tag = element.tagName.toLowerCase();
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const text = plain(element.textContent ?? '');
      if (text) blocks.push({ kind: 'heading', level: Number(heading[1]), text });
    } else if (tag === 'p' && element.classList.contains('doc-title')) {
      const text = plain(element.textContent ?? '');
      if (text) {
        titles.push(text);
        blocks.push({ kind: 'title', text });
      }
    } else if (tag === 'ul' || tag === 'ol') {
      const items = Array.from(element.children).filter((child) => child.tagName === 'LI').map((li) => listItem(li as HTMLElement));
      const markdown = listMarkdown(element as HTMLElement, 0);
      if (markdown.trim()) blocks.push({ kind: 'list', markdown, items, text: plain(element.textContent ?? '') });
    } else if (tag === 'table') {
      const rows = Array.from((element as HTMLTableElement).rows).map((row) => Array.from(row.cells).map((cell) => plain(cell.textContent ?? '')));
      if (rows.some((row) => row.some(Boolean))) blocks.push({ kind: 'table', markdown: tableMarkdown(rows), rows, text: rows.flat().join(' ') });
    } else {
      const markdown = inline(element).trim();
      const text = plain(element.textContent ?? '');
      if (!text) continue;
      if (isLabel(element, text)) blocks.push({ kind: 'label', text });
      else blocks.push({ kind: 'paragraph', markdown, text });
    }
  }
  return { ...(titles.length > 0 ? { title: titles.join(' ') } : {}), blocks };
}

const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A paragraph of one bold run, short enough to be a heading, not ending as a sentence does. */
function isLabel(element: Element, text: string): boolean {
  if (text.length > 90 || /[.;,]$/.test(text)) return false;
  const children = Array.from(element.childNodes).filter((node) => !(node.nodeType === 3 && !node.textContent?.trim()));
  return children.length === 1 && children[0]!.nodeType === 1 && ['STRONG', 'B'].includes((children[0] as Element).tagName);
}

/**
 * Characters that would turn the document's words into Markdown they never were. Square
 * brackets stay as they are, so a placeholder ("[insert figure]") is still seen as one.
 */
export function escapeText(text: string): string {
  return text
    .replace(/([\\`*_<])/g, '\\$1')
    .replace(/^(\s*)([#>+-]|\d+[.)])(?=\s)/, '$1\\$2');
}

/** An element's content as one line of Markdown: bold, italics and links kept. */
function inline(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      out += escapeText(child.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName;
    if (tag === 'UL' || tag === 'OL' || tag === 'TABLE') continue;
    if (tag === 'BR') {
      out += ' ';
      continue;
    }
    const inner = inline(element);
    if (tag === 'STRONG' || tag === 'B') out += wrap(inner, '**');
    else if (tag === 'EM' || tag === 'I') out += wrap(inner, '*');
    else if (tag === 'A') {
      const href = element.getAttribute('href') ?? '';
      out += /^(https?:|mailto:)/i.test(href) && inner.trim() ? `[${inner.trim()}](${href.replace(/[()\s]/g, encodeURIComponent)})` : inner;
    } else out += inner;
  }
  return out;
}

/** "**bold** " with the spaces outside the marks, which Markdown needs. */
function wrap(text: string, mark: string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
  return match[2] ? `${match[1]}${mark}${match[2]}${mark}${match[3]}` : text;
}

function listItem(li: HTMLElement): string {
  const paragraphs = Array.from(li.children).filter((child) => child.tagName === 'P');
  const own = paragraphs.length > 0 ? paragraphs.map((p) => inline(p).trim()).join(' ') : inline(li).trim();
  const nested = Array.from(li.children).filter((child) => child.tagName === 'UL' || child.tagName === 'OL');
  return [own, ...nested.map((list) => listMarkdown(list as HTMLElement, 1))].filter(Boolean).join('\n');
}

function listMarkdown(list: HTMLElement, depth: number): string {
  const ordered = list.tagName === 'OL';
  return Array.from(list.children)
    .filter((child) => child.tagName === 'LI')
    .map((li, n) => {
      const [first = '', ...rest] = listItem(li as HTMLElement).split('\n');
      const marker = ordered ? `${n + 1}.` : '-';
      const indent = '  '.repeat(depth);
      return [`${indent}${marker} ${first}`, ...rest.map((line) => `${indent}${line}`)].join('\n');
    })
    .join('\n');
}

/** A table as a Markdown table, its first row the header (Word marks no header row mammoth keeps). */
export function tableMarkdown(rows: string[][]): string {
  const width = Math.max(...rows.map((row) => row.length));
  const cell = (text: string) => escapeText(text).replace(/\|/g, '\\|');
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_, n) => cell(row[n] ?? '')).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}
