/**
 * The compliance stage as a user meets it: catalogues chosen by period or --standard, the
 * terminal table, the formats tools read, and the build gate.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../src/model/compliance.js';
import type { Problem } from '../src/problems.js';
import { chooseCatalogue } from '../src/validate/compliance/catalogue.js';
import { formatGithub, formatStepSummary } from '../src/validate/output-formats.js';
import { CLI, DEMO, EXAMPLES, cliEnv, copyOf, edit, runCli, tempDir, tool } from './helpers.js';
import { expectJunitSchema } from './junit-schema.js';


/** The demo with its police partner removed: a statutory "must" fails. */
function demoWithoutPolice(): string {
  const data = copyOf(DEMO);
  const path = join(data, 'partnership.yaml');
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.replace(/ {2}- name: West Midlands Police\n(?: {4}.*\n|\n(?= {4}))*/, ''));
  return data;
}

/** Puts a comment line at the top of each YAML file in the folder's years: every line number moves down one. */
function shiftLines(data: string): void {
  for (const folder of [data, ...readdirSync(data, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(data, entry.name))]) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml'))) {
      writeFileSync(join(folder, file), `# moved down a line\n${readFileSync(join(folder, file), 'utf8')}`);
    }
  }
}

/** The CLI as a child process with this environment added: colour or not is decided by it. */
function runWith(args: string[], env: NodeJS.ProcessEnv) {
  const base = cliEnv();
  delete base['FORCE_COLOR'];
  delete base['NO_COLOR'];
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...base, ...env } });
}

/** The CLI in a pseudo-terminal (util-linux script), as someone at a terminal runs it. */
function runInTerminal(args: string[], env: NodeJS.ProcessEnv) {
  const base = cliEnv();
  delete base['FORCE_COLOR'];
  delete base['NO_COLOR'];
  const command = [process.execPath, CLI, ...args].map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ');
  return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...base, ...env } });
}

const ESCAPES = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Findings in many files, as a report that gives GitHub more than 10 of a kind would have. */
function manyProblems(files: number, each: number): Problem[] {
  return Array.from({ length: files * each }, (_, index) => ({
    file: `data/2022-23/file-${String(Math.floor(index / each)).padStart(2, '0')}.yaml`,
    line: 3 + (index % each) * 4,
    column: 5,
    path: ['field', index],
    message: `problem number ${index}`,
  }));
}

