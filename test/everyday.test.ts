/**
 * Everyday use as a new user meets it: init into an empty folder, validate lists what is
 * left, the files validate in an editor against the generated JSON Schema, and a new year
 * starts from the last, and is checked and built as a draft while its figures are still empty.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { load, validate } from '../src/index.js';
import { copyOf, DEMO, EXAMPLES, ROOT, runCli, tempDir, tool, type Run } from './helpers.js';

const SCHEMAS = join(ROOT, 'schemas');

describe('report init', () => {
  const dir = join(tempDir(), 'partnership');
  const init = runCli(['init', dir, '--name', 'Brackley Vale Safeguarding Children Partnership', '--area', 'Brackley Vale', '--year', '2023-24', '--police', 'Thames Valley Police']);

  it('writes partnership.yaml and a year folder with every section', () => {
    expect(init.status, init.stderr).toBe(0);
    expect(readdirSync(join(dir, '2023-24')).sort()).toEqual([
      'audits.yaml', 'child-deaths.yaml', 'funding.yaml', 'glossary.yaml', 'indicators.yaml', 'lado.yaml', 'next-year.yaml',
      'priorities.yaml', 'report.yaml', 'reviews.yaml', 'scrutiny.yaml', 'subgroups.yaml', 'training.yaml', 'voice.yaml',
    ]);
    const report = readFileSync(join(dir, '2023-24', 'report.yaml'), 'utf8');
    expect(report).toMatch(/^# yaml-language-server: \$schema=.*\/schemas\/report\.schema\.json\n# Brackley Vale Safeguarding Children Partnership 2023-24: report\.\n# The yearly report must set out what the partners did/);
    expect(report).toContain('  start: 2023-04-01\n  end: 2024-03-31');
    expect(readFileSync(join(dir, 'partnership.yaml'), 'utf8')).toContain('name: Thames Valley Police');
  });

  it('then report validate lists what is left as a to-do list, not a wall of errors', () => {
    const run = runCli(['validate', '--data', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Not ready to publish: \d+ fields still marked TO DO; .*its status is draft.*\n\nThe 2023-24 data in .* is in order so far\. \d+ things are still to do:\n\n {2}\[ \] /);
    expect(run.stderr).toMatch(/\[ \] .*partnership\.yaml:\d+ {2}safeguarding_partners\[1\]\.name: the name of the integrated care board\n/);
    expect(run.stderr).toMatch(/\[ \] .*2023-24\/report\.yaml:\d+ {2}foreword\.text: the foreword \(Markdown\)\n/);
    expect(run.stderr).not.toMatch(/expected|unknown field|is missing/);
  });

  it('and a draft with things still to do can be built to look at, marked DRAFT', () => {
    const out = tempDir();
    const run = runCli(['build', '--data', dir, '--out', out, '--format', 'html', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(out, '2023-24', 'index.html'), 'utf8')).toContain('<body class="draft">');
  }, 60_000);

  it('refuses to overwrite a partnership, and asks for flags in a script', () => {
    expect(runCli(['init', dir, '--name', 'X', '--area', 'Y', '--year', '2023-24']).stderr).toMatch(/already exists: report init starts a new partnership folder/);
    const run = runCli(['init', join(tempDir(), 'p'), '--name', 'X']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('report init needs --area, --year when it is not run in a terminal.');
  });
});

describe('JSON Schema for editors', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const check = (schema: string, file: string) => {
    const validateFile = ajv.getSchema(schema) ?? ajv.compile({ ...JSON.parse(readFileSync(join(SCHEMAS, schema), 'utf8')), $id: schema });
    const data = parse(readFileSync(file, 'utf8'));
    expect(validateFile(data), `${file}: ${JSON.stringify(validateFile.errors)}`).toBe(true);
  };

  it.each([
    ['the demo', DEMO],
    ['Sandwell', EXAMPLES.sandwell.dir],
    ['Worcestershire', EXAMPLES.worcestershire.dir],
  ])('validates %s with an independent validator (ajv)', (_name, dir) => {
    check('partnership.schema.json', join(dir, 'partnership.yaml'));
    const year = readdirSync(dir).find((name) => /^\d{4}-\d{2}$/.test(name))!;
    for (const file of readdirSync(join(dir, year)).filter((name) => name.endsWith('.yaml'))) {
      check(`${file.replace('.yaml', '')}.schema.json`, join(dir, year, file));
    }
  });

  it('rejects what the model rejects', () => {
    const validateReport = ajv.compile({ ...JSON.parse(readFileSync(join(SCHEMAS, 'priorities.schema.json'), 'utf8')), $id: 'p2' });
    expect(validateReport({ priorities: [{ id: 'a', title: 'A', activity: ['x'], progress: 'great' }] })).toBe(false);
    expect(validateReport({ priorities: [{ id: 'a', title: 'A', activity: ['x'], progress: 'some', colour: 'red' }] })).toBe(false);
  });
});

describe('report new-year', () => {
  it('starts next year from this one: priorities to report against, indicator history, the narrative afresh', async () => {
    const data = copyOf(DEMO);
    const run = runCli(['new-year', '2023-24', '--data', data]);
    expect(run.status, run.stderr).toBe(0);
    const priorities = parse(readFileSync(join(data, '2023-24', 'priorities.yaml'), 'utf8'));
    const last = parse(readFileSync(join(data, '2022-23', 'priorities.yaml'), 'utf8'));
    expect(priorities.priorities.map((p: { id: string }) => p.id)).toEqual(last.priorities.map((p: { id: string }) => p.id));
    expect(priorities.priorities[0].activity).toEqual(['TO DO: what the partners and agencies did on this priority']);
    expect(readFileSync(join(data, '2023-24', 'glossary.yaml'), 'utf8')).toContain('term: MASH');

    const { problems, report } = validate(await load({ data, year: '2023-24' }));
    expect(problems).toEqual([]);
    expect(report!.sections.report.period).toEqual({ start: '2023-04-01', end: '2024-03-31' });
    expect(report!.previousPeriod).toEqual({ year: '2022-23', start: '2022-04-01', end: '2023-03-31' });
    const contacts = report!.sections.indicators!.indicators.find((i) => i.id === 'contacts')!;
    expect(contacts.values).toEqual({ '2020-21': 18650, '2021-22': 20940, '2022-23': 21870 });
    expect(contacts.quarters).toBeUndefined();
    expect(runCli(['validate', '--data', data, '--year', '2023-24']).stderr).toMatch(/is in order so far\. \d+ things are still to do/);
  });

  it('will not overwrite a year, or start without one before it', () => {
    const data = copyOf(DEMO);
    expect(runCli(['new-year', '2021-22', '--data', data]).stderr).toMatch(/There is no year before 2021-22/);
    expect(runCli(['new-year', '2023-24', '--data', data]).status).toBe(0);
    expect(runCli(['new-year', '2023-24', '--data', data]).stderr).toMatch(/2023-24 already exists/);
  });
});

/** Ends as the tool's exit codes promise: no fault in the tool, no stack trace. */
function noFault(run: Run): void {
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/fault in the tool|\n\s+at .+:\d+:\d+/);
  expect(run.status, run.stderr).not.toBe(70);
}

