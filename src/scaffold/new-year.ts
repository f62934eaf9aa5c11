/**
 * `report new-year 2023-24`: starts next year's folder from the latest year before it. The
 * partners stay in partnership.yaml; last year's priorities come forward to report progress
 * against; indicators keep their definitions, and their figures become history (read from last
 * year's folder); subgroups and the glossary carry over; every narrative field starts afresh,
 * marked TO DO.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataProblemsError, UsageError } from '../errors.js';
import { check } from '../check.js';
import { openDataFolder } from '../load/data-folder.js';
import { displayPath } from '../util/display-path.js';
import { YEAR_FILES, type YearFileName } from '../model/report-year.js';
import { yearLabel } from '../model/primitives.js';
import { periodOf, YEAR_FILE_COMMENTS, yearSkeletons } from './init.js';
import { toDo, whyFor, writeDataFile } from './yaml-writer.js';

export interface NewYearOptions {
  /** The data folder. */
  data: string;
  /** The year to start, e.g. 2023-24. */
  year: string;
}

export async function startNewYear(options: NewYearOptions): Promise<string[]> {
  if (!yearLabel.safeParse(options.year).success) throw new UsageError(`${options.year} is not a reporting year: write it like 2023-24.`);
  const folder = await openDataFolder(options.data);
  // A year that is there already is the first thing to say, even the first year (no year before it).
  const target = join(folder.root, options.year);
  if (existsSync(target)) throw new UsageError(`${displayPath(target)} already exists.`);
  const previousYear = folder.years.filter((year) => year < options.year).at(-1);
  if (!previousYear) throw new UsageError(`There is no year before ${options.year} in ${displayPath(folder.root)} to start from. Use report init for a partnership's first year.`);

  const { problems, report } = await check({ data: options.data, year: previousYear });
  if (!report) throw new DataProblemsError(problems);
  const last = report.sections;
  const t = (file: YearFileName, ...path: Array<string | number>) => toDo(YEAR_FILES[file].schema, path);
  const files = yearSkeletons(report.partnership.safeguarding_partners.map((partner) => partner.name), options.year);

  files.priorities = {
    introduction: `These are the priorities carried forward from ${previousYear}. Report what was done on each this year and the difference it made; change, add or remove priorities as the partners agreed.`,
    priorities: last.priorities.priorities.map((priority, p) => ({
      id: priority.id,
      title: priority.title,
      ...(priority.why ? { why: priority.why } : {}),
      activity: [t('priorities', 'priorities', p, 'activity')],
      impact: [{ evidence: t('priorities', 'priorities', p, 'impact', 0, 'evidence'), kind: 'indicator' }],
      progress: priority.progress,
      ...(priority.continuum ? { continuum: priority.continuum } : {}),
    })),
  };
  if (last.indicators) {
    // Definitions only: last year's figures are read from its own folder as history.
    files.indicators = {
      indicators: last.indicators.indicators.map(({ values: _values, quarters: _quarters, comparators: _comparators, counts: _counts, ...definition }) => ({ ...definition, values: {} })),
    };
  }
  if (last.subgroups) {
    files.subgroups = {
      subgroups: last.subgroups.subgroups.map((group, g) => ({
        name: group.name,
        ...(group.chair ? { chair: group.chair } : {}),
        purpose: group.purpose,
        did: [t('subgroups', 'subgroups', g, 'did')],
        difference: [t('subgroups', 'subgroups', g, 'difference')],
      })),
    };
  }
  if (last['child-deaths']) files['child-deaths'] = { panel: last['child-deaths'].panel, summary: t('child-deaths', 'summary') };
  if (last.glossary) files.glossary = last.glossary;

  const why = await whyFor(periodOf(options.year).start);
  const written: string[] = [];
  for (const [name, data] of Object.entries(files) as Array<[YearFileName, unknown]>) {
    const path = join(target, `${name}.yaml`);
    await writeDataFile({
      path,
      dataDir: options.data,
      schemaFile: `${name}.schema.json`,
      heading: `${report.partnership.name} ${options.year}: ${name.replace('-', ' ')} (started from ${previousYear}).\n${why[name]}`,
      data,
      ...(name === 'priorities'
        ? { comments: { priorities: `Carried forward from ${previousYear}: progress is last year's rating, so update it` } }
        : name === 'indicators'
          ? { comments: { indicators: `Definitions carried forward; ${previousYear}'s figures are read from its folder as history.\nAdd this year's: values: { ${options.year}: ... }, and comparators, or use indicators.csv` } }
          : YEAR_FILE_COMMENTS[name]
            ? { comments: YEAR_FILE_COMMENTS[name] }
            : {}),
    });
    written.push(displayPath(path));
  }
  return written;
}
