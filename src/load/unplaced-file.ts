/**
 * unplaced.md: what `report import` read from a document but could not place, kept in the
 * year folder in document order so that nothing is lost. Each part is a "## " heading and the
 * text under it. `report validate` lists each part as a to-do until the user has moved it into
 * the data (or decided the report should not say it) and deleted it, then deleted the file.
 */
import { readFile } from 'node:fs/promises';
import { displayPath } from '../util/display-path.js';

export const UNPLACED_FILE = 'unplaced.md';

/** What validate lists for one part: its line and its heading. */
export interface UnplacedEntry {
  file: string;
  line: number;
  heading: string;
}

const PART = /^## (.*)$/;

/** The file's opening: what it is and what to do with it. */
export function unplacedIntro(source: string): string {
  return [
    `# Not yet placed: from ${source}`,
    '',
    'report import could not tell where each part below belongs. Move each into the data file it',
    'belongs in (or decide the report should not say it), then delete the part here. When no part',
    'is left, delete this file: until then, report validate lists each part as a to-do.',
    '',
  ].join('\n');
}

/** One part's text: its heading, then its blocks. */
export function unplacedPart(heading: string, blocks: string[]): string {
  // A heading may not break the file's own structure: one line, whatever it held.
  return [`## ${heading.replace(/\s+/g, ' ').trim() || '(a heading with no words)'}`, '', ...blocks.flatMap((block) => [block, ''])].join('\n');
}

/** The parts of a year's unplaced.md (found by listYear, inside the data folder). */
export async function readUnplaced(path: string): Promise<UnplacedEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  const file = displayPath(path);
  const parts: UnplacedEntry[] = [];
  let fenced = false;
  for (const [n, line] of text.split(/\r?\n/).entries()) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : PART.exec(line);
    if (match) parts.push({ file, line: n + 1, heading: match[1]!.trim() });
  }
  // A file with text but no part left (the headings deleted, the words not): still to place.
  if (parts.length === 0 && text.replace(/^# Not yet placed:.*$/m, '').replace(/report import could not[\s\S]*?each part as a to-do\./, '').trim()) {
    parts.push({ file, line: 1, heading: 'text from an imported document' });
  }
  return parts;
}
