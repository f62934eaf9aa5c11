/**
 * indicators.csv: figures as an analyst exports them from Excel, beside or instead of
 * indicators.yaml. One row per indicator; columns are the indicator's id and (for a new
 * indicator) its label, group, unit and polarity, then one column per year ("2022-23"), per
 * comparator and year ("England 2022-23", "West Midlands 2022-23"), per quarter ("Q1"), and
 * for rates the count behind them ("count 2022-23"). Cells may use thousands separators
 * ("29,563") and percent signs ("86.1%"); blank means no figure; "c" or "x" means suppressed.
 *
 * A row whose id is in indicators.yaml adds its figures to that indicator (the YAML keeps the
 * words); any other row is a whole indicator on its own.
 */
import type { z } from 'zod';
import { indicator as indicatorSchema, type Figure, type Indicator, type StatedFigure } from '../model/report-year.js';
import { figureValue } from '../model/stated-figure.js';
import type { Problem } from '../problems.js';
import type { CsvCell, CsvFile } from '../load/csv-file.js';
import { closest } from '../util/suggest.js';

const TEXT_COLUMNS = ['id', 'label', 'group', 'unit', 'polarity', 'definition', 'source', 'notes'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];
import { COMPARATORS as COMPARATOR_KEYS, type Comparator as ComparatorKey } from '../model/partnership.js';

type Column =
  | { kind: 'text'; field: TextColumn }
  | { kind: 'value'; year: string }
  | { kind: 'count'; year: string }
  | { kind: 'quarter'; quarter: 'Q1' | 'Q2' | 'Q3' | 'Q4' }
  | { kind: 'comparator'; comparator: ComparatorKey; year: string };

const normal = (text: string) => text.trim().toLowerCase().replace(/[_\s]+/g, ' ');
const YEAR = /^(\d{4})-(\d{2})$/;
const isYear = (text: string) => {
  const match = YEAR.exec(text);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
};

function interpretHeader(cell: CsvCell, comparatorNames: Record<ComparatorKey, string>): Column | undefined {
  const name = normal(cell.text);
  if ((TEXT_COLUMNS as readonly string[]).includes(name)) return { kind: 'text', field: name as TextColumn };
  if (isYear(name)) return { kind: 'value', year: name };
  const quarter = /^q([1-4])$/.exec(name);
  if (quarter) return { kind: 'quarter', quarter: `Q${quarter[1]}` as 'Q1' };
  const split = /^(.+) (\d{4}-\d{2})$/.exec(name);
  if (split && isYear(split[2]!)) {
    const prefix = split[1]!;
    if (prefix === 'count') return { kind: 'count', year: split[2]! };
    const comparator = COMPARATOR_KEYS.find((key) => normal(key) === prefix || normal(comparatorNames[key]) === prefix);
    if (comparator) return { kind: 'comparator', comparator, year: split[2]! };
  }
  return undefined;
}

/** "29,563" -> 29563; "86.1%" -> 86.1; "c" or "x" -> "c"; "" -> undefined. */
export function parseFigure(text: string): Figure | undefined | Error {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^[cx]$/i.test(trimmed)) return 'c';
  const plain = trimmed.replace(/^£/, '').replace(/%$/, '').trim();
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(plain)) return new Error(`expected a number (like 29,563 or 86.1%), c or x for a suppressed value, or a blank cell, found "${trimmed}"`);
  return Number(plain.replace(/,/g, ''));
}

export interface CsvIndicatorsResult {
  indicators: Indicator[];
  problems: Problem[];
}

/**
 * Merges the CSV's rows with the indicators already checked in indicators.yaml (if any),
 * returning the full list in YAML order, then new CSV indicators in row order.
 */
