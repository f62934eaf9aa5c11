/**
 * report import: Word documents built for the purpose (word-documents.ts) go into a data folder;
 * each heading, table and paragraph is looked for where it should have landed, the data is
 * validated and built as a draft, and a document of unknown structure loses nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check, readiness } from '../../src/check.js';
import { toDoBanner } from '../../src/preview/preview-page.js';
import { importDocument } from '../../src/scaffold/import/import-document.js';
import { CLI, DEMO, freshCache, runCli, tempDir } from '../helpers.js';
import { POLICE_TRAINING, SANDWELL_REPORT, UNKNOWN_STRUCTURE, writeWordDocument, type Part } from './word-documents.js';

const yaml = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, any>;

/** Every text the data under `dir` holds: each YAML string, and unplaced.md, with Markdown's marks and line breaks taken out. */
function textsOf(dir: string): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    if (entry.name.endsWith('.yaml')) walk(parse(text));
    else texts.push(text);
  }
  return texts.join('\n').replace(/\[([^\]]+)\]\(https?:[^)]*\)/g, '$1').replace(/\*\*|\*|\\/g, '').replace(/\s+/g, ' ');
}

/** Every file under `dir`, read whole. */
function everything(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

/** The words of every part of a document, as a reader of it would find them. */
function wordsOf(parts: Part[]): string[] {
  const strip = (text: string) => text.replace(/\[([^\]]+)\]\(https?:[^)]*\)/g, '$1').replace(/\*\*|\*/g, '');
  return parts.flatMap((part) => ('picture' in part ? [] : 'title' in part ? [part.title] : 'h' in part ? [part.text] : 'bold' in part ? [part.bold] : 'p' in part ? [strip(part.p)] : 'ul' in part ? part.ul.map(strip) : 'ol' in part ? part.ol.map(strip) : part.table.flat()));
}

