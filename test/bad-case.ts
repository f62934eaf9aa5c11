/**
 * A case of test/fixtures/bad/: the minimal valid partnership (test/fixtures/minimal/) with the
 * case's own files laid over it, and what its expected.yaml says the user must see. Used by
 * bad-inputs.test.ts (each case alone) and validate-all.test.ts (every case in one folder).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { ROOT } from './helpers.js';

export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface Expected {
  args?: string[];
  exit: number;
  lines: string[];
  remove?: string[];
  generate?: { file: string; bytes: number };
  symlink?: { path: string; target: string };
  /** More links, made in order (a link to a link, a loop). */
  symlinks?: Array<{ path: string; target: string }>;
  /** A named pipe at this path. */
  fifo?: string;
  append?: { file: string; text: string };
}

/** What an expected.yaml may say; any other key would be ignored, and the case test less than it seems. */
export const KEYS = ['args', 'exit', 'lines', 'remove', 'generate', 'symlink', 'symlinks', 'fifo', 'append'];

export function expectedOf(caseDir: string): Expected {
  return parse(readFileSync(join(caseDir, 'expected.yaml'), 'utf8')) as Expected;
}

/** Lays the case in `caseDir` out as a partnership folder at `data`. */
export function layOut(caseDir: string, data: string, expected: Expected): void {
  cpSync(join(FIXTURES, 'minimal'), data, { recursive: true });
  cpSync(caseDir, data, { recursive: true, filter: (source) => !source.endsWith('expected.yaml') });
  for (const file of expected.remove ?? []) rmSync(join(data, file));
  if (expected.generate) writeFileSync(join(data, expected.generate.file), 'a'.repeat(expected.generate.bytes));
  for (const link of [...(expected.symlink ? [expected.symlink] : []), ...(expected.symlinks ?? [])]) {
    rmSync(join(data, link.path), { force: true });
    symlinkSync(link.target, join(data, link.path));
  }
  if (expected.fifo) {
    rmSync(join(data, expected.fifo), { force: true });
    expect(spawnSync('mkfifo', [join(data, expected.fifo)]).status).toBe(0);
  }
  if (expected.append) appendFileSync(join(data, expected.append.file), expected.append.text);
}
