/**
 * A table of figures by year, as reports print them, becomes indicators: a row is an
 * indicator, its first cell the label; each other column is a year ("2021-22", "2022/23"),
 * or a comparator and its year ("England 2021-22", "Statistical neighbours 2021/22",
 * "Region 2021-22"), or the area's own name and a year ("Sandwell 2022-23"). Only what the
 * table states is taken:
 *
 * - the unit is a percentage when a cell or the label shows "%" or names a percentage or
 *   proportion, a rate per 10,000 when the label or header says so, and a count when every
 *   figure is a whole number and the label names no rate, average, score or ratio;
 * - which way is better is never guessed (polarity is left out);
 * - a table with any column, cell or unit it cannot read this way is not figures: it stays a
 *   Markdown table, with the reason.
 */
import type { Comparator } from '../../model/partnership.js';
import { parseFigure } from '../../validate/indicators-csv.js';
import type { Figure } from '../../model/report-year.js';
import { yearsIn } from './sections.js';

export interface ImportedIndicator {
  id: string;
  label: string;
  group: string;
  unit: 'count' | 'percentage' | 'rate-per-10000';
  values: Record<string, Figure>;
  comparators?: Partial<Record<Comparator, Record<string, Figure>>>;
}

type Column = { kind: 'local'; year: string } | { kind: 'comparator'; comparator: Comparator; year: string };

export interface Names {
  /** The partnership's area, when partnership.yaml gives it: "Sandwell 2022-23" is then the local figure. */
  area?: string;
  /** Its region, when partnership.yaml gives it: "West Midlands 2022-23" is then the regional average. */
  region?: string;
}

const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function column(header: string, names: Names): Column | string {
  const years = yearsIn(header);
  if (years.length !== 1) return `its column "${header}" names ${years.length === 0 ? 'no reporting year' : 'more than one year'}`;
  const words = normal(header.replace(/(?:19|20)?\d{2}\s*[-/–]\s*(?:19|20)?\d{2}/, ' ').replace(/\b(figure|value|actual|outturn|average|avg|data|rate|no|number)\b/gi, ' '));
  const year = years[0]!;
  if (words === '' || (names.area && words === normal(names.area))) return { kind: 'local', year };
  if (/^(england|national|eng|england and wales)$/.test(words)) return { kind: 'comparator', comparator: 'england', year };
  if (/^(statistical neighbours?|stat neighbours?|stat nbrs?|sn|statistical neighbour group)$/.test(words)) return { kind: 'comparator', comparator: 'statistical_neighbours', year };
  if (/^(region|regional)$/.test(words) || (names.region && words === normal(names.region))) return { kind: 'comparator', comparator: 'region', year };
  return `its column "${header}" is not a year, nor a comparator the importer knows (England, region, statistical neighbours${names.area ? `, ${names.area}` : ''})`;
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/%/g, ' percent ').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'item';
}

/** `base`, or base-2, base-3... the first not in `taken`; it is added to `taken`. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function unitOf(label: string, header: string[], cells: string[], figures: number[]): ImportedIndicator['unit'] | undefined {
  const words = `${label} ${header.join(' ')}`;
  if (/per 10,?000|per 10k|per ten thousand/i.test(words)) return 'rate-per-10000';
  if (cells.some((cell) => /%\s*$/.test(cell)) || /%|percent|proportion|percentage/i.test(label)) return 'percentage';
  if (figures.every(Number.isInteger) && !/\b(rate|average|mean|median|ratio|score|index|per)\b/i.test(label)) return 'count';
  return undefined;
}

/** The indicators a table states, or why it is not a table of figures by year. */
export function figuresOf(rows: string[][], group: string, names: Names, taken: Set<string>): { indicators: ImportedIndicator[] } | { reason: string } {
  const [header, ...body] = rows;
  if (!header || header.length < 2 || body.length === 0) return { reason: 'it has no header row and figures under it' };
  const columns: Column[] = [];
  for (const cell of header.slice(1)) {
    const read = column(cell, names);
    if (typeof read === 'string') return { reason: read };
    columns.push(read);
  }
  if (!columns.some((c) => c.kind === 'local')) return { reason: 'no column is the area\'s own figure for a year' };
  const indicators: ImportedIndicator[] = [];
  const ids = new Set(taken);
  for (const row of body) {
    const label = row[0]?.trim() ?? '';
    if (!label) return { reason: 'a row has figures but no label' };
    const cells = row.slice(1);
    if (cells.length > columns.length) return { reason: `the row "${label}" has more cells than the header` };
    const indicator: ImportedIndicator = { id: '', label, group, unit: 'count', values: {} };
    const numbers: number[] = [];
    for (const [n, cell] of cells.entries()) {
      const value = parseFigure(cell.replace(/^[-–—]$|^n\/?a$/i, ''));
      if (value instanceof Error) return { reason: `the row "${label}" has "${cell}", which is not a figure` };
      if (value === undefined) {
        // A dash or n/a says there is no figure; anything else unreadable has stopped above.
        continue;
      }
      if (typeof value === 'number') numbers.push(value);
      const at = columns[n]!;
      if (at.kind === 'local') indicator.values[at.year] = value;
      else ((indicator.comparators ??= {})[at.comparator] ??= {})[at.year] = value;
    }
    if (Object.keys(indicator.values).length === 0) return { reason: `the row "${label}" has no figure for the area` };
    const unit = unitOf(label, header, cells, numbers);
    if (!unit) return { reason: `it does not say whether "${label}" is a count, a percentage or a rate per 10,000` };
    indicator.unit = unit;
    indicator.id = uniqueId(slug(label), ids);
    indicators.push(indicator);
  }
  return { indicators };
}
