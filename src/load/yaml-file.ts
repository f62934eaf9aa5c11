/**
 * Reads one YAML file and keeps its syntax tree, so every later problem can point at the
 * line and column of the value (or key) it concerns.
 */
import { LineCounter, Scalar, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { displayPath } from '../util/display-path.js';
import type { Problem } from '../problems.js';
import { FileTooLarge, readRegularFile, RefusedFile } from '../read-file.js';
import type { Position, YamlFile } from '../model/source-file.js';

export type { Position, YamlFile };

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, never tabs',
  BAD_INDENT: 'line up this line with the other fields at the same level, using spaces',
  DUPLICATE_KEY: 'each field may appear only once in the same block: remove or rename one of them',
  MISSING_CHAR: 'a quote or bracket is not closed: check the line for a missing " or ]',
  MULTILINE_IMPLICIT_KEY: 'a field name must fit on one line and end with a colon; check indentation and quotes above',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation: a nested block must be indented under its field',
  UNEXPECTED_TOKEN: 'check this line for a stray character, a missing colon or unbalanced quotes',
  BAD_SCALAR_START: 'text that starts with a special character (such as @, `, % or *) must be put in quotes',
};

/** No data file of a partnership's report comes near this; anything larger is a mistake. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Reads a data file as text, refusing what is not a text file a person saved: too large,
 * binary (it holds NUL bytes), or not UTF-8.
 */
export async function readTextFile(path: string, kind: 'YAML' | 'CSV'): Promise<{ text?: string; problems: Problem[] }> {
  const shown = displayPath(path);
  const refuse = (message: string, hint: string) => ({ problems: [{ file: shown, message, hint }] });
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_FILE_BYTES);
  } catch (error) {
    if (!(error instanceof RefusedFile)) throw error;
    return refuse(error.message, error instanceof FileTooLarge ? `a ${kind} file of a report is a few hundred KB at most: check that this is the right file` : error.hint);
  }
  if (bytes.includes(0)) return refuse(`is not a text file`, `save it as plain ${kind} text (it looks like a binary file, such as a spreadsheet or an image)`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, problems: [] };
  } catch {
    return refuse('is not saved as UTF-8 text', kind === 'CSV' ? 'in Excel, use Save As and choose "CSV UTF-8 (Comma delimited)"' : 'save it with UTF-8 encoding (in VS Code: the encoding in the status bar, then "Save with Encoding", UTF-8)');
  }
}

export async function readYamlFile(path: string): Promise<{ file?: YamlFile; problems: Problem[] }> {
  const { text, problems } = await readTextFile(path, 'YAML');
  if (text === undefined) return { problems };
  return parseYaml(text, path);
}

export function parseYaml(source: string, path: string): { file?: YamlFile; problems: Problem[] } {
  const shown = displayPath(path);
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    // The mistakes people who are not developers make most, said once, with the fix shown,
    // rather than the parser's advice about indentation (or one message per line).
    const common = tabIndentation(source, shown) ?? colonsInProse(source, shown, document.errors.map((error) => lineCounter.linePos(error.pos[0]).line));
    if (common) return { problems: common };
  }
  const problems: Problem[] = document.errors.map((error) => {
    const start = lineCounter.linePos(startOfUnclosedQuote(source, error) ?? error.pos[0]);
    const hint = SYNTAX_HINTS[error.code];
    const message = `this is not valid YAML: ${firstLine(error.message)}`;
    return { file: shown, line: start.line, column: start.col, message, ...(hint ? { hint } : {}) };
  });
  if (problems.length > 0) return { problems };
  let data: unknown;
  try {
    // Aliases (*name) are bounded, so a file cannot expand into an enormous document.
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = (error as Error).message;
    const bomb = /alias count/i.test(message);
    return {
      problems: [{
        file: shown,
        line: 1,
        column: 1,
        message: bomb ? 'uses YAML aliases (*name) so many times that it would expand enormously, so it was not read' : `this is not valid YAML: ${firstLine(message)}`,
        hint: bomb ? 'write the values out instead of repeating anchors and aliases' : 'check the anchors (&name) and aliases (*name) in this file',
      }],
    };
  }
  if (data === null || data === undefined) {
    return { problems: [{ file: shown, line: 1, column: 1, message: 'is empty', hint: 'fill it in, or delete the file if the section is not wanted' }] };
  }
  const file: YamlFile = { path, displayPath: shown, document, lineCounter, data };
  WARNINGS.set(file, hashesInProse(file, source));
  return { file, problems: [] };
}

