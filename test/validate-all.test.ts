/**
 * report validate --all as a national reviewer, or a council hosting several partnerships,
 * runs it: a folder of partnerships (copies of the bundled ones), one whose data cannot be
 * read, one not ready to publish, and a folder that is not a partnership, checked in one run
 * with each of the four formats through the real CLI.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedOf, layOut } from './bad-case.js';
import { CLI, DEMO, EXAMPLES, ROOT, edit, runCli, tempDir } from './helpers.js';
import { expectJunitSchema, parseXml } from './junit-schema.js';

const READY = ['kingsmere 2022-23', 'sandwell 2022-23', 'worcestershire 2021-22'];
const NOT_READY = ['broken 2022-23', 'draft-kingsmere 2022-23'];
const LABELS = [...NOT_READY, ...READY].sort();

/** The partnerships, by folder name: "broken" comes first, so the others are checked after it. */
let partnerships: string;

beforeAll(() => {
  partnerships = tempDir('report-partnerships-');
  const copy = (from: string, name: string) => cpSync(from, join(partnerships, name), { recursive: true });
  copy(EXAMPLES.sandwell.dir, 'sandwell');
  copy(EXAMPLES.worcestershire.dir, 'worcestershire');
  copy(DEMO, 'kingsmere');
  // Ready in every way but its status.
  copy(DEMO, 'draft-kingsmere');
  edit(join(partnerships, 'draft-kingsmere'), '2022-23/report.yaml', /^status: final$/m, 'status: draft');
  // Cannot be read: partnership.yaml is not YAML, and the year has no report.yaml.
  copy(DEMO, 'broken');
  writeFileSync(join(partnerships, 'broken', 'partnership.yaml'), 'name: "Broken\n');
  rmSync(join(partnerships, 'broken', '2022-23', 'report.yaml'));
  // Not a partnership: no partnership.yaml.
  mkdirSync(join(partnerships, 'notes'));
  writeFileSync(join(partnerships, 'notes', 'minutes.md'), 'Minutes\n');
});

/** The reports' names, from the lines over their text. */
function headings(text: string): string[] {
  return [...text.matchAll(/^=== (.*) ===$/gm)].map((match) => match[1]!);
}

/** The text under a report's heading, up to the next heading or the summary. */
function section(text: string, label: string): string {
  const start = text.indexOf(`=== ${label} ===\n`);
  expect(start, label).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + `=== ${label} ===\n`.length);
  const end = rest.search(/^(?:=== .* ===|Checked \d+ reports?: .*)$/m);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('report validate --all, text', () => {
  it('checks every partnership, past one that cannot be read, each under its name, then sums up; exit 1', () => {
    const run = runCli(['validate', '--all', '--data', partnerships]);
    expect(run.status).toBe(1);
    // As for one report: those ready on standard output, the others on standard error.
    expect(headings(run.stdout)).toEqual(READY);
    expect(headings(run.stderr)).toEqual(NOT_READY);
    const broken = section(run.stderr, 'broken 2022-23');
    expect(broken).toMatch(/^Not ready to publish: 2 problems in the data\.$/m);
    expect(broken).toMatch(/broken\/partnership\.yaml:1:7 {2}this is not valid YAML/);
    expect(broken).toMatch(/broken\/2022-23\/report\.yaml {2}is missing/);
    expect(run.stderr.slice(run.stderr.search(/^Checked \d+ reports/m))).toBe(
      [
        'Checked 5 reports: 3 ready to publish, 2 not.',
        'Not ready to publish:',
        '  broken 2022-23: 2 problems in the data',
        '  draft-kingsmere 2022-23: its status is draft (set status: final in report.yaml when it is)',
        'Folders without a partnership.yaml, not checked: notes.',
        '',
      ].join('\n'),
    );
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  }, 60_000);

  it("each report's text is what report validate prints for it alone", () => {
    const run = runCli(['validate', '--all', '--data', partnerships]);
    for (const [name, label, stream] of [['sandwell', 'sandwell 2022-23', 'stdout'], ['draft-kingsmere', 'draft-kingsmere 2022-23', 'stderr'], ['broken', 'broken 2022-23', 'stderr']] as const) {
      const alone = runCli(['validate', '--data', join(partnerships, name)]);
      expect(section(run[stream], label)).toBe(`${alone[stream]}\n`);
    }
  }, 60_000);

  it('is 0 when every report passes; with --draft only problems in the data fail', () => {
    const ready = runCli(['validate', '--all', '--data', partnerships, '--year', '2021-22']);
    expect(ready.status).toBe(0);
    expect(ready.stderr).toBe('');
    const draft = runCli(['validate', '--all', '--data', partnerships, '--draft']);
    expect(draft.status).toBe(1);
    // The draft passes (on standard output) though not ready; the broken one fails.
    expect(headings(draft.stdout)).toEqual(['draft-kingsmere 2022-23', ...READY]);
    expect(headings(draft.stderr)).toEqual(['broken 2022-23']);
    expect(draft.stderr).toMatch(/^Checked 5 reports: 3 ready to publish, 2 not\.\n1 report failed the check\.\n/m);
    const mended = join(tempDir(), 'partnerships');
    cpSync(partnerships, mended, { recursive: true });
    rmSync(join(mended, 'broken'), { recursive: true });
    expect(runCli(['validate', '--all', '--data', mended, '--draft']).status).toBe(0);
  }, 60_000);
});

