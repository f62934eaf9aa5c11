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
import { def, descriptionAt, unwrap, WRAPPERS } from '../model/schema-fields.js';

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

interface OptionalField {
  /** Its schema, with its description. */
  schema: z.ZodType;
  /** Where the block that has (or lacks) it is, and where it is. */
  parentPath: Array<string | number>;
  path: Array<string | number>;
  /** Its name as validate lists it: priorities[].progress */
  field: string;
  /** Given, and not an empty list. */
  given: boolean;
}

/**
 * Every optional field (not a setting) of every block `data` has, given or not, in the order
 * of the file. Blocks the data leaves out are not entered: their own fields are not listed.
 */
function* optionalFields(schema: z.ZodType, data: unknown, path: Array<string | number> = [], names: string[] = []): Generator<OptionalField> {
  const d = def(unwrap(schema));
  if (d.type === 'object' && d.shape && data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, field] of Object.entries(d.shape)) {
      const value = (data as Record<string, unknown>)[key];
      const given = value !== undefined && !(Array.isArray(value) && value.length === 0);
      if (listedWhenAbsent(field)) yield { schema: field, parentPath: path, path: [...path, key], field: [...names, key].join('.').replace(/\.\[\]/g, '[]'), given };
      if (given) yield* optionalFields(field, value, [...path, key], [...names, key]);
    }
  } else if (d.type === 'array' && d.element && Array.isArray(data)) {
    for (const [index, item] of data.entries()) yield* optionalFields(d.element, item, [...path, index], [...names, '[]']);
  } else if (d.type === 'union' && d.options && data !== null && typeof data === 'object') {
    // A figure with its period: only the object form has fields of its own.
    const object = d.options.find((option) => def(unwrap(option)).type === 'object');
    if (object) yield* optionalFields(object, data, path, names);
  }
}

/** An optional field the data does give: where it is, and its name as validate lists it. */
export interface StatedField {
  path: Array<string | number>;
  field: string;
}

/** Every optional field (not a setting) that `data` gives, in the order of the file: what a report could leave out. */
export function statedOptionalFields(schema: z.ZodType, data: unknown): StatedField[] {
  return [...optionalFields(schema, data)].filter((field) => field.given).map(({ path, field }) => ({ path, field }));
}

/** Every optional field the data leaves out, by file and field. */
export function findNotStated(report: ReportData): NotStated[] {
  const files: Array<[YamlFile, z.ZodType]> = [[report.sources.partnership, partnershipSchema]];
  for (const [name, file] of Object.entries(report.sources.files) as Array<[YearFileName, YamlFile | undefined]>) {
    if (file && YEAR_FILES[name]) files.push([file, YEAR_FILES[name].schema]);
  }
  const found: NotStated[] = [];
  for (const [file, schema] of files) {
    const byField = new Map<string, NotStated>();
    for (const { schema: fieldSchema, parentPath, field, given } of optionalFields(schema, file.data)) {
      const entry = byField.get(field) ?? { file: file.displayPath, field, what: descriptionAt(fieldSchema, []) ?? field, missing: 0, of: 0, lines: [] };
      entry.of += 1;
      if (!given) {
        entry.missing += 1;
        if (entry.lines.length < 3) entry.lines.push(positionOf(file, parentPath).line);
      }
      byField.set(field, entry);
    }
    found.push(...[...byField.values()].filter((entry) => entry.missing > 0));
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
