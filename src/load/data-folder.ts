/**
 * Finds a partnership's files: data/partnership.yaml and data/<year>/<section>.yaml.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath } from './yaml-file.js';

export const YEAR_FOLDER = /^\d{4}-\d{2}$/;
export const PARTNERSHIP_FILE = 'partnership.yaml';

export interface DataFolder {
  /** Absolute path of the data folder. */
  root: string;
  /** Year folders present, oldest first. */
  years: string[];
}

export async function openDataFolder(dataDir: string): Promise<DataFolder> {
  const root = resolve(dataDir);
  let entries: string[];
  try {
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
    entries = await readdir(root);
  } catch {
    throw new UsageError(
      `There is no data folder at ${displayPath(root)}.\nRun the command from your partnership's folder, or name the folder with --data PATH.`,
    );
  }
  const years: string[] = [];
  for (const entry of entries) {
    if (YEAR_FOLDER.test(entry) && (await stat(join(root, entry))).isDirectory()) years.push(entry);
  }
  years.sort();
  return { root, years };
}

/** The year asked for, or the latest year folder when none was asked for. */
export function chooseYear(folder: DataFolder, year: string | undefined): string {
  if (year !== undefined) {
    if (!YEAR_FOLDER.test(year)) {
      throw new UsageError(`--year ${year} is not a reporting year: write it like 2022-23.`);
    }
    if (!folder.years.includes(year)) {
      throw new UsageError(
        `There is no folder for ${year} in ${displayPath(folder.root)}.` +
          (folder.years.length ? ` Years found: ${folder.years.join(', ')}.` : ' No year folders were found.'),
      );
    }
    return year;
  }
  const latest = folder.years.at(-1);
  if (!latest) {
    throw new UsageError(
      `${displayPath(folder.root)} has no year folder. Add one named like 2022-23 holding report.yaml and priorities.yaml.`,
    );
  }
  return latest;
}

/** The YAML files of one year folder, by base name (report.yaml -> report). */
export async function listYearFiles(folder: DataFolder, year: string): Promise<Map<string, string>> {
  return listFiles(folder, year, /^(.+)\.ya?ml$/i);
}

/** The CSV files of one year folder, by base name (indicators.csv -> indicators). */
export async function listYearCsvFiles(folder: DataFolder, year: string): Promise<Map<string, string>> {
  return listFiles(folder, year, /^(.+)\.csv$/i);
}

async function listFiles(folder: DataFolder, year: string, pattern: RegExp): Promise<Map<string, string>> {
  const dir = join(folder.root, year);
  const files = new Map<string, string>();
  for (const entry of (await readdir(dir)).sort()) {
    const match = pattern.exec(entry);
    if (match?.[1]) files.set(match[1], join(dir, entry));
  }
  return files;
}
