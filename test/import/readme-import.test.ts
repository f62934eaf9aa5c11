/**
 * README's import example is real: its two documents are the ones word-documents.ts builds, and
 * its commands, run in a folder of their own, print exactly what README shows.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWordDocument } from '../../src/scaffold/import/read-word.js';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { POLICE_TRAINING, SANDWELL_REPORT, writeWordDocument } from './word-documents.js';

/** README's import session: each command, with the output shown under it. */
function readmeSession(): Array<{ args: string[]; output: string }> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```\n( {2}\$ npx report import [\s\S]*?)\n {2}```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no report import session');
  const lines = block.split('\n').map((line) => line.replace(/^ {2}/, ''));
  const session: Array<{ args: string[]; output: string[] }> = [];
  for (const line of lines) {
    const command = /^\$ npx report (.*)$/.exec(line);
    if (command) session.push({ args: command[1]!.split(' '), output: [] });
    else session.at(-1)!.output.push(line);
  }
  return session.map(({ args, output }) => ({ args, output: `${output.join('\n').replace(/\n+$/, '')}\n` }));
}

describe('README\'s report import example', () => {
  it('uses the documents the tests build', async () => {
    const dir = tempDir();
    for (const [name, parts] of [['annual-report-2022-23.docx', SANDWELL_REPORT], ['police-contribution.docx', POLICE_TRAINING]] as const) {
      const built = await writeWordDocument(join(dir, name), parts);
      expect((await readWordDocument(join(ROOT, 'examples', 'import', name))).blocks, name).toEqual((await readWordDocument(built)).blocks);
    }
  });

  it('prints what README shows', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'examples'));
    cpSync(join(ROOT, 'examples', 'import'), join(dir, 'examples', 'import'), { recursive: true });
    const session = readmeSession();
    expect(session).toHaveLength(2);
    for (const { args, output } of session) {
      const run = runCli(args, dir);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(output);
    }
  });
});
