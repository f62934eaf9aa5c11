/**
 * Every bad input gets a clear message, at the right place, with a documented exit code,
 * and never a stack trace. Each case in test/fixtures/bad/ is the minimal valid partnership
 * (test/fixtures/minimal/) with its own files laid over it; its expected.yaml gives the
 * command, the exit code and the exact lines the user must see.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedOf, FIXTURES, KEYS, layOut } from './bad-case.js';
import { documentedExitCodes, runCli, tempDir } from './helpers.js';

const cases = readdirSync(join(FIXTURES, 'bad')).sort();

describe('bad inputs', () => {
  it('every case expects a documented exit code and at least one line, and says nothing the runner ignores', () => {
    const documented = documentedExitCodes();
    expect(documented).toEqual(expect.arrayContaining([0, 1, 2]));
    for (const name of cases) {
      const expected = expectedOf(join(FIXTURES, 'bad', name));
      expect(Object.keys(expected).filter((key) => !KEYS.includes(key)), name).toEqual([]);
      expect(documented, `${name}: exit ${expected.exit}`).toContain(expected.exit);
      expect(expected.lines?.length, `${name}: no lines to see`).toBeGreaterThan(0);
      for (const line of expected.lines) expect(String(line).trim(), `${name}: an empty line`).not.toBe('');
    }
  });

  it.each(cases)('%s', (name) => {
    const caseDir = join(FIXTURES, 'bad', name);
    const expected = expectedOf(caseDir);
    const work = tempDir('report-bad-');
    layOut(caseDir, join(work, 'data'), expected);

    const run = runCli(expected.args ?? ['validate', '--data', 'data'], work);
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(expected.exit);
    const lines = output.split('\n');
    for (const line of expected.lines) expect(lines, `${line}\n--- in ---\n${output}`).toContain(line);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});
