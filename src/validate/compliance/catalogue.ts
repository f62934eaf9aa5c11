/**
 * Requirement catalogues: the statutory guidance as editable data (schemas/requirements/*.yaml).
 * Each requirement has a stable id, the guidance reference, must or should, the requirement in
 * plain words, and the checks that enforce it. Each catalogue also says from which reporting
 * period it applies, so the catalogues are found by listing the folder, never named in code: a
 * new edition of the guidance is a new file there. A partnership may write its own catalogue,
 * usually extending one of those with local commitments.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { DataProblemsError, UsageError } from '../../errors.js';
import { parseYaml, positionOf, readTextFile, type YamlFile } from '../../load/yaml-file.js';
import { catalogueSchema, DATA_FILE_NAMES, type Catalogue, type DataFileName } from '../../model/catalogue.js';
import type { Problem } from '../../problems.js';
import { displayPath } from '../../util/display-path.js';
import { checkAgainstSchema } from '../schema-check.js';
import { closest } from '../../util/suggest.js';
import { CHECKS } from './checks/index.js';

/** The folder of the catalogues that come with the tool. */
export const CATALOGUES_DIR = fileURLToPath(new URL('../../../schemas/requirements/', import.meta.url));

/** The ids of the catalogues in `dir`: the names of its .yaml files, in order. */
export async function catalogueIds(dir: string = CATALOGUES_DIR): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new UsageError(`The requirement catalogues in ${displayPath(dir)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): check that the folder exists and can be read.`);
  }
  return names.filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -'.yaml'.length)).sort();
}

/** A catalogue as read, with its file, so later problems can point into it. */
interface ReadCatalogue {
  catalogue: Catalogue;
  file: YamlFile;
  /** Whether it gives its own applies_from (rather than taking its base's). */
  ownAppliesFrom: boolean;
}

/**
 * Reads a catalogue file, with the catalogue it extends (looked for in `dir`). A catalogue that
 * extends another takes from it the requirements it does not restate, and any of applies_from,
 * required_by and the why texts it leaves out; one that extends none must give them all.
 */
export async function readCatalogue(path: string, dir: string = CATALOGUES_DIR): Promise<Catalogue> {
  return (await readCatalogueFile(path, dir, [])).catalogue;
}

type ParsedCatalogue = { file: YamlFile; data: z.infer<typeof catalogueSchema> } | { problems: Problem[] };

/**
 * Catalogue files as parsed and checked against the model, by path, with the text each was
 * parsed from. A batch (report validate --all) checks every report against the same few
 * files, so each is parsed once; a file whose text has changed since (one being edited while
 * report preview runs) is parsed again.
 */
const parsedCatalogues = new Map<string, { text: string; parsed: ParsedCatalogue }>();

async function parseCatalogueFile(path: string): Promise<ParsedCatalogue> {
  const { text, problems } = await readTextFile(path, 'YAML');
  if (text === undefined) return { problems };
  // The places in its problems are shown relative to the working folder.
  const key = `${process.cwd()}\u0000${resolve(path)}`;
  const known = parsedCatalogues.get(key);
  if (known?.text === text) return known.parsed;
  const read = parseYaml(text, path);
  const found = read.file ? checkAgainstSchema(read.file, catalogueSchema) : read.problems;
  const parsed = read.file && found.length === 0 ? { file: read.file, data: catalogueSchema.parse(read.file.data) } : { problems: found };
  parsedCatalogues.set(key, { text, parsed });
  return parsed;
}

