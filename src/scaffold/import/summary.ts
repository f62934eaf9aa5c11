/** What `report import` says it did: counts per section, what was left to place, and what next. */
import { displayPath } from '../../util/display-path.js';
import { UNPLACED_FILE } from '../../load/unplaced-file.js';
import type { ImportResult } from './import-document.js';

const plural = (n: number, word: string) => `${n} ${n === 1 ? word.replace(/ies$/, 'y').replace(/s$/, '') : word}`;

export function importSummary(result: ImportResult, options: { file: string; data: string; dryRun: boolean }): string {
  const lines: string[] = [];
  const { placed } = result;
  lines.push(`${options.dryRun ? 'Would import' : 'Imported'} ${displayPath(options.file)} into ${result.folder}:`);
  const rows = [...placed.tally.sections].map(([section, counts]) => {
    const parts = [
      counts.items ? plural(counts.items, counts.itemWord) : '',
      counts.paragraphs ? plural(counts.paragraphs, 'paragraphs') : '',
      counts.lists ? plural(counts.lists, 'lists') : '',
      counts.tables ? plural(counts.tables, 'tables') : '',
    ].filter(Boolean);
    return [section, counts.file, parts.join(', ')];
  });
  const blocks = placed.unplaced.reduce((sum, part) => sum + part.blocks.length, 0);
  if (placed.unplaced.length > 0) rows.push(['not placed', UNPLACED_FILE, `${plural(placed.unplaced.length, 'parts')} (${plural(blocks, 'blocks')} of text under them)`]);
  const widths = [0, 1].map((n) => Math.max(...rows.map((row) => row[n]!.length)));
  for (const row of rows) lines.push(`  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`);
  if (rows.length === 0) lines.push('  nothing: the document has no text the importer could read');
  if (placed.tally.headings.length > 0) {
    lines.push('', 'Headings read as sections:');
    for (const { heading, section } of placed.tally.headings) lines.push(`  "${heading}" -> ${section}`);
  }
  if (placed.tally.tablesAsText.length > 0) {
    lines.push('', 'Tables kept as text (not read as figures):');
    for (const { heading, reason } of placed.tally.tablesAsText) lines.push(`  under "${heading}": ${reason}`);
  }
  if (result.messages.length > 0) {
    lines.push('', 'Not read from the document:');
    for (const message of [...new Set(result.messages)]) lines.push(`  ${message}`);
  }
  lines.push('', options.dryRun ? 'Nothing was written (--dry-run). These files would be:' : 'Wrote:');
  for (const file of result.written) lines.push(`  ${file}`);
  const place = placed.unplaced.length > 0 ? `place what is in ${UNPLACED_FILE}, ` : '';
  lines.push('', `Next: check it against the document, ${place}fill in the TO DO fields, and run report validate --data ${options.data} --year ${result.year} to see what is left.`);
  return `${lines.join('\n')}\n`;
}
