/**
 * Puts something into every text field of a data folder, whatever fields the model has now or
 * gains later: every string value of every YAML file is changed, then `report validate` says
 * which fields will not take the change (ids, dates, choices, addresses, file names), and those
 * fall back, a variant at a time, to their original value, until the data is valid again.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { runCli } from './helpers.js';

type Path = Array<string | number>;

interface Field {
  file: string;
  path: Path;
  /** What to try, in order; the last is the original value. */
  tries: string[];
  at: number;
}

export interface Filled {
  /** Every text field, each as file:path. */
  all: string[];
  /** The fields that took a variant. */
  changed: string[];
  /** What `report validate --format json` said about the first, fully changed data. */
  firstProblems: Array<{ file: string; path?: Path; message: string }>;
}

/**
 * YAML writes the C0 controls as escapes but DEL, C1, U+2028 and U+2029 as they are: write
 * those as \u escapes too, as a person would (they only ever occur in double-quoted strings).
 */
function yamlText(data: unknown): string {
  return stringify(data, { lineWidth: 0 }).replace(/[\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function strings(value: unknown, path: Path, found: (path: Path, text: string) => void): void {
  if (typeof value === 'string') found(path, value);
  else if (Array.isArray(value)) value.forEach((item, index) => strings(item, [...path, index], found));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) strings(item, [...path, key], found);
}

function setAt(data: unknown, path: Path, value: string): void {
  let node = data as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

const key = (file: string, path: Path) => `${file}:${path.join('.')}`;

/**
 * Changes every text field of the YAML in `dataDir`: `variants(original, field)` gives the
 * values to try, best first (`field.file` is relative to `dataDir`). Returns which fields were
 * changed. With `repair: false` every field keeps its first variant, valid or not.
 */
export function fillEveryTextField(
  dataDir: string,
  variants: (original: string, field: { file: string; path: Path; index: number }) => string[],
  { repair = true } = {},
): Filled {
  const documents = new Map<string, unknown>();
  const fields: Field[] = [];
  for (const file of yamlFiles(dataDir)) {
    const data = parse(readFileSync(file, 'utf8')) as unknown;
    documents.set(file, data);
    strings(data, [], (path, text) => fields.push({ file, path, tries: [...variants(text, { file: relative(dataDir, file), path, index: fields.length }), text], at: 0 }));
  }
  const byKey = new Map(fields.map((field) => [key(field.file, field.path), field]));
  const write = () => {
    for (const field of fields) setAt(documents.get(field.file), field.path, field.tries[field.at]!);
    for (const [file, data] of documents) {
      const text = yamlText(data);
      if (JSON.stringify(parse(text)) !== JSON.stringify(data)) throw new Error(`${file} does not read back as written`);
      writeFileSync(file, text);
    }
  };

  let firstProblems: Filled['firstProblems'] | undefined;
  for (let round = 0; round < 12; round++) {
    write();
    const run = runCli(['validate', '--data', dataDir, '--format', 'json']);
    const problems = (JSON.parse(run.stdout) as { problems: Filled['firstProblems'] }).problems;
    firstProblems ??= problems;
    if (problems.length === 0 || !repair) {
      const changed = fields.filter((field) => field.at < field.tries.length - 1).map((field) => key(relative(dataDir, field.file), field.path));
      return { all: fields.map((field) => key(relative(dataDir, field.file), field.path)), changed, firstProblems };
    }
    let moved = false;
    for (const problem of problems) {
      const file = resolve(problem.file);
      const exact = problem.path && byKey.get(key(file, problem.path));
      // A problem about a whole list or object: every field under it steps back.
      const under = exact ? [exact] : fields.filter((field) => field.file === file && (problem.path ?? []).every((segment, i) => field.path[i] === segment));
      for (const field of under) {
        if (field.at < field.tries.length - 1) {
          field.at++;
          moved = true;
        }
      }
    }
    if (!moved) throw new Error(`The data stays invalid with every field back as it was:\n${JSON.stringify(problems, null, 2)}`);
  }
  throw new Error('The data did not become valid after 12 rounds');
}
