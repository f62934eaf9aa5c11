/**
 * What the data does not say: every optional field of the model that a report leaves out (or
 * leaves as an empty list), found by walking each file's data beside its schema. The page
 * shows nothing for these, so `report validate` lists them, grouped by field, for the
 * business manager to fill in where the partnership has something to say. They never fail
 * a run: a real report may lack any of them. Fields the model marks as settings (a title, a
 * logo, a flag) are not listed: leaving those out says nothing about the partnership.
 */
import { z } from 'zod';
import { positionOf, type YamlFile } from '../load/yaml-file.js';
import type { ReportData } from '../model/checked-report.js';
import { partnershipSchema } from '../model/partnership.js';
import { YEAR_FILES, type YearFileName } from '../model/report-year.js';
import { descriptionAt } from '../model/schema-fields.js';

export interface NotStated {
  file: string;
  /** The field, with [] for any item of a list: priorities[].progress */
  field: string;
  /** What the model says the field is for. */
  what: string;
  /** How many items lack it, and of how many (1 of 1 for a field outside any list). */
  missing: number;
  of: number;
  /** The line of the block that lacks it, for the first few. */
  lines: number[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
}
const def = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch']);

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const d = def(current);
    if (WRAPPERS.has(d.type) && d.innerType) current = d.innerType;
    else if (d.type === 'pipe' && d.in) current = d.in;
    else return current;
  }
}

/** Whether leaving `schema` out is worth saying: it is optional, and not marked as a setting. */
function listedWhenAbsent(schema: z.ZodType): boolean {
  let current: z.ZodType | undefined = schema;
  let optional = false;
  while (current) {
    if (z.globalRegistry.get(current)?.setting === true) return false;
    const d = def(current);
    if (d.type === 'optional') optional = true;
    if (d.type === 'boolean') return false;
    current = WRAPPERS.has(d.type) ? d.innerType : d.type === 'pipe' ? d.in : undefined;
  }
  return optional;
}

/** An optional field the data does give: where it is, and its name as validate lists it. */
export interface StatedField {
  path: Array<string | number>;
  field: string;
}

/** Every optional field (not a setting) that `data` gives, in the order of the file: what a report could leave out. */
export function statedOptionalFields(schema: z.ZodType, data: unknown): StatedField[] {
  const found: StatedField[] = [];
  const visit = (node: z.ZodType, value: unknown, path: Array<string | number>, schemaPath: string[]) => {
    const d = def(unwrap(node));
    if (d.type === 'object' && d.shape && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, field] of Object.entries(d.shape)) {
        const present = (value as Record<string, unknown>)[key];
        if (present === undefined || (Array.isArray(present) && present.length === 0)) continue;
        if (listedWhenAbsent(field)) found.push({ path: [...path, key], field: [...schemaPath, key].join('.').replace(/\.\[\]/g, '[]') });
        visit(field, present, [...path, key], [...schemaPath, key]);
      }
    } else if (d.type === 'array' && d.element && Array.isArray(value)) {
      value.forEach((item, index) => visit(d.element!, item, [...path, index], [...schemaPath, '[]']));
    }
  };
  visit(schema, data, [], []);
  return found;
}

type Tally = Map<string, { root: z.ZodType; schemaPath: string[]; missing: number; of: number; lines: number[] }>;

function walk(file: YamlFile, root: z.ZodType, schema: z.ZodType, value: unknown, path: Array<string | number>, schemaPath: string[], tally: Tally) {
  const inner = unwrap(schema);
  const d = def(inner);
  if (d.type === 'object' && d.shape && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(d.shape)) {
      const present = record[key];
      const empty = present === undefined || (Array.isArray(present) && present.length === 0);
      const name = [...schemaPath, key].join('.').replace(/\.\[\]/g, '[]');
      if (listedWhenAbsent(field)) {
        const entry = tally.get(name) ?? { root, schemaPath: [...schemaPath, key], missing: 0, of: 0, lines: [] };
        entry.of += 1;
        if (empty) {
          entry.missing += 1;
          if (entry.lines.length < 3) entry.lines.push(positionOf(file, path).line);
        }
        tally.set(name, entry);
      }
      if (!empty) walk(file, root, field, present, [...path, key], [...schemaPath, key], tally);
    }
  } else if (d.type === 'array' && d.element && Array.isArray(value)) {
    value.forEach((item, index) => walk(file, root, d.element!, item, [...path, index], [...schemaPath, '[]'], tally));
  } else if (d.type === 'union' && d.options && value !== null && typeof value === 'object') {
    // A figure with its period: only the object form has fields of its own.
    const object = d.options.find((option) => def(unwrap(option)).type === 'object');
    if (object) walk(file, root, object, value, path, schemaPath, tally);
  }
}

function schemaPathForDescription(schemaPath: string[]): Array<string | number> {
  return schemaPath.map((segment) => (segment === '[]' ? 0 : segment));
}

/** Every optional field the data leaves out, by file and field. */
export function findNotStated(report: ReportData): NotStated[] {
  const files: Array<[YamlFile, z.ZodType]> = [[report.sources.partnership, partnershipSchema]];
  for (const [name, file] of Object.entries(report.sources.files) as Array<[YearFileName, YamlFile | undefined]>) {
    if (file && YEAR_FILES[name]) files.push([file, YEAR_FILES[name].schema]);
  }
  const found: NotStated[] = [];
  for (const [file, schema] of files) {
    const tally: Tally = new Map();
    walk(file, schema, schema, file.data, [], [], tally);
    for (const [field, entry] of tally) {
      if (entry.missing === 0) continue;
      found.push({
        file: file.displayPath,
        field,
        what: descriptionAt(entry.root, schemaPathForDescription(entry.schemaPath)) ?? field,
        missing: entry.missing,
        of: entry.of,
        lines: entry.lines,
      });
    }
  }
  return found;
}

export function formatNotStated(items: NotStated[]): string {
  return items
    .map((item) => {
      const count = item.of > 1 ? ` (${item.missing} of ${item.of})` : '';
      return `  ${item.file}:${item.lines[0]}  ${item.field}${count}: ${item.what}`;
    })
    .join('\n');
}
