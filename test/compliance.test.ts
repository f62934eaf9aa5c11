/**
 * The compliance stage as a user meets it: catalogues chosen by period or --standard, the
 * terminal table, the formats tools read, and the build gate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseCatalogue } from '../src/validate/compliance/catalogue.js';
import { DEMO, EXAMPLES, copyOf, edit, runCli, tempDir, tool } from './helpers.js';


/** The demo with its police partner removed: a statutory "must" fails. */
function demoWithoutPolice(): string {
  const data = copyOf(DEMO);
  const path = join(data, 'partnership.yaml');
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.replace(/ {2}- name: West Midlands Police\n(?: {4}.*\n|\n(?= {4}))*/, ''));
  return data;
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
