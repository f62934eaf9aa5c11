/**
 * The requirement catalogues are the only statement of the statutory rules: they are found by
 * listing their folder, each says from when it applies, and the appendix's statute and the
 * scaffold's "why it matters" comments are their words, not the code's.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataProblemsError, UsageError } from '../src/errors.js';
import { DATA_FILE_NAMES } from '../src/model/catalogue.js';
import { renderHtml } from '../src/render/html.js';
import { themeFor } from '../src/render/theme.js';
import { buildView } from '../src/render/view-model.js';
import { initPartnership } from '../src/scaffold/init.js';
import { whyFor } from '../src/scaffold/yaml-writer.js';
import {
  CATALOGUES_DIR,
  catalogueIds,
  chooseCatalogue,
  discoverCatalogues,
  readCatalogue,
} from '../src/validate/compliance/catalogue.js';
import { evaluate } from '../src/validate/compliance/evaluate.js';
import { DEMO, runCli, tempDir } from './helpers.js';
import { demoReport } from './report-fixture.js';

/** A copy of the bundled catalogues folder, with any further files given as name -> lines. */
function cataloguesFolder(extra: Record<string, string[]> = {}, bundled = true): string {
  const dir = tempDir();
  if (bundled) for (const name of ['wt2018.yaml', 'wt2023.yaml']) copyFileSync(join(CATALOGUES_DIR, name), join(dir, name));
  for (const [name, lines] of Object.entries(extra)) writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return dir;
}

/** A later edition of the guidance, as a partnership or a maintainer would add it. */
const WT2030 = [
  'id: wt2030',
  'title: Working Together to Safeguard Children 2030',
  'short_title: Working Together 2030',
  'applies_from: 2030-04-01',
  'required_by: the Children Act 2004 (section 16G) as amended in 2029',
  'extends: wt2023',
  'why:',
  '  scrutiny: The scrutineer now signs off the report.',
  'requirements:',
  '  - id: young-people-summary',
  '    reference: Working Together 2030, chapter 2',
  '    level: should',
  '    requirement: Publish a summary for children and young people.',
  '    checks: []',
];

/** The problems a call threw, formatted as the command line prints them. */
async function problemsOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(DataProblemsError);
  return (error as DataProblemsError).message;
}

