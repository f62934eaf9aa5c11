/**
 * Writes the data files that `report init` and `report new-year` start a partnership with:
 * YAML with a schema line for editors, a comment on each section saying what belongs there
 * and why the guidance wants it, and "TO DO:" in every field still to be written, so that
 * `report validate` can list what is left as a to-do list.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { Document, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { SCHEMAS_DIR } from '../model/json-schema.js';
import { descriptionAt } from '../model/schema-fields.js';

/** What marks a field still to be written. */
export const TO_DO = 'TO DO:';

/** "TO DO: the foreword (Markdown)", from the field's own description in the model. */
export function toDo(schema: z.ZodType, path: Array<string | number>): string {
  const description = descriptionAt(schema, path) ?? 'fill this in';
  return `${TO_DO} ${description.charAt(0).toLowerCase()}${description.slice(1)}`;
}

/** Why the guidance wants each section: the comment at the top of its file. */
export const WHY: Record<string, string> = {
  partnership: 'What lasts from one year to the next. The three safeguarding partners (the local authority, the integrated care board and the police) must be named.',
  report: 'The yearly report must set out what the partners did as a result of the arrangements and how effective they have been (Children Act 2004 s16G).',
  priorities: 'Working Together expects evidence of impact on outcomes for children and families for each priority, and an analysis of any with little or no progress.',
  indicators: 'Figures show whether things got better. Give last year\'s figure and comparators (England, region, statistical neighbours) where you have them.',
  reviews: 'The report must say what the partners did on child safeguarding practice reviews, and should record actions on every recommendation and what improved.',
  audits: 'Multi-agency audits are how the partnership knows the quality of practice: say what they found and what changed.',
  training: 'Working Together expects evidence of the impact of training on practice, not only attendance and satisfaction.',
  voice: 'The report should say how the partners sought and used feedback from children and families: what you heard, and what you changed.',
  scrutiny: 'Independent scrutiny is a critical friend: name the scrutineer and report what they found.',
  funding: 'Show what each partner contributed; contributions should add up to the total.',
  subgroups: 'What each subgroup did, and what difference it made.',
  'child-deaths': 'The child death overview panel\'s year, and its learning.',
  lado: 'Allegations against people who work with children, and what they showed.',
  'next-year': 'What the partnership will focus on next year, and why.',
  glossary: 'Abbreviations used in the report, for readers who do not know them.',
};

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
  const schemaPath = relative(dirname(file.path), `${SCHEMAS_DIR}/${file.schemaFile}`).split('\\').join('/');
  document.commentBefore = ` yaml-language-server: $schema=${schemaPath}\n ${file.heading.split('\n').join('\n ')}`;
  for (const [path, comment] of Object.entries(file.comments ?? {})) commentAbove(document, path.split('.'), comment);
  return document.toString({ lineWidth: 100, blockQuote: 'literal' });
}

export async function writeDataFile(file: DataFileText): Promise<void> {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, dataFileText(file), { flag: 'wx' });
}