describe('report validate --all in colour', () => {
  it('as for one report: each heading bold, then its first line green or red; none unless a terminal or FORCE_COLOR', () => {
    const ready = runCli(['validate', '--all', '--data', partnerships, '--year', '2021-22'], undefined, { FORCE_COLOR: '1' });
    expect(ready.stdout).toMatch(/^\u001b\[1m=== worcestershire 2021-22 ===\u001b\[22m\n\u001b\[32mReady to publish: /);
    const failing = runCli(['validate', '--all', '--data', partnerships], undefined, { FORCE_COLOR: '1' });
    expect(failing.stderr).toMatch(/^\u001b\[1m=== broken 2022-23 ===\u001b\[22m\n\u001b\[31mNot ready to publish: 2 problems/);
    const plain = runCli(['validate', '--all', '--data', partnerships], undefined, { FORCE_COLOR: '0' });
    expect(`${plain.stdout}${plain.stderr}`).not.toContain('\u001b');
  }, 60_000);
});

describe('report validate --all --year', () => {
  it('checks only that year of each, and names the partnerships without it', () => {
    const run = runCli(['validate', '--all', '--data', partnerships, '--year', '2021-22']);
    expect(run.status).toBe(0);
    expect(headings(run.stdout)).toEqual(['worcestershire 2021-22']);
    expect(run.stdout).toContain('No 2021-22 folder, so not checked: broken, draft-kingsmere, kingsmere, sandwell.\n');
    const json = JSON.parse(runCli(['validate', '--all', '--data', partnerships, '--year', '2022-23', '--format', 'json']).stdout);
    expect(json.reports.map((report: { label: string }) => report.label)).toEqual(LABELS.filter((label) => label.endsWith('2022-23')));
    expect(json.summary).toMatchObject({ year: '2022-23', withoutYear: ['worcestershire'] });
  }, 60_000);

  it('is a usage error (exit 2) when no partnership has the year, or it is not a year', () => {
    const none = runCli(['validate', '--all', '--data', partnerships, '--year', '2030-31']);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(`None of the 5 partnerships in ${partnerships} has a 2030-31 folder.\n`);
    const one = runCli(['validate', '--all', '--data', join(partnerships, 'sandwell'), '--year', '2030-31']);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/There is no folder for 2030-31 in .*sandwell\. Years found: 2022-23\./);
    expect(runCli(['validate', '--all', '--data', partnerships, '--year', '2030']).status).toBe(2);
    expect(runCli(['validate', '--all', '--data', tempDir()]).status).toBe(2);
  }, 60_000);
});

describe('report validate --all, formats for tools', () => {
  it('json: one document, each report as the single json has it with its label and folder, and a summary', () => {
    const run = runCli(['validate', '--all', '--data', partnerships, '--format', 'json']);
    expect(run.status).toBe(1);
    const { reports, summary } = JSON.parse(run.stdout);
    expect(reports.map((report: { label: string }) => report.label)).toEqual(LABELS);
    const sandwell = reports.find((report: { label: string }) => report.label === 'sandwell 2022-23');
    const { label, data, ...rest } = sandwell;
    expect(Object.keys(sandwell).slice(0, 3)).toEqual(['label', 'data', 'year']);
    expect(data).toBe(join(partnerships, 'sandwell'));
    expect(rest).toEqual(JSON.parse(runCli(['validate', '--data', data, '--format', 'json']).stdout));
    expect(reports.find((report: { label: string }) => report.label === 'broken 2022-23')).toMatchObject({ failed: true, ready: false, problems: [{ message: expect.stringMatching(/is missing/) }, { line: 1, column: 7 }] });
    expect(summary).toEqual({
      reports: 5,
      ready: 3,
      failed: 2,
      notReady: [
        { label: 'broken 2022-23', reasons: ['2 problems in the data'] },
        { label: 'draft-kingsmere 2022-23', reasons: ['its status is draft (set status: final in report.yaml when it is)'] },
      ],
      notPartnerships: ['notes'],
    });
  }, 60_000);

  it("github: every report's annotations, each at its own partnership's file, and one step summary with a section per report", () => {
    const summaryFile = join(tempDir(), 'summary.md');
    const run = runCli(['validate', '--all', '--data', partnerships, '--format', 'github'], undefined, { GITHUB_STEP_SUMMARY: summaryFile });
    expect(run.status).toBe(1);
    expect([...run.stdout.matchAll(/^::group::(.*)$/gm)].map((match) => match[1])).toEqual(LABELS);
    expect(run.stdout.match(/^::endgroup::$/gm)).toHaveLength(LABELS.length);
    for (const line of run.stdout.split('\n').filter((each) => /^::(error|warning|notice)/.test(each))) {
      expect(line).toMatch(/^::(error|warning|notice)( [a-z]+=[^,:]+(,[a-z]+=[^,:]+)*)?::\S/);
      // Each annotation in its own report's group, on its own partnership's files.
      const title = /title=([^,:]+?)%3A /.exec(line)?.[1];
      expect(LABELS).toContain(title);
      const file = /file=([^,:]+)/.exec(line)?.[1];
      if (file) expect(file.startsWith(join(partnerships, title!.split(' ')[0]!))).toBe(true);
    }
    expect(run.stdout).toMatch(/^::error file=\S*\/broken\/partnership\.yaml,line=1,col=7,title=broken 2022-23%3A Data problem::this is not valid YAML/m);
    expect(run.stdout).toMatch(/^::warning file=\S*\/worcestershire\/partnership\.yaml,line=\d+,col=\d+,title=worcestershire 2021-22%3A SHOULD not met%3A independent-scrutiny::/m);
    expect(run.stdout).toContain('Checked 5 reports: 3 ready to publish, 2 not.');
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toMatch(/^# Annual reports: 5 checked, 3 ready to publish\n/);
    expect([...summary.matchAll(/^## (.*): (?:ready|not ready) to publish$/gm)].map((match) => match[1]!.replace(/\\/g, ''))).toEqual(LABELS);
    expect(summary).toMatch(/^- \*\*draft\\-kingsmere 2022\\-23\*\*: its status is draft/m);
  }, 60_000);

  it('junit: one document with a uniquely named suite per report, valid against the common schema', () => {
    const run = runCli(['validate', '--all', '--data', partnerships, '--format', 'junit']);
    expect(run.status).toBe(1);
    const names = expectJunitSchema(run.stdout);
    expect(new Set(names).size).toBe(names.length);
    const suites = parseXml(run.stdout).children;
    expect(suites.map((suite) => suite.attributes['name'])).toEqual(LABELS);
    for (const suite of suites) {
      const cases = suite.children.filter((child) => child.name === 'testcase');
      for (const testcase of cases) expect(testcase.attributes['classname']!.startsWith(`${suite.attributes['name']}.`)).toBe(true);
      // Its first case: whether it is ready to publish.
      expect(cases[0]!.attributes['name']).toBe('ready to publish');
      const ready = READY.includes(suite.attributes['name']!);
      expect(cases[0]!.children.map((child) => child.name)).toEqual(ready ? [] : ['failure']);
    }
    expect(run.stdout).toMatch(/<testcase classname="draft-kingsmere 2022-23\.report" name="ready to publish"><failure message="not ready to publish" type="not ready">its status is draft/);
    // The same names from run to run, and with --year the partnerships without it are skipped cases.
    expect(expectJunitSchema(runCli(['validate', '--all', '--data', partnerships, '--format', 'junit']).stdout)).toEqual(names);
    const year = runCli(['validate', '--all', '--data', partnerships, '--format', 'junit', '--year', '2021-22']).stdout;
    expectJunitSchema(year);
    expect(year).toMatch(/<testsuite name="without 2021-22" tests="4" failures="0" errors="0" skipped="4">/);
  }, 60_000);
});

describe('report validate --all on a large batch', () => {
  it('gives every copy of a partnership the same outcome, whichever thread checked it', () => {
    // Enough reports for a worker thread beside the main one (on a machine of two cores or more).
    const batch = tempDir('report-batch-');
    for (let n = 1; n <= 12; n += 1) cpSync(EXAMPLES.worcestershire.dir, join(batch, `copy-${String(n).padStart(2, '0')}`), { recursive: true });
    const run = runCli(['validate', '--all', '--data', batch, '--format', 'json']);
    expect(run.status).toBe(0);
    const { reports } = JSON.parse(run.stdout);
    expect(reports.map((report: { label: string }) => report.label)).toEqual(Array.from({ length: 12 }, (_, n) => `copy-${String(n + 1).padStart(2, '0')} 2021-22`));
    const alike = (report: { label: string; data: string }) => JSON.parse(JSON.stringify(report).replaceAll(report.data, 'DATA').replaceAll(report.label.split(' ')[0]!, 'NAME'));
    for (const report of reports) expect(alike(report)).toEqual(alike(reports[0]));
  }, 60_000);
});

describe('report validate --all on every bad input at once', () => {
  it('reports each bad partnership as validate does alone, and checks them all: no stack trace, exit 1', () => {
    // The cases of test/bad-inputs.test.ts that validate, as it is, checks alone: each is the
    // minimal partnership with its own files laid over it, as that test lays them.
    const fixtures = join(ROOT, 'test', 'fixtures');
    const work = tempDir('report-bad-batch-');
    const folder = join(work, 'partnerships');
    const expected = new Map<string, string[]>();
    for (const name of readdirSync(join(fixtures, 'bad')).sort()) {
      const caseDir = join(fixtures, 'bad', name);
      const want = expectedOf(caseDir);
      if (want.args || want.exit !== 1) continue;
      layOut(caseDir, join(folder, name), want);
      expected.set(name, want.lines.map((line) => String(line).replaceAll('data/', `partnerships/${name}/`)));
    }
    cpSync(join(fixtures, 'minimal'), join(folder, 'zz-sound'), { recursive: true });
    expect(expected.size).toBeGreaterThan(20);

    // --draft: the minimal partnership is a draft, so only problems in the data fail.
    const run = runCli(['validate', '--all', '--data', 'partnerships', '--draft'], work);
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(headings(output).map((label) => label.split(' ')[0]).sort()).toEqual([...expected.keys(), 'zz-sound'].sort());
    // Not the bad ones: they do not stop it.
    expect(headings(run.stdout)).toEqual(['zz-sound 2022-23']);
    expect(section(run.stdout, 'zz-sound 2022-23')).toContain('The 2022-23 data in partnerships/zz-sound is valid.');
    for (const [name, lines] of expected) {
      const label = headings(output).find((each) => each.startsWith(`${name} `))!;
      const text = section(run.stderr.includes(`=== ${label} ===\n`) ? run.stderr : run.stdout, label).split('\n');
      for (const line of lines) expect(text, `${name}: ${line}`).toContain(line);
    }
  }, 120_000);
});

describe('report validate --all with a folder it may not read', () => {
  // As root every folder can be read: the command is run as nobody instead, where runuser can.
  const root = process.getuid?.() === 0;
  const asUser = root ? ['runuser', '-u', 'nobody', '--', process.execPath] : [process.execPath];
  const canRun = !root || spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '--version']).status === 0;

  it.skipIf(!canRun)('reports a year folder no one may list as that report\'s problem, and checks the others', () => {
    const folder = tempDir('report-locked-');
    cpSync(DEMO, join(folder, 'locked'), { recursive: true });
    cpSync(DEMO, join(folder, 'open'), { recursive: true });
    chmodSync(folder, 0o755);
    chmodSync(join(folder, 'locked', '2022-23'), 0o000);
    try {
      const [command, ...args] = asUser;
      const run = spawnSync(command!, [...args, CLI, 'validate', '--all', '--data', folder], { cwd: folder, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(1);
      expect(section(run.stderr, 'locked 2022-23')).toMatch(/^locked\/2022-23 {2}cannot be read: permission denied\n {4}how to fix: check that you may read it/m);
      expect(headings(run.stdout)).toEqual(['open 2022-23']);
    } finally {
      chmodSync(join(folder, 'locked', '2022-23'), 0o755);
    }
  }, 60_000);
});
