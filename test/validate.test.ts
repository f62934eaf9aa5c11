import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, validate } from '../src/index.js';
import { DEMO, EXAMPLES, copyOf, edit, runCli } from './helpers.js';


/** The 1-based line of the first line containing `text` in a file. */
function lineOf(dataDir: string, file: string, text: string): number {
  const index = readFileSync(join(dataDir, file), 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${text} not in ${file}`);
  return index + 1;
}

describe('report validate on the bundled data', () => {
  it.each([
    ['the demo', DEMO],
    ['Sandwell 2022-23', EXAMPLES.sandwell.dir],
    ['Worcestershire 2021-22', EXAMPLES.worcestershire.dir],
  ])('%s is valid and exits 0', (_name, dir) => {
    const run = runCli(['validate', '--data', dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/is valid/);
    expect(run.status).toBe(0);
  });
});

describe('problems are reported all at once, with file:line:column', () => {
  it('names three mistakes in two files and exits 1', () => {
    const data = copyOf(DEMO);
    edit(data, '2022-23/report.yaml', /end: 2023-03-31/, 'end: 31/03/2023');
    edit(data, '2022-23/report.yaml', /^status: final/m, 'status: final\nstatuss: final');
    edit(data, 'partnership.yaml', /type: police/, 'type: polise');
    const endLine = lineOf(data, '2022-23/report.yaml', 'end: 31/03/2023');
    const typoLine = lineOf(data, '2022-23/report.yaml', 'statuss:');
    const policeLine = lineOf(data, 'partnership.yaml', 'type: polise');

    const run = runCli(['validate', '--data', data]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`report.yaml:${endLine}:8  period.end: expected a date like 2023-03-31`);
    expect(run.stderr).toContain(`report.yaml:${typoLine}:1  statuss: unknown field "statuss"`);
    expect(run.stderr).toContain('did you mean "status"?');
    expect(run.stderr).toMatch(new RegExp(`partnership\\.yaml:${policeLine}:\\d+  safeguarding_partners\\[\\d\\]\\.type: expected one of: local-authority, integrated-care-board, clinical-commissioning-group, police, other, found "polise"`));
    expect(run.stderr).toContain('3 problems found');
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it('points at the line and column of a YAML syntax error and says how to fix it', async () => {
    const data = copyOf(DEMO);
    writeFileSync(join(data, '2022-23/glossary.yaml'), 'terms:\n  - term: MASH\n    meaning: "Multi-agency safeguarding hub\n');
    writeFileSync(join(data, '2022-23/lado.yaml'), 'summary: fine\n\treferrals: 3\n');
    const { problems } = validate(await load({ data }));
    const glossary = problems.find((p) => p.file.endsWith('glossary.yaml'));
    const lado = problems.find((p) => p.file.endsWith('lado.yaml'));
    expect(glossary).toMatchObject({ line: 3, message: expect.stringMatching(/not valid YAML/) });
    expect(glossary?.hint).toMatch(/quote/);
    expect(lado).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/not valid YAML/) });
    expect(lado?.hint).toMatch(/tabs/);
  });

  it('reports a missing field at its parent, with what the field is for', async () => {
    const data = copyOf(DEMO);
    // The period is one of the few things every report must give: the tool cannot place it without it.
    edit(data, '2022-23/report.yaml', /^ {2}end: .*\n/m, '');
    const { problems } = validate(await load({ data }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: ['period', 'end'], message: 'is missing' });
    expect(problems[0]!.line).toBe(lineOf(data, '2022-23/report.yaml', 'period:') + 1);
    expect(problems[0]!.hint).toMatch(/^add end: last day of the reporting period/i);
  });

  it('reports wrong types, impossible dates and percentages over 100 in the same run', async () => {
    const data = copyOf(DEMO);
    edit(data, '2022-23/report.yaml', /start: 2022-04-01/, 'start: 2022-02-30');
    edit(data, '2022-23/training.yaml', /knowledge_after: [\d.]+/, 'knowledge_after: 112');
    edit(data, '2022-23/funding.yaml', /total: \d+/, 'total: lots');
    const { problems } = validate(await load({ data }));
    const messages = problems.map((p) => `${p.file.split('/').pop()} ${p.path?.join('.')}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'report.yaml period.start: is not a real date: check the day and month, found "2022-02-30"',
        'training.yaml evaluation.knowledge_after: a percentage cannot be over 100, found 112',
        'funding.yaml total: expected an amount in pounds, like 125000 (no £ sign or commas), found "lots"',
      ]),
    );
  });

  it('refuses a file it does not know, suggesting the one that was meant', async () => {
    const data = copyOf(DEMO);
    writeFileSync(join(data, '2022-23/voise.yaml'), 'summary: hello\n');
    const { problems } = validate(await load({ data }));
    expect(problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/voise\.yaml$/), hint: 'did you mean voice.yaml? Rename it.' }),
    ]);
  });

  it('says which required file is missing', async () => {
    const data = copyOf(DEMO);
    rmSync(join(data, '2022-23/priorities.yaml'));
    const { problems } = validate(await load({ data }));
    expect(problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/priorities\.yaml$/), message: 'is missing: every year needs it' }),
    ]);
  });

  it('checks that a priority\'s impact evidence names an indicator that exists', async () => {
    const data = copyOf(DEMO);
    const text = readFileSync(join(data, '2022-23/priorities.yaml'), 'utf8');
    const id = /indicator: ([a-z0-9-]+)/.exec(text)![1]!;
    edit(data, '2022-23/priorities.yaml', `indicator: ${id}`, `indicator: ${id}x`);
    const { problems } = validate(await load({ data }));
    expect(problems).toEqual([
      expect.objectContaining({ message: `there is no indicator "${id}x" in indicators.yaml`, hint: `did you mean "${id}"?` }),
    ]);
  });

  it('refuses a logo outside the data folder', async () => {
    const data = copyOf(DEMO);
    edit(data, 'partnership.yaml', /logo: .*/, 'logo: ../../etc/passwd.png');
    const { problems } = validate(await load({ data }));
    expect(problems).toEqual([expect.objectContaining({ path: ['logo'], message: expect.stringMatching(/outside the data folder/) })]);
  });
});

describe('wrong usage exits 2 with a plain message', () => {
  it('for a year that has no folder', () => {
    const run = runCli(['validate', '--data', DEMO, '--year', '2030-31']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/There is no folder for 2030-31 .*Years found: 2022-23\./);
  });

  it('for a data folder that does not exist', () => {
    const run = runCli(['validate', '--data', 'no-such-folder']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/There is no data folder at no-such-folder/);
  });

  it('for an unknown option, and --help documents the exit codes', () => {
    expect(runCli(['validate', '--yeer', '2022-23']).status).toBe(2);
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*1 {2}the data has problems[\s\S]*3 {2}the PDF could not be printed/);
  });

  it('for a format it cannot write', () => {
    const run = runCli(['build', '--data', DEMO, '--format', 'docx', '--out', 'unused']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--format docx is not understood/);
  });
});
