/**
 * `report import`: last year's Word report (or a partner agency's contribution) into a data
 * folder. A whole document becomes a new year folder like `report init` writes, with what the
 * document says in the fields it belongs to and every other field still marked TO DO; one
 * contribution (--into SECTION) is added to a year that exists, leaving the rest as it was.
 * What could not be placed goes to the year's unplaced.md, which validate lists as to-dos.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { UsageError } from '../../errors.js';
import { openDataFolder, chooseYear } from '../../load/data-folder.js';
import { unplacedIntro, unplacedPart, UNPLACED_FILE } from '../../load/unplaced-file.js';
import { partnershipSchema } from '../../model/partnership.js';
import { yearLabel } from '../../model/primitives.js';
import { YEAR_FILES, type YearFileName } from '../../model/report-year.js';
import { displayPath } from '../../util/display-path.js';
import { closest } from '../../util/suggest.js';
import { TO_DO_MARK } from '../../validate/to-do.js';
import { periodOf, writePartnership, YEAR_FILE_COMMENTS } from '../init.js';
import { dataFileText, TO_DO, toDo, whyFor, writeDataFile, writeNewFile, type DataFileText } from '../yaml-writer.js';
import { placeBlocks, type Placed } from './place.js';
import { readWordDocument, type WordDocument } from './read-word.js';
import { SECTION_KEYS, yearsIn, type SectionKey } from './sections.js';
import { uniqueId, type Names } from './figure-table.js';

export interface ImportOptions {
  /** The .docx file. */
  file: string;
  /** The data folder; defaults to "data". */
  data?: string;
  /** The reporting year; found from the document's title when not given. */
  year?: string;
  /** Import the document as one contribution to this section of an existing year. */
  into?: string;
  /** Say what would be written, and write nothing. */
  dryRun?: boolean;
}

export interface ImportResult {
  year: string;
  /** The year folder, as shown to the user. */
  folder: string;
  placed: Placed;
  /** Files written (or, in a dry run, that would be), as shown to the user. */
  written: string[];
  /** What mammoth could not read in the document. */
  messages: string[];
}

export async function importDocument(options: ImportOptions): Promise<ImportResult> {
  const dataDir = options.data ?? 'data';
  if (options.year !== undefined && !yearLabel.safeParse(options.year).success) throw new UsageError(`--year ${options.year} is not a reporting year: write it like 2023-24.`);
  const into = options.into === undefined ? undefined : sectionKey(options.into);
  if (!/\.docx$/i.test(options.file)) {
    throw new UsageError(`${displayPath(options.file)} is not a .docx file: open it in Word and save it as a Word Document (.docx), then import that.`);
  }
  const document = await readWordDocument(options.file);
  const source = basename(options.file);
  return into ? importContribution(options, dataDir, into, document, source) : importWhole(options, dataDir, document, source);
}

function sectionKey(name: string): SectionKey {
  const key = name.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (key === 'inspections') throw new UsageError('--into inspections is not offered: an inspection needs its name, which a contribution does not give. Import the document into another section, or add the inspection to report.yaml by hand.');
  if ((SECTION_KEYS as string[]).includes(key)) return key as SectionKey;
  const suggestion = closest(key, SECTION_KEYS);
  throw new UsageError(`--into ${name} is not a section the importer knows.${suggestion ? ` Did you mean ${suggestion}?` : ''} Sections: ${SECTION_KEYS.join(', ')}.`);
}

