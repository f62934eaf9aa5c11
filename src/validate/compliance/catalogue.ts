/**
 * Requirement catalogues: the statutory guidance as editable data (schemas/requirements/*.yaml).
 * Each requirement has a stable id, the guidance reference, must or should, the requirement in
 * plain words, and the checks that enforce it. A partnership may write its own catalogue,
 * usually extending a built-in one with local commitments.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataProblemsError, UsageError } from '../../errors.js';
import { readYamlFile, positionOf } from '../../load/yaml-file.js';
import { BUILT_IN, catalogueSchema, type Catalogue } from '../../model/catalogue.js';
import type { Problem } from '../../problems.js';
import { checkAgainstSchema } from '../schema-check.js';
import { closest } from '../../util/suggest.js';
import { CHECKS } from './checks/index.js';

export const CATALOGUES_DIR = fileURLToPath(new URL('../../../schemas/requirements/', import.meta.url));
/** Working Together 2023 applies to reports for periods that start on or after this date. */
export const WT2023_FROM = '2024-04-01';

export async function readCatalogue(path: string): Promise<Catalogue> {
  const { file, problems } = await readYamlFile(path);
  if (!file) throw new DataProblemsError(problems);
  const found = checkAgainstSchema(file, catalogueSchema);
  if (found.length) throw new DataProblemsError(found);
  const data = catalogueSchema.parse(file.data);
  const unknown: Problem[] = [];
  data.requirements.forEach((requirement, r) =>
    requirement.checks.forEach((check, c) => {
      if (CHECKS.has(check)) return;
      const suggestion = closest(check, CHECKS.keys());
      unknown.push({
        file: file.displayPath,
        ...positionOf(file, ['requirements', r, 'checks', c]),
        path: ['requirements', r, 'checks', c],
        message: `there is no check "${check}"`,
        hint: suggestion ? `did you mean "${suggestion}"?` : `checks are: ${[...CHECKS.keys()].join(', ')}`,
      });
    }),
  );
  if (unknown.length) throw new DataProblemsError(unknown);
  const base = data.extends ? await readCatalogue(join(CATALOGUES_DIR, `${data.extends}.yaml`)) : undefined;
  const own = new Set(data.requirements.map((requirement) => requirement.id));
  return {
    id: data.id,
    title: data.title,
    shortTitle: data.short_title,
    requirements: [...(base?.requirements.filter((requirement) => !own.has(requirement.id)) ?? []), ...data.requirements],
  };
}

export interface ChosenCatalogue {
  catalogue: Catalogue;
  /** Why this one, for the output. */
  reason: string;
}

/** --standard wt2018|wt2023|path, or by default the guidance in force for the period. */
export async function chooseCatalogue(periodStart: string, standard?: string): Promise<ChosenCatalogue> {
  if (standard === undefined) {
    const id = periodStart < WT2023_FROM ? 'wt2018' : 'wt2023';
    const catalogue = await readCatalogue(join(CATALOGUES_DIR, `${id}.yaml`));
    const why = id === 'wt2018' ? `the period starts before ${WT2023_FROM}` : `the period starts on or after ${WT2023_FROM}`;
    return { catalogue, reason: `${why}; choose another with --standard` };
  }
  if ((BUILT_IN as readonly string[]).includes(standard)) {
    return { catalogue: await readCatalogue(join(CATALOGUES_DIR, `${standard}.yaml`)), reason: 'chosen with --standard' };
  }
  const path = resolve(standard);
  if (!existsSync(path)) {
    throw new UsageError(`--standard ${standard} is neither ${BUILT_IN.join(' nor ')} nor a catalogue file that exists.`);
  }
  return { catalogue: await readCatalogue(path), reason: `chosen with --standard ${standard}` };
}
