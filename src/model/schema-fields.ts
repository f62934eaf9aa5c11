/**
 * What the model says about a field, found by its path: its description (shown in hints and
 * in the files init writes) and the fields a block may have (for "did you mean").
 */
import { z } from 'zod';

export type Schema = z.ZodType;

interface SchemaDef {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
}

/** What zod says a schema is (its type and the schemas inside it). */
export function def(schema: Schema): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The wrappers around a value's own schema: optional, default and the like. */
export const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch']);

/** The schema of the value itself, inside its wrappers (and a pipe's input). */
export function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const d = def(current);
    if (WRAPPERS.has(d.type) && d.innerType) current = d.innerType;
    else if (d.type === 'pipe' && d.in) current = d.in;
    else return current;
  }
}

/** The schema for the value at `path`, and every wrapper on the way (for descriptions). */
function schemasAt(root: Schema, path: ReadonlyArray<PropertyKey>): Schema[] {
  let current: Schema | undefined = root;
  let chain: Schema[] = [];
  const unwrap = () => {
    chain = [];
    while (current) {
      chain.push(current);
      const d = def(current);
      if (WRAPPERS.has(d.type)) current = d.innerType;
      else if (d.type === 'pipe') current = d.in;
      else break;
    }
  };
  unwrap();
  for (const segment of path) {
    if (!current) return [];
    const d = def(current);
    if (d.type === 'object' && d.shape) current = d.shape[String(segment)];
    else if (d.type === 'array') current = d.element;
    else if (d.type === 'record') current = d.valueType;
    else return [];
    unwrap();
  }
  return chain;
}

/** The model's description of the field at `path` (used in hints and in the files init writes). */
export function descriptionAt(root: Schema, path: ReadonlyArray<PropertyKey>): string | undefined {
  for (const schema of schemasAt(root, path)) {
    const description = z.globalRegistry.get(schema)?.description;
    if (description) return description;
  }
  return undefined;
}

export function fieldsAt(root: Schema, path: ReadonlyArray<PropertyKey>): string[] {
  const object = schemasAt(root, path).at(-1);
  const d = object ? def(object) : undefined;
  return d?.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}