describe('which requirements a report is checked against', () => {
  it('follows the reporting period unless --standard says otherwise', async () => {
    expect((await chooseCatalogue('2022-04-01')).catalogue.id).toBe('wt2018');
    expect((await chooseCatalogue('2024-03-31')).catalogue.id).toBe('wt2018');
    expect((await chooseCatalogue('2024-04-01')).catalogue.id).toBe('wt2023');
    expect((await chooseCatalogue('2022-04-01', 'wt2023')).reason).toBe('chosen with --standard');
  });

  it('the output says which catalogue was used and why', () => {
    const run = runCli(['validate', '--data', DEMO]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Checked against Working Together to Safeguard Children 2018 (the period 2022-23 is from the partnership arrangements of 2019, before Working Together 2023: the safeguarding partners' report under Working Together 2018; choose another with --standard).");
    expect(run.stdout).toMatch(/^Ready to publish\.\n/);
    expect(run.stdout).toMatch(/^MUST {3}met {6}Set out how effective the arrangements have been in practice\.\n {17}met by data\/2022-23\/report\.yaml:\d+: “The partners judge/m);
    expect(run.stdout).toContain('14 requirements: 14 met, 0 partly met, 0 not met (0 must, 0 should), 0 not applicable to the period, 0 to do at publication.');
  });

  it('Working Together 2023 adds roles, education and scrutiny of the report', () => {
    const run = runCli(['validate', '--data', DEMO, '--standard', 'wt2023']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Checked against Working Together to Safeguard Children 2023 (chosen with --standard).');
    expect(run.stdout).toContain("Name each partner's lead safeguarding partner and delegated safeguarding partner, and the partnership chair.");
    // The roles and the scrutineer's evaluation of the report came with the 2023 guidance: not for a 2022-23 period.
    expect(run.stdout).toContain('17 requirements: 15 met, 0 partly met, 0 not met (0 must, 0 should), 2 not applicable to the period, 0 to do at publication.');
    expect(run.stdout).toMatch(/n\/a {6}Name each partner's lead safeguarding partner/);
  });

  it('a partnership can extend a catalogue with its own requirements', () => {
    const dir = tempDir();
    const local = join(dir, 'local.yaml');
    writeFileSync(local, [
      'id: kingsmere-local',
      'title: Kingsmere local commitments',
      'short_title: our local commitments',
      'extends: wt2018',
      'requirements:',
      '  - id: young-advisers',
      '    reference: Kingsmere partnership agreement 2021',
      '    level: should',
      '    requirement: The Young Advisers review the report before it is published.',
      '    checks: []',
      '  - id: care-leavers',
      '    reference: Kingsmere partnership agreement 2021',
      '    level: should',
      '    requirement: Show the impact on care leavers.',
      '    checks: [impact-continum]',
    ].join('\n'));
    const typo = runCli(['validate', '--data', DEMO, '--standard', local]);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toMatch(/local\.yaml:15:14 {2}requirements\[1\]\.checks\[0\]: there is no check "impact-continum"\n {4}how to fix: did you mean "impact-continuum"\?/);

    writeFileSync(local, readFileSync(local, 'utf8').replace('impact-continum', 'impact-continuum'));
    const run = runCli(['validate', '--data', DEMO, '--standard', local]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Checked against Kingsmere local commitments');
    expect(run.stdout).toMatch(/SHOULD {1}by hand {2}The Young Advisers review the report before it is published\./);
    expect(run.stdout).toContain('16 requirements');
  });

  it('says plainly when --standard names nothing', () => {
    const run = runCli(['validate', '--data', DEMO, '--standard', 'wt2099']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--standard wt2099 is neither wt2015 nor wt2018 nor wt2023 nor a catalogue file that exists/);
  });
});

describe('report validate exit status', () => {
  it('is 1 for a report not ready to publish whatever its status, saying why in its first line; 0 with --draft', () => {
    const data = copyOf(DEMO);
    edit(data, '2022-23/report.yaml', /^status: final$/m, 'status: draft');
    const plain = runCli(['validate', '--data', data]);
    expect(plain.status).toBe(1);
    expect(plain.stderr.split('\n')[0]).toBe('Not ready to publish: its status is draft (set status: final in report.yaml when it is).');
    const draft = runCli(['validate', '--data', data, '--draft']);
    expect(draft.status).toBe(0);
    expect(draft.stdout.split('\n')[0]).toMatch(/^Not ready to publish: /);
    // A placeholder in a draft is a reminder, not a "must" failure, and still not ready.
    edit(data, '2022-23/voice.yaml', /^summary: \|\n/m, 'summary: |\n  TO BE COMPLETED.\n');
    const withPlaceholder = runCli(['validate', '--data', data, '--format', 'json']);
    expect(withPlaceholder.status).toBe(1);
    expect(JSON.parse(withPlaceholder.stdout)).toMatchObject({ ready: false, notReadyBecause: expect.arrayContaining(['placeholder text is still in the report']) });
    expect(runCli(['validate', '--data', data, '--draft']).status).toBe(0);
  });

  it('is 1 with --draft only for problems in the data', () => {
    const data = copyOf(DEMO);
    edit(data, '2022-23/report.yaml', /^status: final$/m, 'status: finished');
    const run = runCli(['validate', '--data', data, '--draft']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/status: expected draft or final/);
  });

  it('is 1, naming the requirement, when a statutory "must" is not met', () => {
    const run = runCli(['validate', '--data', demoWithoutPolice()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^MUST {3}NOT MET {2}The arrangements are made by the three safeguarding partners/m);
    expect(run.stderr).toMatch(/partnership\.yaml:\d+ {2}No safeguarding partner is the chief officer of police: add it with type: police/);
    expect(run.stderr).toContain('The report fails a statutory "must"');
  });

  it('is 0 for "should"s not met, and 1 with --strict', () => {
    const plain = runCli(['validate', '--data', EXAMPLES.sandwell.dir]);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/SHOULD NOT MET {2}Show the funding the partners agreed/);
    // Ready means the "must"s: the first line does not let it read as fully met.
    expect(plain.stdout.split('\n')[0]).toBe('Ready to publish: every statutory "must" is met; 5 "should"s are not fully met.');
    expect(runCli(['validate', '--data', EXAMPLES.sandwell.dir, '--strict']).status).toBe(1);
  });
});

describe('formats for tools', () => {
  it('github: workflow commands that annotate the files', () => {
    const run = runCli(['validate', '--data', EXAMPLES.worcestershire.dir, '--format', 'github']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const annotations = lines.filter((line) => line.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(3);
    for (const line of annotations) expect(line).toMatch(/^::(error|warning|notice)( [a-z]+=[^,:]+(,[a-z]+=[^,:]+)*)?::\S/);
    expect(run.stdout).toMatch(/^::warning file=examples\/worcestershire\/partnership\.yaml,line=\d+,col=\d+,title=SHOULD not met%3A independent-scrutiny::Describe the independent scrutiny .* No independent scrutineer is named/m);
    expect(run.stdout).toMatch(/^::notice file=examples\/worcestershire\/2021-22\/report\.yaml,line=\d+,col=\d+,title=SHOULD to do%3A publication::/m);
  });

  it('github: data problems are errors at their line and column', () => {
    const data = copyOf(DEMO);
    edit(data, '2022-23/report.yaml', /end: 2023-03-31/, 'end: 31/03/2023');
    const run = runCli(['validate', '--data', data, '--format', 'github']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=.*report\.yaml,line=\d+,col=8,title=Data problem::period\.end: expected a date like 2023-03-31 \(year-month-day\), found "31\/03\/2023" \(how to fix: end should be: last day of the reporting period, e\.g\. 2023-03-31\)$/m);
  });

  it('json: the whole outcome, for other tools', () => {
    const run = runCli(['validate', '--data', EXAMPLES.sandwell.dir, '--format', 'json']);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ year: '2022-23', failed: false, problems: [], compliance: { catalogue: { id: 'wt2018' }, failed: { must: 0 } } });
    const funding = result.compliance.requirements.find((r: { id: string }) => r.id === 'funding');
    expect(funding).toMatchObject({ level: 'should', status: 'not-met', checks: [{ id: 'funding-adds-up', status: 'not-met' }] });
  });

  it('junit: XML a CI dashboard reads, one test case per requirement', () => {
    const run = runCli(['validate', '--data', EXAMPLES.sandwell.dir, '--format', 'junit']);
    const file = join(tempDir(), 'compliance.xml');
    writeFileSync(file, run.stdout);
    expect(tool('python3', ['-c', `import xml.dom.minidom,sys; d=xml.dom.minidom.parse(sys.argv[1]); print(len(d.getElementsByTagName('testcase')), len(d.getElementsByTagName('failure')))`, file]).trim()).toBe('15 5');
  });

  it('junit: keeps to the common JUnit schema, with failures, skipped and data problems', () => {
    const broken = copyOf(DEMO);
    edit(broken, '2022-23/report.yaml', /end: 2023-03-31/, 'end: 31/03/2023');
    edit(broken, '2022-23/report.yaml', /start: 2022-04-01/, 'start: <&"soon">');
    for (const data of [EXAMPLES.sandwell.dir, EXAMPLES.worcestershire.dir, broken]) {
      const run = runCli(['validate', '--data', data, '--format', 'junit']);
      const names = expectJunitSchema(run.stdout);
      expect(names.length, data).toBeGreaterThan(1);
    }
    const problems = runCli(['validate', '--data', broken, '--format', 'junit']).stdout;
    expect(problems).toMatch(/^<testsuites name="report validate" tests="2" failures="2" errors="0" skipped="0">$/m);
    expect(problems).toMatch(/<testcase classname="data" name="\S*\/2022-23\/report\.yaml period\.end"><failure message="[^"]*" type="data problem">\S*report\.yaml:\d+:8 /);
  });

  it('junit: test names stay the same when the line numbers move; the failures say where', () => {
    const broken = copyOf(DEMO);
    edit(broken, '2022-23/report.yaml', /end: 2023-03-31/, 'end: 31/03/2023');
    for (const data of [copyOf(EXAMPLES.sandwell.dir), broken]) {
      const before = runCli(['validate', '--data', data, '--format', 'junit']).stdout;
      shiftLines(data);
      const after = runCli(['validate', '--data', data, '--format', 'junit']).stdout;
      expect(new Set(expectJunitSchema(after))).toEqual(new Set(expectJunitSchema(before)));
      expect(after, 'the places in the failures moved').not.toBe(before);
      const lines = (xml: string) => [...xml.matchAll(/\.yaml:(\d+)/g)].map((match) => Number(match[1]));
      expect(lines(after)).toEqual(lines(before).map((line) => line + 1));
    }
  });

  it('github: at most 10 annotations of each kind, the rest grouped with every line listed', () => {
    const output = (problems: Problem[], warnings: Problem[] = []) => ({ year: '2022-23', dataDir: 'data', problems, warnings, failed: true });
    const kinds = (text: string) => ['error', 'warning', 'notice'].map((kind) => text.split('\n').filter((line) => line.startsWith(`::${kind}`)).length);
    // Ten or fewer: one each, as before.
    const few = formatGithub(output(manyProblems(2, 5)));
    expect(kinds(few)).toEqual([10, 0, 0]);
    expect(few).toContain('::error file=data/2022-23/file-01.yaml,line=19,col=5,title=Data problem::field[9]: problem number 9');
    // 3 files of 9: one annotation per file, at its first line, listing the others.
    const byFile = formatGithub(output(manyProblems(3, 9), manyProblems(1, 11)));
    expect(kinds(byFile)).toEqual([3, 1, 0]);
    expect(byFile).toContain('::error file=data/2022-23/file-00.yaml,line=3,col=5,title=Data problem (9 places)::- line 3: field[0]: problem number 0%0A- line 7: field[1]: problem number 1%0A');
    // 30 files of 2, all data problems: one annotation listing the 60 places.
    const byTitle = formatGithub(output(manyProblems(30, 2)));
    expect(kinds(byTitle)).toEqual([1, 0, 0]);
    expect(byTitle).toMatch(/^::error title=Data problem \(60 places\)::- data\/2022-23\/file-00\.yaml:3: field\[0\]: problem number 0%0A/m);
    for (let index = 0; index < 60; index += 1) expect(byTitle).toMatch(new RegExp(`: problem number ${index}(%0A|$)`, 'm'));
    // 12 requirements not met in 12 files each: nine files, then one for the other three, each place named.
    const outcomes = Array.from({ length: 12 }, (_, r) => ({
      requirement: { id: `requirement-${r}`, level: 'should', requirement: `Requirement ${r}.` },
      status: 'not-met',
      checks: [{ id: `check-${r}`, result: { status: 'not-met', met: [], missing: Array.from({ length: 12 }, (_, f) => ({ message: `missing ${r} in ${f}`, where: { file: `data/2022-23/file-${String(f).padStart(2, '0')}.yaml`, line: r + 1 } })) } }],
      sections: [],
      reportWide: false,
    }));
    const compliance = { catalogue: { id: 'test', title: 'Test', shortTitle: 'Test' }, requiredBy: '', reason: 'test', outcomes, failed: { must: 0, should: 12 }, partly: { must: 0, should: 0 }, reminders: 0 } as unknown as ComplianceReport;
    const spread = formatGithub({ ...output([]), failed: false, compliance });
    expect(kinds(spread)).toEqual([0, 10, 0]);
    expect(spread).toMatch(/^::warning file=data\/2022-23\/file-00\.yaml,line=1,title=12 warnings in this file::- line 1: SHOULD not met: requirement-0: Requirement 0\. missing 0 in 0%0A/m);
    expect(spread).toMatch(/^::warning title=36 warnings in other files::- data\/2022-23\/file-09\.yaml:1: SHOULD not met: requirement-0: /m);
    for (let r = 0; r < 12; r += 1) for (let f = 0; f < 12; f += 1) expect(spread).toMatch(new RegExp(`missing ${r} in ${f}(%0A|$)`, 'm'));
    // The summary lists every one in full.
    const summary = formatStepSummary(output(manyProblems(30, 2)));
    expect(summary.match(/^- `data\/2022-23\/file-\d+\.yaml:\d+:5` /gm)).toHaveLength(60);
  });

  it('github: the step summary goes to GITHUB_STEP_SUMMARY, added to what is there, and only in this format', () => {
    const summary = join(tempDir(), 'summary.md');
    writeFileSync(summary, '# Earlier step\n\n');
    const run = runCli(['validate', '--data', EXAMPLES.sandwell.dir, '--format', 'github'], undefined, { GITHUB_STEP_SUMMARY: summary });
    expect(run.status).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toMatch(/^# Earlier step\n\n## Annual report 2022\\-23: ready to publish\n/);
    expect(text).toMatch(/^\| 14 \| 8 \| 0 \| 5 \| 0 \| 1 \| 0 \|$/m);
    expect(text).toMatch(/^### Not met \(5\)$/m);
    expect(text).toMatch(/^ {2}- `examples\/sandwell\/2022-23\/[a-z-]+\.yaml:\d+` /m);
    expect(runCli(['validate', '--data', EXAMPLES.sandwell.dir], undefined, { GITHUB_STEP_SUMMARY: summary }).status).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe(text);
  });
});

describe('colour in the text output', () => {
  it('on a terminal: green when ready, places bold; NO_COLOR (any value) turns it off', () => {
    const ready = runInTerminal(['validate', '--data', DEMO], {});
    expect(ready.status).toBe(0);
    expect(ready.stdout).toMatch(/^\u001b\[32mReady to publish\.\u001b\[39m\r?\n/);
    expect(ready.stdout).toContain('met by \u001b[1mdata/2022-23/report.yaml:');
    for (const value of ['1', 'true', 'no']) expect(runInTerminal(['validate', '--data', DEMO], { NO_COLOR: value }).stdout.match(ESCAPES), value).toBeNull();
    // Empty is as good as unset.
    expect(runInTerminal(['validate', '--data', DEMO], { NO_COLOR: '' }).stdout).toMatch(/^\u001b\[32mReady/);
  });

  it('not on a terminal, none, unless FORCE_COLOR; the data\'s own escapes stay escaped', () => {
    expect(runWith(['validate', '--data', DEMO], {}).stdout.match(ESCAPES)).toBeNull();
    expect(runWith(['validate', '--data', DEMO], { FORCE_COLOR: '0' }).stdout.match(ESCAPES)).toBeNull();
    const forced = runWith(['validate', '--data', DEMO], { FORCE_COLOR: '1' });
    expect(forced.stdout).toMatch(/^\u001b\[32mReady to publish\.\u001b\[39m\n/);
    // Not ready: red, on standard error, the data's ESC shown as text, the only escapes ours.
    const data = copyOf(DEMO);
    edit(data, '2022-23/report.yaml', /end: 2023-03-31/, 'end: "31/03\\e[2J/2023"');
    const failing = runWith(['validate', '--data', data], { FORCE_COLOR: '1' });
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(/^\u001b\[31mNot ready to publish: /);
    expect(failing.stderr).toContain('\\u001b[2J');
    expect(failing.stderr).toMatch(/\u001b\[1m\S*report\.yaml:\d+:\d+\u001b\[22m {2}period\.end/);
    for (const escape of failing.stderr.match(ESCAPES) ?? []) expect(['\u001b[1m', '\u001b[22m', '\u001b[31m', '\u001b[32m', '\u001b[33m', '\u001b[39m']).toContain(escape);
    // Other formats are for tools: never coloured.
    expect(runWith(['validate', '--data', DEMO, '--format', 'github'], { FORCE_COLOR: '1' }).stdout.match(ESCAPES)).toBeNull();
  });
});

describe('the build gate', () => {
  it('refuses to publish a report that fails a "must", and says how to build a draft', () => {
    const out = tempDir();
    const run = runCli(['build', '--data', demoWithoutPolice(), '--out', out, '--format', 'html']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/NOT MET[\s\S]*The report was not built\. Fix what is not met, or build a marked draft with --draft\./);
  });

  it('with --draft builds it, and marks every page of the PDF and the web page as a draft', () => {
    const out = tempDir();
    const run = runCli(['build', '--data', demoWithoutPolice(), '--out', out, '--draft']);
    expect(run.status).toBe(0);
    const html = readFileSync(join(out, '2022-23', 'index.html'), 'utf8');
    expect(html).toContain('<body class="draft">');
    expect(html).toContain('Draft: not for publication');
    const pdf = join(out, '2022-23', 'kingsmere-safeguarding-children-partnership-annual-report-2022-23.pdf');
    const pages = tool('pdftotext', [pdf, '-']).split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((page, index) => expect(page, `page ${index + 1}`).toMatch(/draft/i));
  });
});