/** `chain`: the files already being read on the way here, so a loop of extends is caught. */
async function readCatalogueFile(path: string, dir: string, chain: string[], expectedId?: string): Promise<ReadCatalogue> {
  const parsed = await parseCatalogueFile(path);
  if ('problems' in parsed) throw new DataProblemsError(parsed.problems);
  const { file, data } = parsed;
  const at = (fieldPath: Array<string | number>) => ({ file: file.displayPath, ...positionOf(file, fieldPath), path: fieldPath });
  const own: Problem[] = [];
  if (expectedId !== undefined && data.id !== expectedId) {
    own.push({
      ...at(['id']),
      message: `the id is "${data.id}" but the file is ${basename(path)}`,
      hint: `catalogues in ${displayPath(dir)} are known by their file name: set id: ${expectedId}, or rename the file ${data.id}.yaml`,
    });
  }
  data.requirements.forEach((requirement, r) =>
    requirement.checks.forEach((check, c) => {
      if (CHECKS.has(check)) return;
      const suggestion = closest(check, CHECKS.keys());
      own.push({
        ...at(['requirements', r, 'checks', c]),
        message: `there is no check "${check}"`,
        hint: suggestion ? `did you mean "${suggestion}"?` : `checks are: ${[...CHECKS.keys()].join(', ')}`,
      });
    }),
  );

  let base: Catalogue | undefined;
  if (data.extends !== undefined) {
    const ids = await catalogueIds(dir);
    const basePath = join(dir, `${data.extends}.yaml`);
    if (!ids.includes(data.extends)) {
      const suggestion = closest(data.extends, ids);
      own.push({
        ...at(['extends']),
        message: `there is no catalogue "${data.extends}" to extend`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : `the catalogues in ${displayPath(dir)} are: ${ids.join(', ')}`,
      });
    } else if ([...chain, resolve(path)].includes(resolve(basePath))) {
      own.push({
        ...at(['extends']),
        message: data.extends === data.id ? 'a catalogue cannot extend itself' : `"${data.extends}" extends this catalogue in turn, so neither has a starting point`,
        hint: data.extends === data.id ? 'name the catalogue this one adds to, or remove extends' : 'remove extends from one of them',
      });
    } else if (!own.length) {
      base = (await readCatalogueFile(basePath, dir, [...chain, resolve(path)], data.extends)).catalogue;
    }
  } else {
    // With nothing to inherit from, the catalogue must say everything itself.
    const add = (field: string, what: string) => `add ${field}: ${what}, or extends: a catalogue to take it from`;
    if (data.applies_from === undefined) own.push({ ...at(['applies_from']), message: 'is missing', hint: add('applies_from', 'the first reporting period start it applies to, e.g. 2024-04-01') });
    if (data.required_by === undefined) own.push({ ...at(['required_by']), message: 'is missing', hint: add('required_by', 'the law that requires the yearly report, as the appendix names it') });
    if (data.why === undefined) {
      own.push({ ...at(['why']), message: 'is missing', hint: add('why', `a sentence on why the guidance wants each data file (${DATA_FILE_NAMES.join(', ')})`) });
    } else {
      for (const name of DATA_FILE_NAMES) {
        if (data.why[name] === undefined) own.push({ ...at(['why', name]), message: `has no text for ${name}.yaml`, hint: add(`why.${name}`, `why the guidance wants ${name}.yaml`) });
      }
    }
  }
  if (own.length) throw new DataProblemsError(own);

  const restated = new Set(data.requirements.map((requirement) => requirement.id));
  const why = { ...base?.why, ...data.why } as Record<DataFileName, string>;
  const requirements = [...(base?.requirements.filter((requirement) => !restated.has(requirement.id)) ?? []), ...data.requirements];
  // Either given here or taken from the base: both were checked above.
  const appliesFrom = (data.applies_from ?? base?.appliesFrom)!;
  // The words for when it is in force, and the year that straddles the change to it, belong
  // to its date: taken from the base only with the base's applies_from.
  const regime = data.regime ?? (data.applies_from === undefined ? base?.regime : undefined);
  const transition = data.transition ?? (data.applies_from === undefined ? base?.transition : undefined);
  if (data.transition) {
    if (data.transition.from >= appliesFrom) {
      own.push({
        ...at(['transition', 'from']),
        message: `the transition starts on ${data.transition.from}, not before applies_from (${appliesFrom})`,
        hint: 'the transition is for the periods that start before this catalogue applies: give a date before applies_from, or remove transition',
      });
    }
    const ids = requirements.map((requirement) => requirement.id);
    data.transition.advised.forEach((id, index) => {
      if (ids.includes(id)) return;
      const suggestion = closest(id, ids);
      own.push({
        ...at(['transition', 'advised', index]),
        message: `there is no requirement "${id}" in this catalogue`,
        hint: suggestion ? `did you mean "${suggestion}"?` : `its requirements are: ${ids.join(', ')}`,
      });
    });
    if (own.length) throw new DataProblemsError(own);
  }
  return {
    catalogue: {
      id: data.id,
      title: data.title,
      shortTitle: data.short_title,
      appliesFrom,
      requiredBy: (data.required_by ?? base?.requiredBy)!,
      why,
      ...(regime ? { regime } : {}),
      ...(transition ? { transition } : {}),
      requirements,
    },
    file,
    ownAppliesFrom: data.applies_from !== undefined,
  };
}