/** The partnership's area and region, when its data folder already says them (for table columns). */
async function namesIn(dataDir: string): Promise<Names> {
  const text = await readFile(join(dataDir, 'partnership.yaml'), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  const data = parseDocument(text).toJS() as Record<string, unknown> | null;
  const named = (value: unknown) => (typeof value === 'string' && !TO_DO_MARK.test(value) ? value : undefined);
  const area = named(data?.area);
  const region = named(data?.region);
  return { ...(area ? { area } : {}), ...(region ? { region } : {}) };
}

async function importWhole(options: ImportOptions, dataDir: string, document: WordDocument, source: string): Promise<ImportResult> {
  const year = options.year ?? yearOfDocument(document, source);
  const folder = join(dataDir, year);
  if (existsSync(folder) && (await readdir(folder)).length > 0) {
    throw new UsageError(`${displayPath(folder)} already exists, and import never writes over a year: import one section into it with --into SECTION, or give another --year.`);
  }
  const placed = placeBlocks(document.blocks, { year, names: await namesIn(dataDir) });
  const files = yearFiles(placed, year);
  const written: string[] = [];
  const why = await whyFor(periodOf(year).start);
  const partnershipPath = join(dataDir, 'partnership.yaml');
  if (!existsSync(partnershipPath)) {
    const toDoName = toDo(partnershipSchema, ['name']);
    const area = toDo(partnershipSchema, ['area']);
    const write = async (file: DataFileText) => {
      if (!options.dryRun) await writeDataFile(file);
      written.push(displayPath(file.path));
    };
    await writePartnership({ dir: dataDir, name: toDoName, area, year, localAuthority: `${TO_DO} the name of the local authority` }, write);
  }
  for (const [name, data] of Object.entries(files) as Array<[YearFileName, Record<string, unknown>]>) {
    const path = join(folder, `${name}.yaml`);
    if (!options.dryRun) {
      await writeDataFile({ ...importedFile(path, dataDir, name, year, source, why), data, ...(YEAR_FILE_COMMENTS[name] && name !== 'indicators' ? { comments: YEAR_FILE_COMMENTS[name] } : {}) });
    }
    written.push(displayPath(path));
  }
  if (placed.unplaced.length > 0) {
    const path = join(folder, UNPLACED_FILE);
    if (!options.dryRun) await writeNewFile(path, `${unplacedIntro(source)}\n${placed.unplaced.map((part) => unplacedPart(part.heading, part.blocks)).join('\n')}`);
    written.push(displayPath(path));
  }
  return { year, folder: displayPath(folder), placed, written, messages: document.messages };
}

/**
 * The year a document is for: the one reporting year its title (or first heading) names, like
 * "Annual Report 2022-23" or "2022/2023". Anything less certain asks for --year.
 */
function yearOfDocument(document: WordDocument, source: string): string {
  const firstHeading = document.blocks.find((block) => block.kind === 'heading');
  for (const text of [document.title, firstHeading?.kind === 'heading' ? firstHeading.text : undefined, source]) {
    const years = [...new Set(yearsIn(text ?? ''))];
    if (years.length === 1) return years[0]!;
  }
  throw new UsageError(`${source} does not name one reporting year in its title: give it with --year, like --year 2022-23.`);
}

/**
 * The year's files: report.yaml and priorities.yaml always, every other file the document gave
 * something to; each field the importer could not fill is marked TO DO, as report init leaves
 * it. Nothing else is filled in: no rating, kind or figure the document does not state.
 */
function yearFiles(placed: Placed, year: string): Partial<Record<YearFileName, Record<string, unknown>>> {
  const t = (file: YearFileName, ...path: string[]) => toDo(YEAR_FILES[file].schema, path);
  const skeleton: Partial<Record<YearFileName, Record<string, unknown>>> = {
    report: {
      status: 'draft',
      period: periodOf(year),
      foreword: { text: t('report', 'foreword', 'text') },
      arrangements: { summary: t('report', 'arrangements', 'summary'), what_the_partners_did: [t('report', 'arrangements', 'what_the_partners_did')], education: t('report', 'arrangements', 'education') },
      effectiveness: { assessment: t('report', 'effectiveness', 'assessment'), little_or_no_progress: t('report', 'effectiveness', 'little_or_no_progress') },
    },
    priorities: { priorities: [] },
    reviews: { summary: t('reviews', 'summary') },
    audits: { summary: t('audits', 'summary'), audits: [] },
    training: { summary: t('training', 'summary'), evaluation: { impact_on_practice: t('training', 'evaluation', 'impact_on_practice') } },
    voice: { summary: t('voice', 'summary'), feedback: [] },
    scrutiny: { arrangements: t('scrutiny', 'arrangements'), findings: [t('scrutiny', 'findings')] },
    funding: { summary: t('funding', 'summary') },
    'child-deaths': { summary: t('child-deaths', 'summary') },
    lado: { summary: t('lado', 'summary') },
    'next-year': { priorities: [] },
  };
  const files: Partial<Record<YearFileName, Record<string, unknown>>> = {};
  for (const name of Object.keys(YEAR_FILES) as YearFileName[]) {
    const base = skeleton[name];
    const imported = placed.files[name];
    if (!base && !imported) continue;
    const data = overlay(base ?? {}, imported ?? {});
    // In the model's order, as report init writes them.
    const order = Object.keys(YEAR_FILES[name].schema.shape);
    files[name] = Object.fromEntries(Object.entries(data).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
  }
  return files;
}

/** `base` with every field `imported` gives replaced by it (a TO DO gives way to the document's words). */
function overlay(base: Record<string, unknown>, imported: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(imported)) {
    const before = out[key];
    out[key] = isPlainObject(before) && isPlainObject(value) ? overlay(before, value) : value;
  }
  return out;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A year file the importer writes, said to be imported and why the guidance wants it. */
function importedFile(path: string, dataDir: string, name: YearFileName, year: string, source: string, why: Record<string, string>): Omit<DataFileText, 'data'> {
  return { path, dataDir, schemaFile: `${name}.schema.json`, heading: `${year}: ${name.replace('-', ' ')}, imported from ${source}. Check it against the document.\n${why[name]}` };
}

/* ------------------------------------------------------------ one contribution, --into */

async function importContribution(options: ImportOptions, dataDir: string, into: SectionKey, document: WordDocument, source: string): Promise<ImportResult> {
  const folder = await openDataFolder(dataDir);
  const year = chooseYear(folder, options.year);
  const yearDir = join(folder.root, year);
  const placed = placeBlocks(document.blocks, { year, names: await namesIn(dataDir), only: into });
  // Every change is worked out before anything is written, so a file that cannot be read stops the import untouched.
  const changes: Array<{ path: string; text: string }> = [];
  const why = await whyFor(periodOf(year).start);
  for (const [name, imported] of Object.entries(placed.files) as Array<[YearFileName, Record<string, unknown>]>) {
    const path = join(yearDir, `${name}.yaml`);
    const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new UsageError(`${displayPath(path)} cannot be read (${error.code ?? String(error)}), so nothing was imported: check it can be opened.`);
    });
    if (existing === undefined) {
      changes.push({ path, text: dataFileText({ ...importedFile(path, dataDir, name, year, source, why), data: withRequired(name, imported) }) });
      continue;
    }
    const yaml = parseDocument(existing, { keepSourceTokens: false });
    if (yaml.errors.length > 0) {
      throw new UsageError(`${displayPath(path)} has YAML errors (run report validate to see them), so nothing was imported: fix it, then import again.`);
    }
    addInto(yaml, imported, []);
    changes.push({ path, text: yaml.toString({ lineWidth: 100, blockQuote: 'literal' }) });
  }
  if (placed.unplaced.length > 0) {
    const path = join(yearDir, UNPLACED_FILE);
    const before = await readFile(path, 'utf8').catch(() => undefined);
    const parts = placed.unplaced.map((part) => unplacedPart(`${part.heading} (from ${source})`, part.blocks)).join('\n');
    changes.push({ path, text: before === undefined ? `${unplacedIntro(source)}\n${parts}` : `${before.replace(/\n*$/, '\n\n')}${parts}` });
  }
  if (!options.dryRun) for (const change of changes) await replaceFile(change.path, change.text);
  return { year, folder: displayPath(yearDir), placed, written: changes.map((change) => displayPath(change.path)), messages: document.messages };
}