describe('importing a whole report', () => {
  let data: string;
  let year: string;
  let docx: string;
  beforeAll(async () => {
    const dir = tempDir();
    docx = await writeWordDocument(join(dir, 'Annual Report 2022-23.docx'), SANDWELL_REPORT);
    data = join(dir, 'data');
    year = join(data, '2022-23');
    await importDocument({ file: docx, data });
  });

  it('finds the year in the title and writes a year folder like init, with a partnership.yaml still to fill in', () => {
    expect(readdirSync(year).sort()).toEqual(['audits.yaml', 'child-deaths.yaml', 'funding.yaml', 'glossary.yaml', 'indicators.yaml', 'lado.yaml', 'next-year.yaml', 'priorities.yaml', 'report.yaml', 'reviews.yaml', 'scrutiny.yaml', 'training.yaml', 'unplaced.md', 'voice.yaml']);
    const report = yaml(join(year, 'report.yaml'));
    expect(report).toMatchObject({ status: 'draft', period: { start: '2022-04-01', end: '2023-03-31' } });
    expect(yaml(join(data, 'partnership.yaml')).name).toMatch(/^TO DO:/);
  });

  it('puts each heading\'s text in the field it is about, as Markdown with its bold, italics and links', () => {
    const report = yaml(join(year, 'report.yaml'));
    expect(report.foreword.text).toBe(
      'This is the partnership\'s report on the year from April 2022 to March 2023, under **Working Together 2018**.\n\n' +
        'The hardest part of such a report is showing the *difference* the partnership made: see [the partnership\'s website](https://www.sandwellcsp.org.uk).',
    );
    // A table that is not figures stays a Markdown table in the text it stood in.
    expect(report.arrangements.summary).toContain('| Partner | Role |\n| --- | --- |\n| Sandwell Metropolitan Borough Council | Statutory partner |');
    expect(report.inspections).toEqual([{ name: 'Ofsted Inspection May 2022', findings: 'Ofsted inspected children\'s services in May 2022.' }]);
    expect(yaml(join(year, 'child-deaths.yaml')).summary).toMatch(/^Sandwell is a member of the Black Country Child Death Overview Panel\. 128 child deaths/);
    expect(yaml(join(year, 'reviews.yaml')).summary).toMatch(/^From 10 joint agency response meetings/);
    expect(yaml(join(year, 'voice.yaml'))).toMatchObject({ summary: expect.stringMatching(/^Young people from the SHAPE forum/), feedback: [] });
    // A sub-heading inside a section stays, as a heading inside its text.
    expect(yaml(join(year, 'training.yaml')).summary).toBe('Most courses ran to capacity.\n\n#### Barriers /Challenges\n\nImpact evaluation has been difficult to capture.');
    expect(yaml(join(year, 'scrutiny.yaml')).findings).toEqual(['Partners need to give narrative with their data']);
  });

  it('makes each priority\'s heading a priority, with what was done and the difference it made where the document separates them, and no rating or kind it does not give', () => {
    const priorities = yaml(join(year, 'priorities.yaml'));
    expect(priorities.introduction).toBe('Three priorities were carried into the year.');
    expect(priorities.priorities).toEqual([
      { id: 'neglect', title: 'Neglect', activity: ['Developed a neglect 7-minute briefing to share across the partnership', 'Agreed a neglect dataset for the partnership'], impact: [{ evidence: 'The neglect dataset is now live and received regularly, so the group can understand the local picture of neglect.' }] },
      // A placeholder stays a placeholder.
      { id: 'exploitation', title: 'Exploitation', activity: ['Partners presented the child\'s voice at each meeting of the Child Exploitation Board.'], impact: [{ evidence: '[insert evidence of impact]' }] },
      { id: 'early-help', title: 'Early Help' },
    ]);
    expect(yaml(join(year, 'next-year.yaml')).priorities).toEqual([{ title: 'Neglect' }, { title: 'Exploitation' }, { title: 'Early Help' }]);
  });

  it('turns a table of figures by year into indicators with the units the table shows and no polarity; a table whose columns name no year stays text', () => {
    const indicators = yaml(join(year, 'indicators.yaml')).indicators;
    expect(indicators).toEqual([
      { id: 'contacts-received', label: 'Contacts received', group: 'Contacts and Referrals', unit: 'count', values: { '2022-23': 29563 } },
      { id: 'referrals-received', label: 'Referrals received', group: 'Contacts and Referrals', unit: 'count', values: { '2022-23': 4194 } },
      { id: 're-referrals-percent', label: 'Re-referrals (%)', group: 'Contacts and Referrals', unit: 'percentage', values: { '2022-23': 23 } },
      { id: 'domestic-abuse-contacts', label: 'Domestic abuse contacts', group: 'Contacts and Referrals', unit: 'count', values: { '2022-23': 4798 } },
    ]);
    expect(readFileSync(join(year, 'unplaced.md'), 'utf8')).toContain('| Re-referrals | 23% | 19.1% | 21.5% |');
  });

  it('reads funding and glossary tables into their lists', () => {
    expect(yaml(join(year, 'funding.yaml'))).toMatchObject({ contributions: [{ partner: 'Partner A', amount: 100000 }, { partner: 'Partner B', amount: 50000 }], total: 150000 });
    expect(yaml(join(year, 'glossary.yaml')).terms).toEqual([{ term: 'CDOP', meaning: 'Child Death Overview Panel' }, { term: 'SCSP', meaning: 'Sandwell Children\'s Safeguarding Partnership' }]);
  });

  it('keeps what it could not place in unplaced.md, in document order, and placeholder text as it was', () => {
    const unplaced = readFileSync(join(year, 'unplaced.md'), 'utf8');
    const headings = [...unplaced.matchAll(/^## (.*)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['Before the first heading', 'Contents', 'Priority: Early Help', 'Contacts and Referrals', 'Independent Scrutiny of SCSP Annual Report 2022-23']);
    expect(unplaced).toContain('## Priority: Early Help\n\nEarly help has been a priority since 2021.');
    expect(yaml(join(year, 'audits.yaml')).summary).toBe('The subgroup completed [insert number] multi-agency audits.');
  });

  it('invents nothing: every text and figure it wrote is the document\'s own, apart from the ids, units, period and TO DOs it documents', () => {
    const document = wordsOf(SANDWELL_REPORT).join('\n');
    const figures = document.replace(/(\d),(\d{3})/g, '$1$2');
    const derived = new Set(['id', 'unit', 'status', 'start', 'end']);
    const found: string[] = [];
    const walk = (value: unknown, key: string): void => {
      if (derived.has(key)) return;
      if (typeof value === 'number') {
        if (!figures.includes(String(value))) found.push(String(value));
      } else if (typeof value === 'string') {
        if (/^TO DO:/.test(value)) return;
        for (const chunk of value.split('\n')) {
          const words = chunk.replace(/^(#### |- |\d+\. )/, '').replace(/\[([^\]]+)\]\(https?:[^)]*\)/g, '$1').replace(/\*\*|\*/g, '').trim();
          if (!words || /^\|( --- \|)+$/.test(words)) continue;
          for (const cell of words.startsWith('|') ? words.split('|').map((c) => c.trim()).filter(Boolean) : [words]) if (!document.includes(cell)) found.push(cell);
        }
      } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, /^\d{4}-\d{2}$/.test(k) ? 'value' : k);
    };
    for (const name of readdirSync(year).filter((file) => file.endsWith('.yaml'))) walk(yaml(join(year, name)), '');
    expect(found).toEqual([]);
  });

  it('validates with no problems in the data: what is left is to-dos, each unplaced part among them, and the placeholder', async () => {
    const checked = await check({ data, year: '2022-23' });
    expect(checked.problems).toEqual([]);
    const unplaced = checked.toDos.filter((item) => item.file.endsWith('unplaced.md'));
    expect(unplaced.map((item) => [item.line, item.field])).toEqual([
      [7, 'Before the first heading'],
      [11, 'Contents'],
      [17, 'Priority: Early Help'],
      [21, 'Contacts and Referrals'],
      [29, 'Independent Scrutiny of SCSP Annual Report 2022-23'],
    ]);
    expect(checked.compliance?.outcomes.some((o) => o.checks.some(({ id, result }) => id === 'no-placeholders' && result.status !== 'met'))).toBe(true);
    // The parts are counted as what they are, not as fields, by validate and by the preview.
    const fields = checked.toDos.length - 5;
    expect(readiness(checked).reasons.slice(0, 2)).toEqual([`${fields} fields still marked TO DO`, '5 parts of an imported document still to place (unplaced.md)']);
    expect(toDoBanner(checked.toDos)).toContain(`<summary>${fields} fields still marked TO DO, 5 parts of an imported document still to place (unplaced.md)</summary>`);
  });

  it('builds as a draft: the web page and a tagged PDF that say what the document said', () => {
    const copy = join(tempDir(), 'imported');
    cpSync(join(data, '..'), copy, { recursive: true });
    const run = runCli(['build', '--data', 'data', '--year', '2022-23', '--out', 'dist'], copy, { REPORT_CACHE_DIR: freshCache() });
    expect(run.stderr + run.stdout).not.toMatch(/error|fault/i);
    expect(run.status).toBe(0);
    const folder = join(copy, 'dist', '2022-23');
    const pdf = readdirSync(folder).find((name) => name.endsWith('.pdf'))!;
    expect(execFileSync('pdfinfo', [join(folder, pdf)], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const text = execFileSync('pdftotext', ['-layout', join(folder, pdf), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('DRAFT');
    expect(text).toContain('Developed a neglect 7-minute briefing to share across the partnership');
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toMatch(/Partners presented the child(’|&#x27;|')s voice at each meeting of the Child Exploitation Board\./);
  });
});

describe('a document the importer does not understand', () => {
  it('loses nothing: every word of it is in unplaced.md, in order, and the data still validates', async () => {
    const dir = tempDir();
    const docx = await writeWordDocument(join(dir, 'notes.docx'), UNKNOWN_STRUCTURE);
    const data = join(dir, 'data');
    const result = await importDocument({ file: docx, data, year: '2023-24' });
    // A picture cannot be moved into the data: the importer says so, rather than dropping it silently.
    expect(result.messages).toContain('1 picture (a chart, photo or diagram) was left out: give a chart\'s figures as indicators, and add other images by hand');
    const unplaced = readFileSync(join(data, '2023-24', 'unplaced.md'), 'utf8');
    const words = unplaced.replace(/\*\*/g, '');
    let at = 0;
    for (const text of wordsOf(UNKNOWN_STRUCTURE)) {
      const found = words.indexOf(text, at);
      expect(found, `"${text}" in unplaced.md after position ${at}`).toBeGreaterThanOrEqual(at);
      at = found;
    }
    expect(unplaced).toContain('The first chapter\'s words, with **emphasis**.');
    expect((await check({ data, year: '2023-24' })).problems).toEqual([]);
  });

  it('loses nothing of a real report\'s structure either: every word of the Sandwell document is in the data it wrote', async () => {
    const dir = tempDir();
    const docx = await writeWordDocument(join(dir, 'report.docx'), SANDWELL_REPORT);
    await importDocument({ file: docx, data: join(dir, 'data') });
    const written = textsOf(join(dir, 'data'));
    // Headings that started a section are said by the section itself; everything else is kept word for word.
    const consumed = new Set(['Foreword: Independent Chair, Sandwell Children\'s Safeguarding Partnership', 'The SCSP Structure', '22-23 Priorities for the SCSP', 'Child Death during 22/23', 'Sandwell Learning from Practice Reviews Subgroup', 'Quality of Practice, Performance and Assurance (QPPA) Subgroup', 'Learning and Development (L&D) Subgroup', 'Areas where scrutiny work has identified learning', 'SHAPE Takeover October 2022', 'Funding', 'Improvement Activities and Direction of travel for 23/24', 'Glossary of Terms', 'What we did', 'What difference did we make?', 'Activity', 'Impact', 'Term', 'Meaning', 'Partner', 'Contribution', 'Total', '£150,000', '£100,000', '£50,000', 'Measure', '2022-23', '29,563', '4,194', '23%', '4,798']);
    const missing = wordsOf(SANDWELL_REPORT).filter((words) => !consumed.has(words) && !written.includes(words));
    expect(missing).toEqual([]);
  });
});

describe('a document without Word\'s heading styles', () => {
  it('reads short bold paragraphs as its headings', async () => {
    const dir = tempDir();
    const docx = await writeWordDocument(join(dir, 'plain.docx'), [
      { bold: 'Foreword' },
      { p: 'A year of change.' },
      { bold: 'Multi-agency training' },
      { p: 'Courses ran all year.' },
      { bold: 'What went well' },
      { p: 'Most were full.' },
      { p: '**Not a heading**, as it goes on past its bold words.' },
    ]);
    await importDocument({ file: docx, data: join(dir, 'data'), year: '2023-24' });
    expect(yaml(join(dir, 'data', '2023-24', 'report.yaml')).foreword.text).toBe('A year of change.');
    expect(yaml(join(dir, 'data', '2023-24', 'training.yaml')).summary).toBe('Courses ran all year.\n\n#### What went well\n\nMost were full.\n\n**Not a heading**, as it goes on past its bold words.');
    expect(existsSync(join(dir, 'data', '2023-24', 'unplaced.md'))).toBe(false);
  });
});

describe('priorities listed by name, then written about', () => {
  it('makes one priority of each, and takes its parts from its own heading', async () => {
    const dir = tempDir();
    // As seed 001 lists them (L136-138), then with a heading each.
    const docx = await writeWordDocument(join(dir, 'p.docx'), [
      { h: 1, text: 'Our priorities for 2022-23' },
      { ul: ['Neglect', 'Exploitation,'] },
      { h: 2, text: 'Neglect' },
      { bold: 'What we did' },
      { p: 'Agreed a neglect dataset.' },
      { h: 2, text: 'Exploitation' },
      { bold: 'Impact' },
      { p: 'The board heard the child\'s voice at each meeting.' },
    ]);
    await importDocument({ file: docx, data: join(dir, 'data'), year: '2022-23' });
    expect(yaml(join(dir, 'data', '2022-23', 'priorities.yaml')).priorities).toEqual([
      { id: 'neglect', title: 'Neglect', activity: ['Agreed a neglect dataset.'] },
      { id: 'exploitation', title: 'Exploitation', impact: [{ evidence: 'The board heard the child\'s voice at each meeting.' }] },
    ]);
  });
});

describe('sections met more than once, and parts of the training section', () => {
  it('keeps the heading of a section met again, and puts the difference training made in its impact on practice', async () => {
    const dir = tempDir();
    // Laid out as seed 001 is, every heading at one level (L778, L855, L912).
    const docx = await writeWordDocument(join(dir, 'flat.docx'), [
      { h: 1, text: 'Learning and Development (L&D) Subgroup' },
      { p: 'The subgroup plans the training offer.' },
      { h: 1, text: 'Strengths' },
      { p: 'Most courses ran to capacity.' },
      { h: 1, text: 'What difference did training make on Practice?' },
      { p: 'Knowledge scores rose after courses.' },
      { h: 1, text: 'Workforce development' },
      { p: 'Briefings were published.' },
    ]);
    await importDocument({ file: docx, data: join(dir, 'data'), year: '2022-23' });
    const training = yaml(join(dir, 'data', '2022-23', 'training.yaml'));
    expect(training.summary).toBe('The subgroup plans the training offer.\n\n#### Workforce development\n\nBriefings were published.');
    expect(training.evaluation.impact_on_practice).toBe('#### What difference did training make on Practice?\n\nKnowledge scores rose after courses.');
    // A heading at the section's own level that names nothing is not guessed to be part of it.
    expect(readFileSync(join(dir, 'data', '2022-23', 'unplaced.md'), 'utf8')).toContain('## Strengths\n\nMost courses ran to capacity.');
  });
});

describe('the command', () => {
  it('says what went where, and with --dry-run writes nothing', async () => {
    const dir = tempDir();
    await writeWordDocument(join(dir, 'Annual Report 2022-23.docx'), SANDWELL_REPORT);
    const dry = runCli(['import', 'Annual Report 2022-23.docx', '--dry-run'], dir);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    expect(dry.stdout).toMatch(/^Would import Annual Report 2022-23\.docx into data\/2022-23:$/m);
    expect(dry.stdout).toMatch(/^ {2}priorities +priorities\.yaml +3 priorities, 3 paragraphs, 2 lists$/m);
    expect(dry.stdout).toMatch(/^ {2}indicators +indicators\.yaml +4 indicators, 1 table$/m);
    expect(dry.stdout).toMatch(/^ {2}not placed +unplaced\.md +5 parts \(6 blocks of text under them\)$/m);
    expect(dry.stdout).toContain('under "Contacts and Referrals": its column "Sandwell" names no reporting year');
    const real = runCli(['import', 'Annual Report 2022-23.docx'], dir);
    expect(real.status).toBe(0);
    expect(real.stdout.replace(/^Imported/m, 'Would import').replace(/Wrote:/, 'Nothing was written (--dry-run). These files would be:')).toBe(dry.stdout);
    expect(existsSync(join(dir, 'data', '2022-23', 'report.yaml'))).toBe(true);
  });

  it('never writes over a year that exists, and says what to do instead', async () => {
    const dir = tempDir();
    await writeWordDocument(join(dir, 'r.docx'), SANDWELL_REPORT);
    cpSync(DEMO, join(dir, 'data'), { recursive: true });
    const before = everything(join(dir, 'data'));
    const run = runCli(['import', 'r.docx', '--year', '2022-23'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/data\/2022-23 already exists, and import never writes over a year: import one section into it with --into SECTION/);
    expect(everything(join(dir, 'data'))).toBe(before);
  });

  it('refuses what is not a Word document, and a year it cannot find, in words for the user', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.docx'), 'not a zip');
    expect(runCli(['import', 'report.docx', '--year', '2022-23'], dir).stderr).toMatch(/is not a Word document that can be read \(\.docx\): open it in Word and save it as a Word Document/);
    expect(runCli(['import', 'report.pdf'], dir).stderr).toMatch(/report\.pdf is not a \.docx file/);
    await writeWordDocument(join(dir, 'notes.docx'), UNKNOWN_STRUCTURE);
    const run = runCli(['import', 'notes.docx'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/notes\.docx does not name one reporting year in its title: give it with --year/);
    expect(runCli(['import', 'notes.docx', '--into', 'trainig'], dir).stderr).toMatch(/--into trainig is not a section the importer knows\. Did you mean training\?/);
  });
});

describe('one agency\'s contribution, --into', () => {
  it('adds the document to one section of a year that exists, keeping what the file said and touching no other file', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    cpSync(DEMO, data, { recursive: true });
    await writeWordDocument(join(dir, 'police.docx'), POLICE_TRAINING);
    const training = join(data, '2022-23', 'training.yaml');
    const before = readFileSync(training, 'utf8');
    const others = readdirSync(join(data, '2022-23')).filter((name) => name !== 'training.yaml').map((name) => [name, readFileSync(join(data, '2022-23', name), 'utf8')]);

    const run = runCli(['import', 'police.docx', '--into', 'training', '--data', 'data'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}training +training\.yaml +1 paragraph, 1 list$/m);
    expect(run.stdout).not.toMatch(/unplaced/);

    const after = readFileSync(training, 'utf8');
    const summaryBefore = (parse(before) as { summary: string }).summary;
    const summary = (parse(after) as { summary: string }).summary;
    expect(summary.startsWith(summaryBefore.trimEnd())).toBe(true);
    expect(summary.slice(summaryBefore.trimEnd().length)).toBe('\n\n#### Police contribution: training\n\nOfficers attended the partnership\'s courses on exploitation.\n\n#### Courses\n\n- Exploitation awareness\n- Domestic abuse and children');
    // The file's comments stay.
    for (const comment of before.match(/^#.*$/gm) ?? []) expect(after).toContain(comment);
    for (const [name, text] of others) expect(readFileSync(join(data, '2022-23', name!), 'utf8'), name).toBe(text);
    expect(existsSync(join(data, '2022-23', 'unplaced.md'))).toBe(false);
    expect((await check({ data, year: '2022-23' })).problems).toEqual([]);
  });

  it('fills a field still marked TO DO, and leaves a file it cannot read untouched', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    await writeWordDocument(join(dir, 'whole.docx'), UNKNOWN_STRUCTURE);
    await importDocument({ file: join(dir, 'whole.docx'), data, year: '2023-24' });
    expect(yaml(join(data, '2023-24', 'lado.yaml')).summary).toMatch(/^TO DO:/);
    await writeWordDocument(join(dir, 'lado.docx'), [{ p: 'The LADO received allegations about staff in schools.' }]);
    await importDocument({ file: join(dir, 'lado.docx'), data, year: '2023-24', into: 'lado' });
    expect(yaml(join(data, '2023-24', 'lado.yaml')).summary).toBe('The LADO received allegations about staff in schools.');

    // Text the scrutiny section cannot place (it is not the scrutineer's findings or statement) is added to unplaced.md, named by its document.
    await writeWordDocument(join(dir, 'scrutiny.docx'), [{ h: 1, text: 'Scrutineer visit' }, { p: 'The scrutineer visited the front door.' }]);
    const before = readFileSync(join(data, '2023-24', 'unplaced.md'), 'utf8');
    await importDocument({ file: join(dir, 'scrutiny.docx'), data, year: '2023-24', into: 'scrutiny' });
    const unplaced = readFileSync(join(data, '2023-24', 'unplaced.md'), 'utf8');
    expect(unplaced.startsWith(before.trimEnd())).toBe(true);
    expect(unplaced.slice(before.trimEnd().length)).toBe('\n\n## Scrutineer visit (from scrutiny.docx)\n\nThe scrutineer visited the front door.\n');

    // Priorities are added to the list, with ids kept unique, one to a line.
    writeFileSync(join(data, '2023-24', 'priorities.yaml'), '# Our priorities\npriorities: []\n');
    await writeWordDocument(join(dir, 'priorities.docx'), [{ h: 1, text: 'Neglect' }, { bold: 'What we did' }, { p: 'Agreed a neglect dataset.' }, { h: 1, text: 'Neglect' }]);
    await importDocument({ file: join(dir, 'priorities.docx'), data, year: '2023-24', into: 'priorities' });
    expect(readFileSync(join(data, '2023-24', 'priorities.yaml'), 'utf8')).toBe('# Our priorities\npriorities:\n  - id: neglect\n    title: Neglect\n    activity:\n      - Agreed a neglect dataset.\n  - id: neglect-2\n    title: Neglect\n');

    writeFileSync(join(data, '2023-24', 'lado.yaml'), 'summary: [unclosed\n');
    await expect(importDocument({ file: join(dir, 'lado.docx'), data, year: '2023-24', into: 'lado' })).rejects.toThrow(/lado\.yaml has YAML errors .* so nothing was imported/);
    expect(readFileSync(join(data, '2023-24', 'lado.yaml'), 'utf8')).toBe('summary: [unclosed\n');
  });
});

describe('a CLI run from the built package', () => {
  it('is listed in report --help', () => {
    expect(execFileSync('node', [CLI, '--help'], { encoding: 'utf8' })).toMatch(/^ {2}import \[options\] <file> +Start a year from a Word document/m);
  });
});