describe('the everyday path: init, new-year, then validate and build before any figure is in', () => {
  const data = join(tempDir(), 'partnership');
  const started = [
    runCli(['init', data, '--name', 'Fenmoor Safeguarding Children Partnership', '--area', 'Fenmoor', '--year', '2023-24']),
    runCli(['new-year', '2024-25', '--data', data]),
  ];

  it('validate lists what is still to do, and exits 1', () => {
    for (const run of started) expect(run.status, run.stderr).toBe(0);
    expect(parse(readFileSync(join(data, '2024-25', 'indicators.yaml'), 'utf8')).indicators[0].values).toEqual({});
    const run = runCli(['validate', '--data', data]);
    noFault(run);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Not ready to publish: .*\n\nThe 2024-25 data in .* is in order so far\. \d+ things are still to do:\n\n {2}\[ \] /);
    expect(run.stderr).toMatch(/\[ \] .*2024-25\/indicators\.yaml:\d+ {2}indicators\[0\]\.source: where the figure comes from\n/);
    expect(run.stderr).toMatch(/report validate checks the report against Working Together to Safeguard Children 2023: \d+ requirements/);
  });

  it('build makes a draft, HTML and PDF, marked DRAFT', () => {
    const out = tempDir();
    const run = runCli(['build', '--data', data, '--out', out, '--quiet']);
    noFault(run);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(out, '2024-25', 'index.html'), 'utf8')).toContain('<body class="draft">');
    const pdf = join(out, '2024-25', 'fenmoor-safeguarding-children-partnership-annual-report-2024-25.pdf');
    expect(tool('pdftotext', [pdf, '-'])).toContain('Fenmoor Safeguarding Children Partnership: Annual report 2024-25 (DRAFT)');
  }, 120_000);

  it('and the year after that: validate lists what is to do, build makes a draft', () => {
    const twice = copyOf(data);
    const next = runCli(['new-year', '2025-26', '--data', twice]);
    expect(next.status, next.stderr).toBe(0);
    const checked = runCli(['validate', '--data', twice]);
    noFault(checked);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toMatch(/^Not ready to publish: .*\n\nThe 2025-26 data in .* is in order so far\. \d+ things are still to do:/);
    const out = tempDir();
    const built = runCli(['build', '--data', twice, '--out', out, '--format', 'html', '--quiet']);
    noFault(built);
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(join(out, '2025-26', 'index.html'), 'utf8')).toContain('<body class="draft">');
    // The earlier, still empty years stay as they were and still build.
    const earlier = runCli(['build', '--data', twice, '--year', '2024-25', '--out', out, '--format', 'html', '--quiet']);
    noFault(earlier);
    expect(earlier.status, earlier.stderr).toBe(0);
  }, 120_000);

  it('new-year says plainly when the year is there already, or has nothing before it', () => {
    const again = runCli(['new-year', '2024-25', '--data', data]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/2024-25 already exists\./);
    // The first year too: it exists, so that is what to say, not that there is no year before it.
    const first = runCli(['new-year', '2023-24', '--data', data]);
    expect(first.status).toBe(2);
    expect(first.stderr).toMatch(/2023-24 already exists\./);
    const before = runCli(['new-year', '2022-23', '--data', data]);
    expect(before.status).toBe(2);
    expect(before.stderr).toMatch(/There is no year before 2022-23 in .* to start from\. Use report init for a partnership's first year\./);
    expect(existsSync(join(data, '2022-23'))).toBe(false);
  });
});
