/**
 * Every bad input gets a clear message, at the right place, with a documented exit code,
 * and never a stack trace. Each case in test/fixtures/bad/ is the minimal valid partnership
 * (test/fixtures/minimal/) with its own files laid over it; its expected.yaml gives the
 * command, the exit code and the exact lines the user must see.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { documentedExitCodes, ROOT, runCli, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');

interface Expected {
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

const cases = readdirSync(join(FIXTURES, 'bad')).sort();

/** What an expected.yaml may say; any other key would be ignored, and the case test less than it seems. */
const KEYS = ['args', 'exit', 'lines', 'remove', 'generate', 'symlink', 'symlinks', 'fifo', 'append'];

describe('bad inputs', () => {
  it('every case expects a documented exit code and at least one line, and says nothing the runner ignores', () => {
    const documented = documentedExitCodes();
    expect(documented).toEqual(expect.arrayContaining([0, 1, 2]));
    for (const name of cases) {
      const expected = parse(readFileSync(join(FIXTURES, 'bad', name, 'expected.yaml'), 'utf8')) as Expected;
      expect(Object.keys(expected).filter((key) => !KEYS.includes(key)), name).toEqual([]);
      expect(documented, `${name}: exit ${expected.exit}`).toContain(expected.exit);
      expect(expected.lines?.length, `${name}: no lines to see`).toBeGreaterThan(0);
      for (const line of expected.lines) expect(String(line).trim(), `${name}: an empty line`).not.toBe('');
    }
  });

  it.each(cases)('%s', (name) => {
    const caseDir = join(FIXTURES, 'bad', name);
    const expected = parse(readFileSync(join(caseDir, 'expected.yaml'), 'utf8')) as Expected;
    const work = tempDir('report-bad-');
    const data = join(work, 'data');
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

    const run = runCli(expected.args ?? ['validate', '--data', 'data'], work);
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(expected.exit);
    const lines = output.split('\n');
    for (const line of expected.lines) expect(lines, `${line}\n--- in ---\n${output}`).toContain(line);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});
