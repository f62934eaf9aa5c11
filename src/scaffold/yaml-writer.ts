/**
 * Writes the data files that `report init` and `report new-year` start a partnership with:
 * YAML with a schema line for editors, a comment on each section saying what belongs there
 * and why the guidance wants it (in the requirement catalogue's words), and "TO DO:" in every
 * field still to be written, so that `report validate` can list what is left as a to-do list.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Document, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import type { DataFileName } from '../model/catalogue.js';
import { descriptionAt } from '../model/schema-fields.js';
import { schemaPathFor } from './schema-line.js';
import { CATALOGUES_DIR, catalogueInForce, discoverCatalogues, noCatalogueFor } from '../validate/compliance/catalogue.js';

/** What marks a field still to be written. */
export const TO_DO = 'TO DO:';

/** "TO DO: the foreword (Markdown)", from the field's own description in the model. */
export function toDo(schema: z.ZodType, path: Array<string | number>): string {
  const description = descriptionAt(schema, path) ?? 'fill this in';
  return `${TO_DO} ${description.charAt(0).toLowerCase()}${description.slice(1)}`;
}

/**
 * Why the guidance wants each data file, the comment at the top of each file the scaffold
 * writes: from the requirement catalogue in force for a period starting `periodStart`, so the
 * wording is the catalogue's, and follows the guidance the year will be checked against.
 * `dir` is where the catalogues are (the tool's own unless a test says otherwise).
 */
export async function whyFor(periodStart: string, dir: string = CATALOGUES_DIR): Promise<Record<DataFileName, string>> {
  const catalogues = await discoverCatalogues(dir);
  const chosen = catalogueInForce(catalogues, periodStart);
  if (!chosen) throw new UsageError(noCatalogueFor(dir));
  return chosen.catalogue.why;
}

/** Sets a comment above the field at `path`, if it exists. */
function commentAbove(document: Document, path: string[], comment: string): void {
  let node: unknown = document.contents;
  let key: Node | undefined;
  for (const segment of path) {
    if (!isMap(node)) return;
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
    if (!pair || !isPair(pair)) return;
    key = pair.key as Node;
    node = pair.value;
  }
  if (key) key.commentBefore = comment.split('\n').map((line) => ` ${line}`).join('\n');
  if (isSeq(node)) node.flow = false;
}

export interface DataFileText {
  /** Absolute path of the file to write. */
  path: string;
  /** The data folder the file is in (its schema line resolves inside its repository). */
  dataDir: string;
  /** The schema file's name in schemas/, e.g. report.schema.json. */
  schemaFile: string;
  /** The file's top comment: what it holds and why. */
  heading: string;
  data: unknown;
  /** Comments above particular fields, by dotted path. */
  comments?: Record<string, string>;
}

export function dataFileText(file: DataFileText): string {
  const document = new Document(file.data);
  const schemaPath = schemaPathFor(file.path, file.dataDir, file.schemaFile);
  document.commentBefore = ` yaml-language-server: $schema=${schemaPath}\n ${file.heading.split('\n').join('\n ')}`;
  for (const [path, comment] of Object.entries(file.comments ?? {})) commentAbove(document, path.split('.'), comment);
  return document.toString({ lineWidth: 100, blockQuote: 'literal' });
}

export async function writeDataFile(file: DataFileText): Promise<void> {
  await writeNewFile(file.path, dataFileText(file));
}

/** Writes a file that must not exist yet, with its folder: a user's file is never written over. */
export async function writeNewFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, { flag: 'wx' });
}