/**
 * Every catalogue in `dir` (by default the tool's own), earliest applies_from first. Two that
 * apply from the same date are a problem: which to use by default would be a guess.
 */
export async function discoverCatalogues(dir: string = CATALOGUES_DIR): Promise<Catalogue[]> {
  const read: ReadCatalogue[] = [];
  const problems: Problem[] = [];
  for (const id of await catalogueIds(dir)) {
    try {
      read.push(await readCatalogueFile(join(dir, `${id}.yaml`), dir, [], id));
    } catch (error) {
      if (!(error instanceof DataProblemsError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new DataProblemsError(problems);
  const byDate = new Map<string, ReadCatalogue>();
  for (const entry of read) {
    const other = byDate.get(entry.catalogue.appliesFrom);
    if (!other) {
      byDate.set(entry.catalogue.appliesFrom, entry);
      continue;
    }
    // The one that took its date from the catalogue it extends is the one to change.
    const [blamed, kept] = other.ownAppliesFrom && !entry.ownAppliesFrom ? [entry, other] : !other.ownAppliesFrom && entry.ownAppliesFrom ? [other, entry] : [entry, other];
    const field = blamed.ownAppliesFrom ? 'applies_from' : 'extends';
    problems.push({
      file: blamed.file.displayPath,
      ...positionOf(blamed.file, [field]),
      path: [field],
      message: `applies from ${blamed.catalogue.appliesFrom}, as ${kept.catalogue.id} does, so which one a report is checked against by default is unclear`,
      hint: `give it an applies_from of its own, or keep it outside ${displayPath(dir)} and choose it with --standard and its file`,
    });
  }
  if (problems.length) throw new DataProblemsError(problems);
  return read.map((entry) => entry.catalogue).sort((a, b) => a.appliesFrom.localeCompare(b.appliesFrom));
}

export interface ChosenCatalogue {
  catalogue: Catalogue;
  /** Why this one, for the output: which regime, and why, in plain words. */
  reason: string;
  /**
   * For a period that straddles the change to the next catalogue: that catalogue's
   * requirements the period is advised, not required, to meet (added to `catalogue`), and why.
   */
  advised?: Advised;
}

export interface Advised {
  /** The ids of the requirements advised, not required. */
  ids: string[];
  /** The guidance that advises them, e.g. "Working Together 2023". */
  by: string;
  /** Why they are not yet required, in plain words. */
  note: string;
}

const CHOOSE_ANOTHER = 'choose another with --standard';

/**
 * The catalogue in force for a period: the one with the latest applies_from on or before its
 * start (`catalogues` earliest first, as discoverCatalogues gives them). A period that starts
 * before them all is checked against the earliest, and the reason says so; a period in the
 * next catalogue's transition is checked against this one with the next one's advised
 * requirements added; none only when there are no catalogues. `period` names the period in
 * the reason, e.g. "2014-15".
 */
export function catalogueInForce(catalogues: Catalogue[], periodStart: string, period = `starting ${periodStart}`): ChosenCatalogue | undefined {
  const earliest = catalogues[0];
  if (earliest && periodStart < earliest.appliesFrom) {
    const used = earliest.regime ? `it is checked as ${earliest.regime.report}, the earliest here` : 'the earliest is used';
    return { catalogue: earliest, reason: `the period ${period} starts before ${earliest.appliesFrom}, the earliest any catalogue here is for, so ${used}; ${CHOOSE_ANOTHER}` };
  }
  const index = catalogues.findLastIndex((catalogue) => catalogue.appliesFrom <= periodStart);
  if (index < 0) return undefined;
  const catalogue = catalogues[index]!;
  const next = catalogues[index + 1];
  if (next?.transition && periodStart >= next.transition.from) {
    const { transition } = next;
    const present = new Set(catalogue.requirements.map((requirement) => requirement.id));
    const added = next.requirements.filter((requirement) => transition.advised.includes(requirement.id) && !present.has(requirement.id));
    const checkedAs = catalogue.regime ? `checked as ${catalogue.regime.report}` : `checked against ${catalogue.shortTitle}`;
    return {
      catalogue: { ...catalogue, requirements: [...catalogue.requirements, ...added] },
      reason: `the period ${period} ${transition.period}: ${transition.note}, so it is ${checkedAs}, with what ${next.shortTitle} adds advised, not required; ${CHOOSE_ANOTHER}`,
      advised: { ids: added.map((requirement) => requirement.id), by: next.shortTitle, note: transition.note },
    };
  }
  if (catalogue.regime) return { catalogue, reason: `the period ${period} ${catalogue.regime.period}: ${catalogue.regime.report}; ${CHOOSE_ANOTHER}` };
  const why =
    next === undefined
      ? `the period starts on or after ${catalogue.appliesFrom}`
      : index === 0
        ? `the period starts before ${next.appliesFrom}`
        : `the period starts on or after ${catalogue.appliesFrom} and before ${next.appliesFrom}`;
  return { catalogue, reason: `${why}; ${CHOOSE_ANOTHER}` };
}

/** Says that there is no catalogue to check a report against. */
export function noCatalogueFor(dir: string = CATALOGUES_DIR): string {
  return `There are no requirement catalogues in ${displayPath(dir)}.`;
}

/**
 * --standard with a catalogue's id or a catalogue file; by default the catalogue in force for
 * the period. `dir` is where catalogues are found (the tool's own unless a test says otherwise);
 * `period` names the period in the reason, e.g. "2014-15".
 */
export async function chooseCatalogue(periodStart: string, standard?: string, dir: string = CATALOGUES_DIR, period?: string): Promise<ChosenCatalogue> {
  if (standard === undefined) {
    const catalogues = await discoverCatalogues(dir);
    const chosen = catalogueInForce(catalogues, periodStart, period);
    if (chosen) return chosen;
    throw new UsageError(`${noCatalogueFor(dir)} Give one with --standard and the catalogue's file.`);
  }
  const ids = await catalogueIds(dir);
  if (ids.includes(standard)) {
    return { catalogue: (await readCatalogueFile(join(dir, `${standard}.yaml`), dir, [], standard)).catalogue, reason: 'chosen with --standard' };
  }
  const path = resolve(standard);
  if (!existsSync(path)) {
    throw new UsageError(
      ids.length
        ? `--standard ${standard} is neither ${ids.join(' nor ')} nor a catalogue file that exists.`
        : `--standard ${standard} is not a catalogue file that exists, and there are no catalogues in ${displayPath(dir)}.`,
    );
  }
  return { catalogue: await readCatalogue(path, dir), reason: `chosen with --standard ${standard}` };
}
