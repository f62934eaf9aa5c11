/**
 * The words for what is wrong with a value, in plain English: the model's own message where it
 * gives one, else words for zod's default. Kept with the model because two stages say them:
 * validate's problems (validate/schema-check.ts) and the editor's schemas (json-schema.ts), so
 * the editor and the command line say the same thing.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a block of fields',
  record: 'a block of fields',
};

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
