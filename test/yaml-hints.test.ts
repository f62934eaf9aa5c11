/**
 * Issue 16: the YAML mistakes people who are not developers make most (a colon or a # inside
 * text, a tab for indentation) each get one plain message at file:line:column with the fix
 * shown, not the parser's indentation advice or a message per line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, validate } from '../src/index.js';
import { DEMO, copyOf, runCli } from './helpers.js';

/** Validates a copy of the demo with `text` as its 2022-23/lado.yaml. */
async function withLado(text: string) {
  const data = copyOf(DEMO);
  writeFileSync(join(data, '2022-23', 'lado.yaml'), text);
  const { problems, warnings } = validate(await load({ data }));
  const inLado = (list: typeof problems) => list.filter((problem) => problem.file.endsWith('lado.yaml'));
  return { data, problems: inLado(problems), warnings: inLado(warnings) };
}

describe('a colon followed by a space inside text', () => {
  it('is one problem at the text, saying to put it in quotes, with the fix', async () => {
    const { problems } = await withLado('summary: The LADO met: twice a year, with every agency\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 10 });
    expect(problems[0]!.message).toMatch(/colon and a space .*"The LADO met:"/);
    expect(problems[0]!.hint).toBe('put this text in quotes: summary: "The LADO met: twice a year, with every agency"');
  });

  it('in a nested field, keeps its indentation in the fix and uses single quotes around double ones', async () => {
    const { problems } = await withLado('summary: Fine\nreferrals:\n  note: Staff said "thank you": it helped\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 9 });
    expect(problems[0]!.hint).toBe('put this text in quotes: note: \'Staff said "thank you": it helped\'');
  });
});

describe('a # inside text', () => {
  it('is a warning that the text stops there, with the fix', async () => {
    const { problems, warnings } = await withLado('summary: Timeliness was rated #1 in the region\n');
    expect(problems).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 1, column: 10 });
    expect(warnings[0]!.message).toMatch(/stops at "#"/);
    expect(warnings[0]!.hint).toBe('put this text in quotes: summary: "Timeliness was rated #1 in the region"');
  });

  it('after several words, followed by several words, is a warning too', async () => {
    const { warnings } = await withLado('summary: We heard from children # and from their families\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.hint).toBe('put this text in quotes: summary: "We heard from children # and from their families"');
  });

  it('leaves a comment put there on purpose alone', async () => {
    const { problems, warnings } = await withLado('# The LADO\'s year\nsummary: Allegations were managed well  # to check with Jo\n');
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('a tab used for indentation', () => {
  it('is one problem for the file, saying to use spaces, with the fix', async () => {
    const { problems } = await withLado('summary: fine\nreferrals:\n\tcount: 3\n\tnote: x\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 1 });
    expect(problems[0]!.message).toMatch(/indented with a tab/);
    expect(problems[0]!.hint).toMatch(/^use spaces, not tabs: write it as " {2}count: 3", and the same on line 4/);
  });
});

describe('report validate', () => {
  it('prints each at file:line:column', async () => {
    const { data } = await withLado('summary: The LADO met: twice a year\n');
    const run = runCli(['validate', '--data', data]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/lado\.yaml:1:10 .*colon and a space/);
    expect(run.stderr).toContain('put this text in quotes: summary: "The LADO met: twice a year"');
    expect(run.stderr).toContain('1 problem found');
  });
});

describe('a colon and a space in a point of a list', () => {
  it('is one problem at the point, saying to put it in quotes, not "expected text, found a block of fields"', async () => {
    const data = copyOf(DEMO);
    const { edit } = await import('./helpers.js');
    edit(data, '2022-23/report.yaml', /^at_a_glance:\n/m, 'at_a_glance:\n  - Meetings held: 12 in total\n');
    const { problems } = validate(await load({ data }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/colon and a space .*"Meetings held:"/);
    expect(problems[0]!.hint).toBe('put this text in quotes: - "Meetings held: 12 in total"');
  });
});
