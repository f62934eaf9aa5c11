/**
 * Stage 1, load: read partnership.yaml and one year's files, keeping source positions.
 * Nothing is checked against the model here; unreadable or unparsable files become problems.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { YEAR_FILE_NAMES, YEAR_FILES, type YearFileName } from '../model/report-year.js';
import type { Problem } from '../problems.js';
import { closest } from '../util/suggest.js';
import { readCsvFile, type CsvFile } from './csv-file.js';
import { checkDataFile, chooseYear, listYear, openDataFolder, PARTNERSHIP_FILE, type DataFolder } from './data-folder.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';
import { readUnplaced, type UnplacedEntry } from './unplaced-file.js';
import { displayPath } from '../util/display-path.js';

export interface LoadOptions {
  /** The data folder; defaults to "data". */
  data?: string;
  /** The reporting year, e.g. "2022-23"; defaults to the latest year folder. */
  year?: string;
}

export interface LoadedReport {
  folder: DataFolder;
  year: string;
  partnership?: YamlFile;
  files: Partial<Record<YearFileName, YamlFile>>;
  /** indicators.csv, figures exported from a spreadsheet, beside or instead of indicators.yaml. */
  indicatorsCsv?: CsvFile;
  /** Last year's report.yaml, when the folder before this one has one (to check the periods join up). */
  previousReport?: YamlFile;
  /** Earlier years' indicators, oldest first: the history behind this year's figures. */
  history: Array<{ year: string; indicators?: YamlFile; indicatorsCsv?: CsvFile }>;
  /** The parts of unplaced.md (what report import could not place), each still to do. */
  unplaced: UnplacedEntry[];
  /** Problems found while reading: unreadable files, YAML syntax, missing or unknown files. */
  problems: Problem[];
}

export async function load(options: LoadOptions = {}): Promise<LoadedReport> {
  const folder = await openDataFolder(options.data ?? 'data');
  const year = chooseYear(folder, options.year);
  const problems: Problem[] = [...folder.problems];

  const partnershipPath = join(folder.root, PARTNERSHIP_FILE);
  const partnershipExists = await lstat(partnershipPath).then(() => true, () => false);
  const partnershipPlace = partnershipExists ? await checkDataFile(folder, partnershipPath) : undefined;
  const partnershipRead = partnershipExists && !partnershipPlace ? await readYamlFile(partnershipPath) : { problems: partnershipPlace ? [partnershipPlace] : [] };
  if (!partnershipExists) {
    problems.push({ file: displayPath(partnershipPath), message: 'is missing', hint: 'create partnership.yaml with the partnership\'s name, area and safeguarding partners' });
  }
  problems.push(...partnershipRead.problems);

  const listed = await listYear(folder, year);
  problems.push(...listed.problems);
  const found = listed.yaml;
  const read: Partial<Record<YearFileName, YamlFile>> = {};
  const known = new Set<string>(YEAR_FILE_NAMES);
  await Promise.all(
    [...found].map(async ([name, path]) => {
      if (!known.has(name)) {
        const suggestion = closest(name, YEAR_FILE_NAMES);
        problems.push({
          file: displayPath(path),
          message: `is not a file this tool knows, so nothing in it would reach the report`,
          hint: suggestion
            ? `did you mean ${suggestion}.yaml? Rename it.`
            : `year files are: ${YEAR_FILE_NAMES.map((file) => `${file}.yaml`).join(', ')}`,
        });
        return;
      }
      const result = await readYamlFile(path);
      problems.push(...result.problems);
      if (result.file) read[name as YearFileName] = result.file;
    }),
  );
  // In the model's order, not the order the reads finished: everything that goes through the
  // files (what validate lists, what the checks find) comes out the same way every run.
  const files: LoadedReport['files'] = {};
  for (const name of YEAR_FILE_NAMES) if (read[name]) files[name] = read[name];

  let indicatorsCsv: CsvFile | undefined;
  for (const [name, path] of listed.csv) {
    if (name !== 'indicators') {
      problems.push({
        file: displayPath(path),
        message: 'is not a file this tool knows, so nothing in it would reach the report',
        hint: 'figures exported from a spreadsheet go in indicators.csv',
      });
      continue;
    }
    const read = await readCsvFile(path);
    problems.push(...read.problems);
    indicatorsCsv = read.file;
  }

  for (const name of YEAR_FILE_NAMES) {
    if (YEAR_FILES[name].required && !found.has(name)) {
      problems.push({
        file: displayPath(join(folder.root, year, `${name}.yaml`)),
        message: 'is missing: every year needs it',
        hint: `create ${name}.yaml in ${displayPath(join(folder.root, year))}`,
      });
    }
  }

  const unplaced = listed.unplaced ? await readUnplaced(listed.unplaced) : [];

  const previousYear = folder.years[folder.years.indexOf(year) - 1];
  const previous = previousYear ? (await listYear(folder, previousYear)).yaml.get('report') : undefined;
  // Earlier years are only consulted, not checked: their own problems belong to their own year.
  const previousReport = previous ? (await readYamlFile(previous)).file : undefined;
  const history: LoadedReport['history'] = [];
  for (const earlier of folder.years.slice(0, folder.years.indexOf(year))) {
    const earlierFiles = await listYear(folder, earlier);
    const yaml = earlierFiles.yaml.get('indicators');
    const csv = earlierFiles.csv.get('indicators');
    const indicators = yaml ? (await readYamlFile(yaml)).file : undefined;
    const csvFile = csv ? (await readCsvFile(csv)).file : undefined;
    if (indicators || csvFile) history.push({ year: earlier, ...(indicators ? { indicators } : {}), ...(csvFile ? { indicatorsCsv: csvFile } : {}) });
  }

  return {
    folder,
    year,
    ...(partnershipRead.file ? { partnership: partnershipRead.file } : {}),
    files,
    ...(indicatorsCsv ? { indicatorsCsv } : {}),
    ...(previousReport ? { previousReport } : {}),
    history,
    unplaced,
    problems,
  };
}
