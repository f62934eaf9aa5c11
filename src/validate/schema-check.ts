/**
 * Checks one file's data against its zod schema and turns every issue into a Problem a
 * business manager can act on: the field, its line and column, what is wrong in plain
 * English and how to fix it (from the field's own description in the model).
 */
import { z } from 'zod';
import type { Problem } from '../problems.js';
import { colonInProse, positionOf, type YamlFile } from '../load/yaml-file.js';
import { closest } from '../util/suggest.js';
import { descriptionAt, fieldsAt, type Schema } from '../model/schema-fields.js';
import { lowerFirst, missingFieldHint, plainMessage, unknownFieldHint } from '../model/plain-messages.js';

type Issue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of fields';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  return String(value);
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function lastKey(path: ReadonlyArray<PropertyKey>): string {
  const key = [...path].reverse().find((segment) => typeof segment === 'string');
  return key === undefined ? 'this' : String(key);
}

function toPath(path: ReadonlyArray<PropertyKey>): Array<string | number> {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

/** Every problem in one file's data; an empty list when it matches the schema. */
export function checkAgainstSchema(file: YamlFile, schema: Schema): Problem[] {
  const result = schema.safeParse(file.data);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => issueToProblems(file, schema, issue));
}

function issueToProblems(file: YamlFile, schema: Schema, issue: Issue): Problem[] {
  const at = (path: ReadonlyArray<PropertyKey>, where: 'value' | 'key' = 'value') => {
    const { line, column } = positionOf(file, path, where);
    return { file: file.displayPath, line, column, path: toPath(path) };
  };
  const description = descriptionAt(schema, issue.path);

  if (issue.code === 'unrecognized_keys') {
    const allowed = fieldsAt(schema, issue.path);
    return issue.keys.map((key) => {
      const suggestion = closest(key, allowed);
      return {
        ...at([...issue.path, key], 'key'),
        message: `unknown field "${key}"`,
        hint: suggestion ? `did you mean "${suggestion}"? Rename it.` : unknownFieldHint(allowed),
      };
    });
  }

  const value = valueAt(file.data, issue.path);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && value === undefined) {
    return [
      {
        ...at(issue.path),
        message: 'is missing',
        hint: missingFieldHint(lastKey(issue.path), description),
      },
    ];
  }

  const found = value !== undefined ? `, found ${describeValue(value)}` : '';
  const withHint = (message: string): Problem => ({
    ...at(issue.path),
    message,
    ...(description ? { hint: `${lastKey(issue.path)} should be: ${lowerFirst(description)}` } : {}),
  });

  // `- Meetings held: 12 in total` where a point of text belongs: YAML read a field.
  const colon = issue.code === 'invalid_type' && issue.expected === 'string' ? textReadAsField(value) : undefined;
  if (colon) return [{ ...at(issue.path), ...colonInProse(colon, Array.isArray(valueAt(file.data, issue.path.slice(0, -1))) ? '-' : `${lastKey(issue.path)}:`) }];

  if (issue.code === 'invalid_key') {
    return [
      {
        ...at(issue.path, 'key'),
        message: `"${String(issue.path.at(-1))}" is not allowed here: ${issue.issues[0]?.message ?? 'check the name'}`,
        ...(description ? { hint: `${lastKey(issue.path.slice(0, -1))} should be: ${lowerFirst(description)}` } : {}),
      },
    ];
  }
  return [withHint(`${plainMessage(issue)}${found}`)];
}

/**
 * The line of text YAML read as a field because of a colon and a space in it: a block with
 * one field, whose name has a space in it (no field of ours has) and whose value is plain.
 */
function textReadAsField(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, rest] = entries[0]!;
  if (!/\s/.test(key) || (rest !== null && typeof rest === 'object')) return undefined;
  return `${key}: ${rest === null ? '' : String(rest)}`.trimEnd();
}

