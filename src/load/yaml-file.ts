/**
 * Reads one YAML file and keeps its syntax tree, so every later problem can point at the
 * line and column of the value (or key) it concerns.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
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
  return { file: { path, displayPath: shown, document, lineCounter, data }, problems: [] };
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
