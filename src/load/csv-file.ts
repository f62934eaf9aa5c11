/**
 * Reads a CSV file as Excel writes it: UTF-8 with or without a byte-order mark, commas,
 * double quotes around cells that hold commas, quotes or line breaks, CRLF or LF line ends.
 * Every cell keeps its row number and column letter, so problems can say "row 5, column D".
 */
import type { Problem } from '../problems.js';
import { readTextFile } from './yaml-file.js';
import { displayPath } from '../util/display-path.js';

export interface CsvCell {
  text: string;
  /** 1-based row number, as Excel shows it. */
  row: number;
  /** Column letter, as Excel shows it: A, B, ... Z, AA. */
  column: string;
}

export interface CsvFile {
  path: string;
  displayPath: string;
  header: CsvCell[];
  rows: CsvCell[][];
}

export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Splits CSV text into rows of cells; reports an unclosed quote. */
export function parseCsv(source: string, shownPath: string): { header: CsvCell[]; rows: CsvCell[][]; problems: Problem[] } {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const rows: CsvCell[][] = [];
  let row: CsvCell[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  let quoteLine = 0;
  const endCell = () => {
    row.push({ text: cell, row: rowStart, column: columnLetter(row.length) });
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (row.some((c) => c.text.trim() !== '')) rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (char === ',') {
      endCell();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowStart = line;
    } else {
      cell += char;
    }
  }
  if (quoted) {
    return {
      header: [],
      rows: [],
      problems: [{ file: shownPath, line: quoteLine, message: 'a quoted cell is never closed', hint: 'check this row for a missing " at the end of a cell' }],
    };
  }
  if (cell !== '' || row.length > 0) endRow();
  const [header = [], ...body] = rows;
  return { header, rows: body, problems: [] };
}

export async function readCsvFile(path: string): Promise<{ file?: CsvFile; problems: Problem[] }> {
  const shown = displayPath(path);
  const read = await readTextFile(path, 'CSV');
  if (read.text === undefined) return { problems: read.problems };
  const { header, rows, problems } = parseCsv(read.text, shown);
  if (problems.length) return { problems };
  if (header.length === 0) return { problems: [{ file: shown, message: 'is empty', hint: 'the first row names the columns: id, label, group, unit, polarity, then one column per year' }] };
  return { file: { path, displayPath: shown, header, rows }, problems: [] };
}
