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

type Issue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of fields';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  return String(value);
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a block of fields',
  record: 'a block of fields',
};

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

/** What to do about an unknown field, when no known field is spelt like it. */
export function unknownFieldHint(allowed: readonly string[]): string {
  return `remove it, or use one of: ${allowed.join(', ')}`;
}

/** What to do about a missing field: add it, with what belongs there. */
export function missingFieldHint(key: string, description: string | undefined): string {
  return `add ${key}:${description ? ` ${lowerFirst(description)}` : ''}`;
}

/**
 * What is wrong with a value, in plain English: the model's own message where it gives one,
 * else the words for zod's default. The editor's schemas (model/json-schema.ts) take their
 * errorMessage from here too, so the editor and the CLI say the same thing.
 */
export function plainMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod's default text starts "Invalid input"; our schemas give their own words.
      return issue.message.startsWith('Invalid input') ? `expected ${EXPECTED_WORDS[issue.expected] ?? issue.expected}` : issue.message;
    case 'invalid_value':
      return issue.message.startsWith('Invalid') ? `expected one of: ${issue.values.map(String).join(', ')}` : issue.message;
    case 'invalid_format':
    case 'too_small':
    case 'too_big':
    case 'invalid_union':
      return issue.message.startsWith('Invalid') || issue.message.startsWith('Too') ? plainDefault(issue) : issue.message;
    default:
      return issue.message;
  }
}

export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function plainDefault(issue: Issue): string {
  if (issue.code === 'too_small') {
    if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
    if (issue.origin === 'string') return 'is empty';
    return `must be at least ${String(issue.minimum)}`;
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'array') return `has more than ${String(issue.maximum)} items`;
    return `must be at most ${String(issue.maximum)}`;
  }
  if (issue.code === 'invalid_format') return 'is not written in the expected form';
  return 'is not one of the allowed forms';
}
