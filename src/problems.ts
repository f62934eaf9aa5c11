/**
 * A problem found in a partnership's data, said for the person who edits the YAML:
 * what is wrong, where (file:line:column and the field), and how to fix it.
 */
import { terminalText } from './control-characters.js';

export interface Problem {
  /** Path of the file as the user would type it (relative to the working folder where possible). */
  file: string;
  line?: number;
  column?: number;
  /** The field, e.g. ["period", "end"]. */
  path?: ReadonlyArray<string | number>;
  message: string;
  /** How to fix it. */
  hint?: string;
}

export function fieldName(path: ReadonlyArray<string | number> | undefined): string {
  if (!path || path.length === 0) return '';
  return path.reduce<string>(
    (name, segment) => (typeof segment === 'number' ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment),
    '',
  );
}

export function location(problem: Problem): string {
  if (problem.line === undefined) return problem.file;
  return `${problem.file}:${problem.line}:${problem.column ?? 1}`;
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/**
 * The text printed in a terminal or CI log: one block per problem. Messages quote the user's
 * values, field names and file names, so any control character in them is shown escaped
 * (\u001b), never sent to the terminal as it is.
 */
export function formatProblems(problems: Problem[]): string {
  return sortProblems(problems)
    .map((problem) => {
      const field = fieldName(problem.path);
      const head = terminalText(`${location(problem)}  ${field ? `${field}: ` : ''}${problem.message}`);
      return problem.hint ? `${head}\n    how to fix: ${terminalText(problem.hint)}` : head;
    })
    .join('\n');
}
