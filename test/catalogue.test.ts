/**
 * The requirement catalogues are the only statement of the statutory rules: they are found by
 * listing their folder, each says from when it applies, and the appendix's statute and the
 * scaffold's "why it matters" comments are their words, not the code's.
 */
import { copyFileSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataProblemsError, UsageError } from '../src/errors.js';
import { check } from '../src/check.js';
import { DATA_FILE_NAMES } from '../src/model/catalogue.js';
import type { ComplianceReport } from '../src/model/compliance.js';
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
import { copyOf, DEMO, edit, runCli, tempDir } from './helpers.js';
import { demoReport } from './report-fixture.js';

/** A copy of the bundled catalogues folder, with any further files given as name -> lines. */
function cataloguesFolder(extra: Record<string, string[]> = {}, bundled = true): string {
  const dir = tempDir();
  if (bundled) for (const name of readdirSync(CATALOGUES_DIR).filter((file) => file.endsWith('.yaml'))) copyFileSync(join(CATALOGUES_DIR, name), join(dir, name));
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
      ['wt2015', '2014-04-01'],
      ['wt2018', '2019-04-01'],
      ['wt2023', '2024-04-01'],
    ]);
    expect(await catalogueIds()).toEqual(['wt2015', 'wt2018', 'wt2023']);
    expect(catalogues.map((catalogue) => catalogue.requiredBy)).toEqual([
      'the Children Act 2004 (section 14A)',
      'the Children Act 2004 (section 16G)',
      'the Children Act 2004 (section 16G)',
    ]);
    for (const catalogue of catalogues) expect(Object.keys(catalogue.why).sort()).toEqual([...DATA_FILE_NAMES].sort());
  });

  it('keep the output\'s words for which regime and why', async () => {
    expect((await chooseCatalogue('2014-04-01', undefined, undefined, '2014-15')).reason).toBe(
      "the period 2014-15 is before the partnership arrangements of 2019: the board's report under Working Together 2015; choose another with --standard",
    );
    expect((await chooseCatalogue('2019-04-01', undefined, undefined, '2019-20')).reason).toBe(
      "the period 2019-20 is from the partnership arrangements of 2019, before Working Together 2023: the safeguarding partners' report under Working Together 2018; choose another with --standard",
    );
    expect((await chooseCatalogue('2024-04-01')).reason).toBe(
      "the period starting 2024-04-01 starts after Working Together 2023 came into force in December 2023: the safeguarding partners' report under Working Together 2023; choose another with --standard",
    );
  });

  it('check a period that starts before the earliest applies against the earliest, and say so', async () => {
    const chosen = await chooseCatalogue('2012-04-01', undefined, undefined, '2012-13');
    expect(chosen.catalogue.id).toBe('wt2015');
    expect(chosen.reason).toBe(
      "the period 2012-13 starts before 2014-04-01, the earliest any catalogue here is for, so it is checked as the board's report under Working Together 2015, the earliest here; choose another with --standard",
    );
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
    // wt2023 says in its own words why it is in force; its regime is not wt2030's.
    expect(between.reason).toBe(
      "the period starting 2025-04-01 starts after Working Together 2023 came into force in December 2023: the safeguarding partners' report under Working Together 2023; choose another with --standard",
    );
    expect((await chooseCatalogue('2022-04-01', undefined, dir)).catalogue.id).toBe('wt2018');
  });

  it('may be chosen by its id with --standard, and extended by id', async () => {
    expect((await chooseCatalogue('2022-04-01', 'wt2030', dir)).catalogue.title).toBe('Working Together to Safeguard Children 2030');
    const local = join(tempDir(), 'local.yaml');
    writeFileSync(local, ['id: local', 'title: Local commitments', 'short_title: our commitments', 'extends: wt2030', 'requirements: []'].join('\n'));
    const catalogue = await readCatalogue(local, dir);
    expect(catalogue.appliesFrom).toBe('2030-04-01');
    expect(catalogue.requirements.map((requirement) => requirement.id)).toContain('young-people-summary');
    expect((await chooseCatalogue('2022-04-01', 'wt2099', dir).catch((error: Error) => error.message))).toBe(
      '--standard wt2099 is neither wt2015 nor wt2018 nor wt2023 nor wt2030 nor a catalogue file that exists.',
    );
  });

  it('takes from the one it extends what it leaves out, and its own words where it gives them', async () => {
    const [wt2023, wt2030] = (await discoverCatalogues(dir)).slice(2);
    expect(wt2030!.requiredBy).toBe('the Children Act 2004 (section 16G) as amended in 2029');
    expect(wt2030!.why.scrutiny).toBe('The scrutineer now signs off the report.');
    expect(wt2030!.why.report).toBe(wt2023!.why.report);
    expect(wt2030!.requirements).toHaveLength(wt2023!.requirements.length + 1);
    // What belongs to wt2023's date does not pass to a catalogue with its own.
    expect(wt2023!.transition?.from).toBe('2023-04-01');
    expect(wt2030!.transition).toBeUndefined();
    expect(wt2030!.regime).toBeUndefined();
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
    expect(await problemsOf(readCatalogue(local))).toMatch(/local\.yaml:4:10 {2}extends: there is no catalogue "statutory" to extend\n {4}how to fix: the catalogues in .* are: wt2015, wt2018, wt2023/);
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
    const wt2018 = (await discoverCatalogues()).find((catalogue) => catalogue.id === 'wt2018');
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
    const [wt2015, , wt2023] = await discoverCatalogues();
    expect((await whyFor('2029-04-01', dir)).scrutiny).toBe(wt2023!.why.scrutiny);
    expect((await whyFor('2017-04-01', dir)).scrutiny).toBe(wt2015!.why.scrutiny);
    expect((await whyFor('2014-04-01', dir)).partnership).toMatch(/board's independent chair/);
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

/**
 * A copy of the demo data moved to another reporting year: its folder renamed, its period and
 * publication dates changed, and `partners` applied to partnership.yaml's text.
 */
function demoIn(year: string, published: string, partners: (text: string) => string = (text) => text): string {
  const data = copyOf(DEMO);
  if (year !== '2022-23') {
    renameSync(join(data, '2022-23'), join(data, year));
    const first = Number(year.slice(0, 4));
    edit(data, `${year}/report.yaml`, 'start: 2022-04-01', `start: ${first}-04-01`);
    edit(data, `${year}/report.yaml`, 'end: 2023-03-31', `end: ${first + 1}-03-31`);
  }
  edit(data, `${year}/report.yaml`, /date: 2023-09-29\n((?:.*\n)*?) {2}sent_to_national_panel: 2023-10-03\n {2}sent_to_what_works_centre: 2023-10-03\n/, `date: ${published}\n$1`);
  const path = join(data, 'partnership.yaml');
  writeFileSync(path, partners(readFileSync(path, 'utf8')));
  return data;
}

/** The demo's health partner as the clinical commissioning group it was before July 2022. */
const withCcg = (text: string) =>
  text.replace('name: NHS Kingsmere and Dunmore Integrated Care Board\n    short_name: the ICB\n    type: integrated-care-board', 'name: Kingsmere Clinical Commissioning Group\n    short_name: the CCG\n    type: clinical-commissioning-group');

/** No lead or delegated safeguarding partners, roles Working Together 2023 created. */
const withoutLeads = (text: string) => text.replace(/^ {4}(?:lead|delegate):\n(?: {6}.*\n)+/gm, '');

/** Everything the compliance output asks for or says, as one text. */
function everythingSaid(compliance: ComplianceReport): string {
  return compliance.outcomes
    .flatMap((o) => [o.requirement.requirement, ...o.checks.flatMap(({ id, result }) => [...result.missing.map((f) => f.message), ...(['statutory-partners', 'publication-dates', 'lscb-chair-report'].includes(id) ? result.met.map((f) => f.message) : [])])])
    .join('\n');
}

const statusOf = (compliance: ComplianceReport, id: string) => compliance.outcomes.find((o) => o.requirement.id === id)?.status;
const messagesOf = (compliance: ComplianceReport, id: string, kind: 'met' | 'missing') =>
  compliance.outcomes.find((o) => o.requirement.id === id)!.checks.flatMap(({ result }) => result[kind].map((f) => f.message));

describe('regimes follow the period', () => {
  it('2014-15: the board\'s report under Working Together 2015, never asked for the National Panel, lead partners or an ICB', async () => {
    // seed 002:L5, L9, L19: a board's annual report presented by its Independent Chairman, its health members Clinical Commissioning Groups.
    const data = demoIn('2014-15', '2015-09-30', (text) => withoutLeads(withCcg(text)).replace('role: Independent Chair\n', 'role: Independent Chairman\n'));
    const { compliance, problems } = await check({ data, today: '2016-01-15' });
    expect(problems).toEqual([]);
    expect(compliance!.catalogue.id).toBe('wt2015');
    expect(compliance!.requiredBy).toBe('the Children Act 2004 (section 14A)');
    expect(compliance!.reason).toBe("the period 2014-15 is before the partnership arrangements of 2019: the board's report under Working Together 2015; choose another with --standard");
    expect(statusOf(compliance!, 'chair-report')).toBe('met');
    expect(messagesOf(compliance!, 'chair-report', 'met')).toEqual(["The board's chair, Eleanor Whitfield-Marsh (Independent Chairman), publishes the report"]);
    expect(statusOf(compliance!, 'board-partners')).toBe('met');
    expect(messagesOf(compliance!, 'board-partners', 'met')).toContain('Kingsmere Clinical Commissioning Group: the clinical commissioning group, the health partner in this period');
    expect(statusOf(compliance!, 'publication')).toBe('met');
    expect(messagesOf(compliance!, 'publication', 'met')).toEqual(['Published on 2015-09-30']);
    expect(statusOf(compliance!, 'contributions-and-spending')).toBe('met');
    expect(statusOf(compliance!, 'submitted-to')).toBe('not-checked');
    expect(compliance!.outcomes.map((o) => o.requirement.id)).not.toContain('named-roles');
    expect(everythingSaid(compliance!)).not.toMatch(/Practice Review Panel|National Panel|What Works|Foundations|lead safeguarding partner|delegated safeguarding partner|integrated care board|ICB\b/i);
  });

  it('2018-19 is still a board\'s report: no copies to the Panel or the What Works Centre', async () => {
    // seed 002:L5: "Worcestershire Safeguarding Children Board Annual Report 2018-19".
    const data = demoIn('2018-19', '2019-09-30', withCcg);
    const { compliance } = await check({ data, today: '2020-01-15' });
    expect(compliance!.catalogue.id).toBe('wt2015');
    expect(everythingSaid(compliance!)).not.toMatch(/Practice Review Panel|What Works|Foundations/);
  });

  it('2019-20: the partners\' report under Working Together 2018, the CCG as the health partner and copies to the Panel and the What Works Centre', async () => {
    const data = demoIn('2019-20', '2020-09-30', withCcg);
    const { compliance } = await check({ data, today: '2021-01-15' });
    expect(compliance!.catalogue.id).toBe('wt2018');
    expect(compliance!.reason).toBe(
      "the period 2019-20 is from the partnership arrangements of 2019, before Working Together 2023: the safeguarding partners' report under Working Together 2018; choose another with --standard",
    );
    expect(statusOf(compliance!, 'statutory-partners')).toBe('met');
    expect(statusOf(compliance!, 'publication')).toBe('not-met');
    expect(messagesOf(compliance!, 'publication', 'missing')).toEqual([
      'No date is recorded for sending the report to the Child Safeguarding Practice Review Panel: send it and record sent_to_national_panel',
      "No date is recorded for sending the report to the What Works Centre for Children's Social Care: send it and record sent_to_what_works_centre",
    ]);
    expect(everythingSaid(compliance!)).not.toMatch(/Foundations \(|lead safeguarding partner|delegated safeguarding partner/);
  });

  it('2022-23 with a CCG: accepted, the period having begun before ICBs took over on 1 July 2022', async () => {
    const data = demoIn('2022-23', '2023-09-29', withCcg);
    const { compliance } = await check({ data, today: '2024-01-15' });
    expect(compliance!.catalogue.id).toBe('wt2018');
    expect(statusOf(compliance!, 'statutory-partners')).toBe('met');
    expect(messagesOf(compliance!, 'statutory-partners', 'met')).toContain(
      'Kingsmere Clinical Commissioning Group: the clinical commissioning group, the health partner for this period, which began before integrated care boards replaced CCGs on 1 July 2022',
    );
  });

  it('2023-24: Working Together 2018, with what Working Together 2023 adds advised, not required, and why', async () => {
    const data = demoIn('2023-24', '2024-09-27', withoutLeads);
    edit(data, '2023-24/scrutiny.yaml', /^statement: \|\n(?: {2}.*\n|\n)*/m, '');
    const { compliance, problems } = await check({ data, today: '2024-11-01' });
    expect(problems).toEqual([]);
    expect(compliance!.catalogue.id).toBe('wt2018');
    expect(compliance!.reason).toBe(
      "the period 2023-24 straddles the change to Working Together 2023: Working Together 2023 was published in December 2023 and partnerships had until December 2024 to put it in place, so it is checked as the safeguarding partners' report under Working Together 2018, with what Working Together 2023 adds advised, not required; choose another with --standard",
    );
    expect(statusOf(compliance!, 'named-roles')).toBe('reminder');
    expect(statusOf(compliance!, 'scrutiny-of-report')).toBe('reminder');
    expect(statusOf(compliance!, 'education')).toBe('met');
    const advised = [...messagesOf(compliance!, 'named-roles', 'missing'), ...messagesOf(compliance!, 'scrutiny-of-report', 'missing')];
    expect(advised).toContain('Advised by Working Together 2023, not yet required for this period: Kingsmere Metropolitan Borough Council has no lead safeguarding partner named: add lead: with their name and role');
    expect(advised.every((message) => message.startsWith('Advised by Working Together 2023, not yet required for this period: '))).toBe(true);
    // Advice is never a failure: the counts hold only what Working Together 2018 requires.
    const notMet = compliance!.outcomes.filter((o) => o.status === 'not-met' || o.status === 'partly-met').map((o) => o.requirement.id);
    expect(notMet).not.toContain('named-roles');
    expect(compliance!.failed.should + compliance!.partly.should).toBe(compliance!.outcomes.filter((o) => o.requirement.level === 'should' && (o.status === 'not-met' || o.status === 'partly-met')).length);
    // Published in September 2024: the copy goes to Foundations.
    expect(messagesOf(compliance!, 'publication', 'missing')).toContain(
      "No date is recorded for sending the report to Foundations (formerly the What Works Centre for Children's Social Care): send it and record sent_to_what_works_centre",
    );

    // Chosen with --standard, Working Together 2023 is required, not advised.
    const chosen = (await check({ data, today: '2024-11-01', standard: 'wt2023' })).compliance!;
    expect(chosen.reason).toBe('chosen with --standard');
    expect(statusOf(chosen, 'named-roles')).toBe('not-met');
  });

  it('2023-24 with a CCG: not accepted, ICBs having replaced CCGs before the period began', async () => {
    const { compliance } = await check({ data: demoIn('2023-24', '2024-09-27', withCcg), today: '2024-11-01' });
    expect(statusOf(compliance!, 'statutory-partners')).toBe('not-met');
    expect(messagesOf(compliance!, 'statutory-partners', 'missing')[0]).toMatch(/integrated care boards replaced CCGs on 1 July 2022, before this period began/);
  });

  it('2024-25: Working Together 2023, its roles required', async () => {
    const { compliance } = await check({ data: demoIn('2024-25', '2025-09-26', withoutLeads), today: '2025-11-01' });
    expect(compliance!.catalogue.id).toBe('wt2023');
    expect(compliance!.reason).toBe(
      "the period 2024-25 starts after Working Together 2023 came into force in December 2023: the safeguarding partners' report under Working Together 2023; choose another with --standard",
    );
    expect(statusOf(compliance!, 'named-roles')).toBe('not-met');
  });

  it('the output names the regime and why', () => {
    const run = runCli(['validate', '--data', demoIn('2014-15', '2015-09-30', withCcg)]);
    expect(run.stdout).toContain(
      "Checked against Working Together to Safeguard Children 2015 (the period 2014-15 is before the partnership arrangements of 2019: the board's report under Working Together 2015; choose another with --standard).",
    );
  });
});

describe('a transition', () => {
  const TRANSITION = (advised: string, from = '2029-04-01') => [
    ...WT2030.slice(0, 6),
    'transition:',
    `  from: ${from}`,
    '  period: straddles the change to Working Together 2030',
    '  note: Working Together 2030 was published in 2029',
    `  advised: [${advised}]`,
    ...WT2030.slice(6),
  ];

  it('adds the advised requirements to the catalogue in force, and says why', async () => {
    const chosen = await chooseCatalogue('2029-04-01', undefined, cataloguesFolder({ 'wt2030.yaml': TRANSITION('young-people-summary') }), '2029-30');
    expect(chosen.catalogue.id).toBe('wt2023');
    expect(chosen.catalogue.requirements.at(-1)!.id).toBe('young-people-summary');
    expect(chosen.advised).toEqual({ ids: ['young-people-summary'], by: 'Working Together 2030', note: 'Working Together 2030 was published in 2029' });
    expect(chosen.reason).toMatch(/^the period 2029-30 straddles the change to Working Together 2030: Working Together 2030 was published in 2029, so it is checked as the safeguarding partners' report under Working Together 2023, with what Working Together 2030 adds advised, not required/);
  });

  it('that names a requirement the catalogue does not have, or starts after applies_from, is a problem at its line', async () => {
    expect(await problemsOf(discoverCatalogues(cataloguesFolder({ 'wt2030.yaml': TRANSITION('young-people-sumary') })))).toMatch(
      /wt2030\.yaml:11:\d+ {2}transition\.advised\[0\]: there is no requirement "young-people-sumary" in this catalogue\n {4}how to fix: did you mean "young-people-summary"\?/,
    );
    expect(await problemsOf(discoverCatalogues(cataloguesFolder({ 'wt2030.yaml': TRANSITION('young-people-summary', '2030-04-01') })))).toMatch(
      /wt2030\.yaml:8:\d+ {2}transition\.from: the transition starts on 2030-04-01, not before applies_from \(2030-04-01\)/,
    );
  });
});