export function mergeIndicatorsCsv(
  file: CsvFile,
  fromYaml: Indicator[],
  comparatorNames: Record<ComparatorKey, string>,
): CsvIndicatorsResult {
  const problems: Problem[] = [];
  const problem = (cell: CsvCell, message: string, hint?: string) =>
    problems.push({ file: file.displayPath, line: cell.row, column: columnIndex(cell.column) + 1, message: `row ${cell.row}, column ${cell.column}: ${message}`, ...(hint ? { hint } : {}) });

  const columns = file.header.map((cell) => {
    const column = interpretHeader(cell, comparatorNames);
    if (!column) {
      const known = [...TEXT_COLUMNS, '2022-23', 'Q1', 'count 2022-23', 'England 2022-23', `${comparatorNames.region} 2022-23`];
      const suggestion = closest(cell.text, TEXT_COLUMNS);
      problem(cell, `the column "${cell.text}" is not one this tool reads`, suggestion ? `did you mean "${suggestion}"?` : `columns are like: ${known.join(', ')}`);
    }
    return column;
  });
  const idColumn = columns.findIndex((column) => column?.kind === 'text' && column.field === 'id');
  if (idColumn < 0) {
    problems.push({ file: file.displayPath, line: 1, column: 1, message: 'there is no "id" column', hint: 'the first row must name the columns, starting with id' });
    return { indicators: fromYaml, problems };
  }

  const byId = new Map(fromYaml.map((indicator) => [indicator.id, structuredClone(indicator)]));
  const added: Indicator[] = [];
  const seen = new Set<string>();
  for (const row of file.rows) {
    const idCell = row[idColumn];
    const id = idCell?.text.trim() ?? '';
    if (!idCell || id === '') {
      problem(idCell ?? row[0]!, 'this row has no id', 'give every row the id of its indicator, like re-referrals');
      continue;
    }
    if (seen.has(id)) {
      problem(idCell, `the id "${id}" is on more than one row`, 'put each indicator on one row');
      continue;
    }
    seen.add(id);

    // The row as an indicator, remembering which cell each field came from.
    const data: Record<string, unknown> = {};
    const cells = new Map<string, CsvCell>();
    const set = (path: string[], value: unknown, cell: CsvCell) => {
      let target = data;
      for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
      target[path.at(-1)!] = value;
      cells.set(path.join('.'), cell);
    };
    row.forEach((cell, index) => {
      const column = columns[index];
      if (!column || cell.text.trim() === '') return;
      if (column.kind === 'text') return set([column.field], cell.text.trim(), cell);
      const figure = parseFigure(cell.text);
      if (figure instanceof Error) return problem(cell, figure.message);
      if (figure === undefined) return;
      if (column.kind === 'value') set(['values', column.year], figure, cell);
      else if (column.kind === 'quarter') set(['quarters', column.quarter], figure, cell);
      else if (column.kind === 'comparator') set(['comparators', column.comparator, column.year], figure, cell);
      else if (figure === 'c') problem(cell, 'a count behind a rate cannot be suppressed here: give the true count; the report suppresses small numbers itself');
      else set(['counts', column.year], figure, cell);
    });

    const existing = byId.get(id);
    if (existing) {
      mergeFigures(existing, data, cells, (cell, message) => problem(cell, message));
      for (const field of TEXT_COLUMNS) {
        const cell = cells.get(field);
        if (field !== 'id' && cell && cell.text.trim() !== String(existing[field as keyof Indicator] ?? '')) {
          problem(cell, `"${id}" is described in indicators.yaml, so its ${field} belongs there`, `leave this cell blank, or change indicators.yaml`);
        }
      }
      continue;
    }
    const checked = indicatorSchema.safeParse({ values: {}, ...data });
    if (!checked.success) {
      for (const issue of checked.error.issues) reportIssue(issue, cells, idCell, id, (cell, message, hint) => problem(cell, message, hint));
      continue;
    }
    added.push(checked.data);
  }
  return { indicators: [...byId.values(), ...added], problems };
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** Adds the CSV's figures to an indicator from indicators.yaml; a figure given in both must agree. */
function mergeFigures(target: Indicator, data: Record<string, unknown>, cells: Map<string, CsvCell>, problem: (cell: CsvCell, message: string) => void) {
  const merge = (into: Record<string, StatedFigure | number>, from: Record<string, Figure> | undefined, prefix: string) => {
    for (const [key, value] of Object.entries(from ?? {})) {
      const stated = into[key];
      const before = stated === undefined ? undefined : figureValue(stated);
      if (before !== undefined && before !== value) {
        problem(cells.get(`${prefix}.${key}`)!, `${value} differs from ${before} in indicators.yaml: give the figure in one place`);
      } else {
        into[key] = value;
      }
    }
  };
  merge(target.values, data.values as Record<string, Figure>, 'values');
  if (data.counts) merge((target.counts ??= {}) as Record<string, number>, data.counts as Record<string, Figure>, 'counts');
  if (data.quarters) merge((target.quarters ??= {}) as Record<string, Figure>, data.quarters as Record<string, Figure>, 'quarters');
  const comparators = data.comparators as Record<ComparatorKey, Record<string, Figure>> | undefined;
  for (const key of COMPARATOR_KEYS) {
    if (comparators?.[key]) merge(((target.comparators ??= {})[key] ??= {}) as Record<string, Figure>, comparators[key], `comparators.${key}`);
  }
}

function reportIssue(issue: z.core.$ZodIssue, cells: Map<string, CsvCell>, idCell: CsvCell, id: string, problem: (cell: CsvCell, message: string, hint?: string) => void) {
  const path = issue.path.map(String);
  const cell = cells.get(path.join('.')) ?? cells.get(path[0] ?? '');
  if (issue.code === 'invalid_type' && !cell) {
    problem(idCell, `"${id}" is not in indicators.yaml, so this row needs a ${path[0]}`, `fill in the ${path[0]} column, or describe "${id}" in indicators.yaml`);
    return;
  }
  problem(cell ?? idCell, `${path.join('.')}: ${issue.message}`);
}
