/**
 * What is left to write: every field still marked "TO DO:" (as report init and new-year
 * leave them), with its place, so report validate can show a to-do list rather than a wall
 * of problems.
 */
import { fieldName } from '../problems.js';
import { positionOf, type YamlFile } from '../load/yaml-file.js';
import type { ReportData } from '../model/checked-report.js';
import { stringsOf } from './strings-of.js';
import { UNPLACED_FILE } from '../load/unplaced-file.js';

export const TO_DO_MARK = /^\s*TO DO:\s*/;

export interface ToDo {
  file: string;
  line: number;
  field: string;
  /** What belongs there. */
  what: string;
}

export function findToDos(report: ReportData): ToDo[] {
  const files: YamlFile[] = [report.sources.partnership, ...Object.values(report.sources.files).filter((file): file is YamlFile => file !== undefined)];
  const found: ToDo[] = [];
  for (const file of files) {
    for (const [text, path] of stringsOf(file.data)) {
      if (!TO_DO_MARK.test(text)) continue;
      found.push({ file: file.displayPath, line: positionOf(file, path).line, field: fieldName(path), what: text.replace(TO_DO_MARK, '') });
    }
  }
  return found;
}

export function formatToDos(toDos: ToDo[]): string {
  return toDos.map((item) => `  [ ] ${item.file}:${item.line}  ${item.field}: ${item.what}`).join('\n');
}

/**
 * What is left, counted in words: "14 fields still marked TO DO", and "5 parts of an imported
 * document still to place (unplaced.md)", which are listed with the to-dos but are not fields.
 */
export function toDoCounts(toDos: ToDo[]): string[] {
  const unplaced = toDos.filter((item) => item.file.endsWith(UNPLACED_FILE)).length;
  const fields = toDos.length - unplaced;
  const counts: string[] = [];
  if (fields > 0) counts.push(fields === 1 ? '1 field still marked TO DO' : `${fields} fields still marked TO DO`);
  if (unplaced > 0) counts.push(unplaced === 1 ? `1 part of an imported document still to place (${UNPLACED_FILE})` : `${unplaced} parts of an imported document still to place (${UNPLACED_FILE})`);
  return counts;
}