/** The text in quotes, as YAML would read it back: double quotes unless the text has some. */
export function quoted(text: string): string {
  if (!/["\\]/.test(text)) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * A line indented with a tab: YAML allows only spaces there. One problem for the file, at
 * the first such line, naming the others, since each tab would otherwise be its own error.
 */
function tabIndentation(source: string, shown: string): Problem[] | undefined {
  const lines = source.split(/\r?\n/);
  const tabbed = lines.flatMap((line, index) => (/^ *\t/.test(line) && line.trim() !== '' ? [index + 1] : []));
  const first = tabbed[0];
  if (first === undefined) return undefined;
  const column = lines[first - 1]!.indexOf('\t') + 1;
  const others = tabbed.slice(1);
  const fixed = lines[first - 1]!.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '  ')).trimEnd();
  return [{
    file: shown,
    line: first,
    column,
    message: `this is not valid YAML: ${others.length ? `${tabbed.length} lines are` : 'this line is'} indented with a tab`,
    hint: `use spaces, not tabs: write it as "${fixed}"${others.length ? `, and the same on line${others.length > 1 ? 's' : ''} ${others.join(', ')}` : ''} (in VS Code: "Convert Indentation to Spaces")`,
  }];
}

/**
 * The message and fix for text with a colon and a space in it, which YAML reads as a field:
 * `text` is the whole text, `before` what comes before it on its line (`summary:`, `-`).
 */
export function colonInProse(text: string, before: string): { message: string; hint: string } {
  return {
    message: `this text has a colon and a space in it ("${text.slice(0, text.search(/:(?:[ \t]|$)/) + 1)}"), so YAML reads it as the start of a new field`,
    hint: `put this text in quotes: ${before ? `${before} ` : ''}${quoted(text)}`,
  };
}

/** `key: value`, or `- key: value`, where the value is plain text (not quoted, not a block). */
const PLAIN_FIELD = /^(\s*(?:- +)?)([^\s#"'\-?:,[\]{}&*!|>%@`][^:#]*?):[ \t]+([^\s"'|>[{&*!%@`#].*?)\s*$/;

/**
 * A colon followed by a space inside a field's text (`summary: We met: twice`): YAML reads
 * the words before it as the name of a new field. One problem per such line among the lines
 * the parser complained about; undefined when the errors are something else.
 */
function colonsInProse(source: string, shown: string, errorLines: number[]): Problem[] | undefined {
  const lines = source.split(/\r?\n/);
  const problems: Problem[] = [];
  for (const lineNumber of [...new Set(errorLines)].sort((a, b) => a - b)) {
    const line = lines[lineNumber - 1] ?? '';
    const match = PLAIN_FIELD.exec(line);
    if (!match) continue;
    const [, indent, key, value] = match as unknown as [string, string, string, string];
    if (!/:(?:[ \t]|$)/.test(value)) continue;
    problems.push({
      file: shown,
      line: lineNumber,
      column: line.indexOf(value, indent.length + key.length + 1) + 1,
      ...colonInProse(value, `${indent}${key}: `.trim()),
    });
  }
  return problems.length ? problems : undefined;
}

/** Warnings about a file that did parse, found as it was read (see yamlWarnings). */
const WARNINGS = new WeakMap<YamlFile, Problem[]>();

/**
 * What may be wrong in a file that is valid YAML: text cut short by a `#` (hashesInProse).
 * report validate lists these as warnings.
 */
export function yamlWarnings(file: YamlFile | undefined): Problem[] {
  return (file && WARNINGS.get(file)) ?? [];
}

/**
 * A `#` in text cuts it short: after a space, YAML reads the rest of the line as a comment,
 * and the report silently leaves it out (`summary: We were rated #1 in the region`). A warning
 * for each plain value followed on its line by a comment that reads as part of the text: one
 * with no space after the `#` (#1, #NoWrongDoor), or several words of prose (letters only)
 * one space after several words of text. A comment put there on purpose is left alone: two
 * spaces before it (`status: draft  # until May`), or a note with figures or colons in it
 * (`# seed 004:L92`), or a word or two after a word or two.
 */
/** ` #comment` straight after a value (sticky: matched where the value ends, not searched for). */
const TRAILING_COMMENT = / #([^\n\r]*)/y;

function hashesInProse(file: YamlFile, source: string): Problem[] {
  const problems: Problem[] = [];
  visit(file.document, {
    Scalar(_key, node) {
      if (node.type !== Scalar.PLAIN || typeof node.value !== 'string' || !node.range) return;
      const end = node.range[1];
      TRAILING_COMMENT.lastIndex = end;
      const rest = TRAILING_COMMENT.exec(source);
      if (!rest) return;
      const comment = rest[1]!;
      const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
      const proseWords = words(comment).length >= 2 && words(comment).every((word) => /^[\p{L}][\p{L}'’,.;()-]*$/u.test(word));
      const prose = (comment !== '' && !/^\s/.test(comment)) || (words(node.value).length >= 2 && proseWords);
      if (!prose) return;
      const { line, col } = file.lineCounter.linePos(node.range[0]);
      const before = source.slice(source.lastIndexOf('\n', node.range[0] - 1) + 1, node.range[0]);
      const whole = `${node.value} #${comment}`.trimEnd();
      problems.push({
        file: file.displayPath,
        line,
        column: col,
        message: `the text stops at "#": YAML reads " #${comment.trimEnd()}" as a comment, so the report leaves it out`,
        hint: `put this text in quotes: ${`${before}${quoted(whole)}`.trim()}`,
      });
    },
  });
  return problems;
}

/**
 * The parser notices an unclosed quote only where the file ends; the mistake is where the
 * quote was opened, so point there: the last quote opening a value before the error.
 */
function startOfUnclosedQuote(source: string, error: { code: string; message: string; pos: [number, number] }): number | undefined {
  if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return undefined;
  const before = source.slice(0, error.pos[0]);
  const openings = [...before.matchAll(/(?:^|[:\-[,]\s*)(["'])/gm)];
  const last = openings.at(-1);
  return last?.index === undefined ? undefined : last.index + last[0].length - 1;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Where a field is in the file. Walks the syntax tree as far along `path` as it exists:
 * a missing field is reported at its parent. With `at: 'key'` a found field is reported
 * at its name rather than its value (used for unknown fields).
 */
export function positionOf(file: YamlFile, path: ReadonlyArray<PropertyKey>, at: 'value' | 'key' = 'value'): Position {
  let node: unknown = file.document.contents;
  let keyNode: unknown;
  for (const segment of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
    } else {
      break;
    }
  }
  const target = (at === 'key' && keyNode ? keyNode : node) as Node | undefined;
  const offset = target?.range?.[0] ?? 0;
  const pos = file.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