/** A new file's lists the model requires even when empty. */
function withRequired(name: YearFileName, data: Record<string, unknown>): Record<string, unknown> {
  const required: Partial<Record<YearFileName, string>> = { priorities: 'priorities', audits: 'audits', voice: 'feedback', 'next-year': 'priorities', indicators: 'indicators' };
  const list = required[name];
  return list && data[list] === undefined ? { ...data, [list]: [] } : data;
}

const isToDo = (value: unknown) => isScalar(value) && typeof value.value === 'string' && TO_DO_MARK.test(value.value);

/**
 * Adds `imported` to the parsed file, keeping everything the file says: a field still marked TO
 * DO takes the document's words; text already written is followed by them; lists are added to
 * (their TO DO items give way). Priorities and indicators keep ids unique within the file.
 */
function addInto(yaml: Document, imported: Record<string, unknown>, path: string[]): void {
  for (const [key, value] of Object.entries(imported)) {
    const at = [...path, key];
    const existing = yaml.getIn(at, true);
    if (existing === undefined || existing === null || isToDo(existing) || (isScalar(existing) && existing.value === null)) {
      yaml.setIn(at, value);
    } else if (isPlainObject(value) && isMap(existing)) {
      addInto(yaml, value, at);
    } else if (Array.isArray(value) && isSeq(existing)) {
      existing.items = existing.items.filter((item) => !isToDo(item));
      // An empty list written as [] takes its new items one to a line, as the rest of the file has them.
      existing.flow = false;
      const ids = new Set(existing.items.map((item) => (isMap(item) ? item.get('id') : undefined)).filter((id): id is string => typeof id === 'string'));
      for (const item of value) {
        if (isPlainObject(item) && typeof item.id === 'string') {
          existing.items.push(yaml.createNode({ ...item, id: uniqueId(item.id, ids) }));
        } else existing.items.push(yaml.createNode(item));
      }
    } else if (typeof value === 'string' && isScalar(existing) && typeof existing.value === 'string') {
      existing.value = `${existing.value.trimEnd()}\n\n${value}`;
    } else {
      throw new UsageError(`The file already has ${at.join('.')} in a form the imported text cannot be added to, so nothing was imported: add the text by hand.`);
    }
  }
}

/**
 * Writes a file that exists (or not) by writing a new one beside it and renaming it over: the
 * old file is replaced whole or not at all, never left half-written.
 */
async function replaceFile(path: string, text: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const temporary = join(path, '..', `.${basename(path)}.import-${process.pid}`);
  await writeFile(temporary, text, { flag: 'wx' });
  await rename(temporary, path);
}