describe('the bundled catalogues', () => {
  it('are found by listing schemas/requirements, each saying from when it applies', async () => {
    const catalogues = await discoverCatalogues();
    expect(catalogues.map((catalogue) => [catalogue.id, catalogue.appliesFrom])).toEqual([
      ['wt2018', '2019-04-01'],
      ['wt2023', '2024-04-01'],
    ]);
    expect(await catalogueIds()).toEqual(['wt2018', 'wt2023']);
    for (const catalogue of catalogues) {
      expect(catalogue.requiredBy).toBe('the Children Act 2004 (section 16G)');
      expect(Object.keys(catalogue.why).sort()).toEqual([...DATA_FILE_NAMES].sort());
    }
  });

  it('keep the output\'s words for why one was chosen', async () => {
    expect((await chooseCatalogue('2019-04-01')).reason).toBe('the period starts before 2024-04-01; choose another with --standard');
    expect((await chooseCatalogue('2024-04-01')).reason).toBe('the period starts on or after 2024-04-01; choose another with --standard');
  });

  it('check a period that starts before the earliest applies against the earliest, and say so', async () => {
    const chosen = await chooseCatalogue('2018-04-01');
    expect(chosen.catalogue.id).toBe('wt2018');
    expect(chosen.reason).toBe('no catalogue is for periods starting before 2019-04-01, so the earliest is used; choose another with --standard');
    expect((await chooseCatalogue('2018-04-01', 'wt2023')).catalogue.id).toBe('wt2023');
  });

  it('stop with a usage error when the folder holds no catalogue at all', async () => {
    const error = await chooseCatalogue('2022-04-01', undefined, cataloguesFolder({}, false)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^There are no requirement catalogues in .*\. Give one with --standard and the catalogue's file\.$/);
  });
});

describe('a catalogue added to the folder', () => {
  const dir = cataloguesFolder({ 'wt2030.yaml': WT2030 });

  it('is the default for the periods its applies_from picks, and the others keep theirs', async () => {
    const later = await chooseCatalogue('2031-04-01', undefined, dir);
    expect(later.catalogue.id).toBe('wt2030');
    expect(later.reason).toBe('the period starts on or after 2030-04-01; choose another with --standard');
    const between = await chooseCatalogue('2025-04-01', undefined, dir);
    expect(between.catalogue.id).toBe('wt2023');
    expect(between.reason).toBe('the period starts on or after 2024-04-01 and before 2030-04-01; choose another with --standard');
    expect((await chooseCatalogue('2022-04-01', undefined, dir)).reason).toBe('the period starts before 2024-04-01; choose another with --standard');
  });

  it('may be chosen by its id with --standard, and extended by id', async () => {
    expect((await chooseCatalogue('2022-04-01', 'wt2030', dir)).catalogue.title).toBe('Working Together to Safeguard Children 2030');
    const local = join(tempDir(), 'local.yaml');
    writeFileSync(local, ['id: local', 'title: Local commitments', 'short_title: our commitments', 'extends: wt2030', 'requirements: []'].join('\n'));
    const catalogue = await readCatalogue(local, dir);
    expect(catalogue.appliesFrom).toBe('2030-04-01');
    expect(catalogue.requirements.map((requirement) => requirement.id)).toContain('young-people-summary');
    expect((await chooseCatalogue('2022-04-01', 'wt2099', dir).catch((error: Error) => error.message))).toBe(
      '--standard wt2099 is neither wt2018 nor wt2023 nor wt2030 nor a catalogue file that exists.',
    );
  });

  it('takes from the one it extends what it leaves out, and its own words where it gives them', async () => {
    const [wt2023, wt2030] = (await discoverCatalogues(dir)).slice(1);
    expect(wt2030!.requiredBy).toBe('the Children Act 2004 (section 16G) as amended in 2029');
    expect(wt2030!.why.scrutiny).toBe('The scrutineer now signs off the report.');
    expect(wt2030!.why.report).toBe(wt2023!.why.report);
    expect(wt2030!.requirements).toHaveLength(wt2023!.requirements.length + 1);
  });

  it('that applies from the same date as another is refused: the default would be a guess', async () => {
    const same = cataloguesFolder({ 'local.yaml': ['id: local', 'title: Local', 'short_title: local', 'extends: wt2023', 'requirements: []'] });
    expect(await problemsOf(discoverCatalogues(same))).toMatch(
      /local\.yaml:4:10 {2}extends: applies from 2024-04-01, as wt2023 does, so which one a report is checked against by default is unclear\n {4}how to fix: give it an applies_from of its own/,
    );
  });

  it('must be known by its file name', async () => {
    const misnamed = cataloguesFolder({ 'wt2031.yaml': WT2030 });
    expect(await problemsOf(discoverCatalogues(misnamed))).toMatch(/wt2031\.yaml:1:5 {2}id: the id is "wt2030" but the file is wt2031\.yaml\n {4}how to fix: .*set id: wt2031, or rename the file wt2030\.yaml/);
  });
});

describe('extends', () => {
  it('of an id that is no catalogue is a plain problem at its line and column, with a suggestion', () => {
    const local = join(tempDir(), 'local.yaml');
    writeFileSync(local, ['id: kingsmere-local', 'title: Kingsmere local commitments', 'short_title: our local commitments', 'extends: wt2033', 'requirements: []'].join('\n'));
    const run = runCli(['validate', '--data', DEMO, '--standard', local]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/local\.yaml:4:10 {2}extends: there is no catalogue "wt2033" to extend\n {4}how to fix: did you mean "wt2023"\?/);
  });

  it('lists the catalogues when nothing is close', async () => {
    const local = join(tempDir(), 'local.yaml');
    writeFileSync(local, ['id: local', 'title: Local', 'short_title: local', 'extends: statutory', 'requirements: []'].join('\n'));
    expect(await problemsOf(readCatalogue(local))).toMatch(/local\.yaml:4:10 {2}extends: there is no catalogue "statutory" to extend\n {4}how to fix: the catalogues in .* are: wt2018, wt2023/);
  });

  it('in a loop is refused rather than followed for ever', async () => {
    const dir = cataloguesFolder({
      'a.yaml': ['id: a', 'title: A', 'short_title: A', 'extends: b', 'requirements: []'],
      'b.yaml': ['id: b', 'title: B', 'short_title: B', 'applies_from: 2040-04-01', 'extends: a', 'requirements: []'],
    });
    expect(await problemsOf(readCatalogue(join(dir, 'a.yaml'), dir))).toMatch(/b\.yaml:5:10 {2}extends: "a" extends this catalogue in turn/);
  });

  it('left out means the catalogue must say from when it applies, the statute and every why text', async () => {
    const local = join(tempDir(), 'local.yaml');
    writeFileSync(local, ['id: local', 'title: Local', 'short_title: local', 'why:', '  report: Because.', 'requirements: []'].join('\n'));
    const message = await problemsOf(readCatalogue(local));
    expect(message).toMatch(/local\.yaml:1:1 {2}applies_from: is missing\n {4}how to fix: add applies_from: the first reporting period start it applies to, e\.g\. 2024-04-01, or extends: a catalogue to take it from/);
    expect(message).toMatch(/local\.yaml:1:1 {2}required_by: is missing/);
    expect(message).toMatch(/local\.yaml:\d+:\d+ {2}why\.partnership: has no text for partnership\.yaml/);
    expect(message).not.toMatch(/why\.report/);
  });
});

describe('the scaffold\'s "why it matters"', () => {
  it('is the text of the catalogue in force for the year it starts', async () => {
    const [wt2018] = await discoverCatalogues();
    const data = join(tempDir(), 'partnership');
    await initPartnership({ dir: data, name: 'Fenmoor Safeguarding Children Partnership', area: 'Fenmoor', year: '2023-24' });
    const heading = (file: string) => readFileSync(join(data, file), 'utf8').split('\n').slice(1, 3).join('\n');
    expect(heading('partnership.yaml')).toBe(`# Fenmoor Safeguarding Children Partnership: the details that last from year to year.\n# ${wt2018!.why.partnership}`);
    expect(heading('2023-24/scrutiny.yaml')).toBe(`# Fenmoor Safeguarding Children Partnership 2023-24: scrutiny.\n# ${wt2018!.why.scrutiny}`);
    expect(heading('2023-24/child-deaths.yaml')).toBe(`# Fenmoor Safeguarding Children Partnership 2023-24: child deaths.\n# ${wt2018!.why['child-deaths']}`);
  });

  it('follows the catalogue the year is checked against', async () => {
    const dir = cataloguesFolder({ 'wt2030.yaml': WT2030 });
    expect((await whyFor('2031-04-01', dir)).scrutiny).toBe('The scrutineer now signs off the report.');
    expect((await whyFor('2029-04-01', dir)).scrutiny).toBe((await discoverCatalogues())[1]!.why.scrutiny);
    expect((await whyFor('2017-04-01', dir)).scrutiny).toBe((await discoverCatalogues())[0]!.why.scrutiny);
  });
});

describe('the appendix', () => {
  it('names the statute the catalogue gives', async () => {
    const report = await demoReport();
    const { catalogue } = await chooseCatalogue('2022-04-01', 'wt2030', cataloguesFolder({ 'wt2030.yaml': WT2030 }));
    const compliance = evaluate(report, catalogue, 'chosen with --standard', '2024-01-15');
    expect(compliance.requiredBy).toBe('the Children Act 2004 (section 16G) as amended in 2029');
    const html = await renderHtml(buildView(report, { theme: themeFor(report.partnership), stylesheetHref: 'assets/report.css', compliance }));
    expect(html).toContain('The yearly report is required by the Children Act 2004 (section 16G) as amended in 2029 and Working Together to Safeguard Children 2030.');
  });
});
