/**
 * Finds a partnership's files: data/partnership.yaml and data/<year>/<section>.yaml.
 * A link that leads nowhere, round in a loop, or out of the data folder is named as a problem
 * where the tool would have read it; it is never followed out of the folder.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Problem } from '../problems.js';
import { explainUnreadable } from '../read-file.js';
import { displayPath } from '../util/display-path.js';
import { UNPLACED_FILE } from './unplaced-file.js';

export const YEAR_FOLDER = /^\d{4}-\d{2}$/;
export const PARTNERSHIP_FILE = 'partnership.yaml';

export interface DataFolder {
  /** Absolute path of the data folder. */
  root: string;
  /** The data folder with every link resolved: what "inside the data folder" is measured against. */
  realRoot: string;
  /** Year folders present, oldest first. */
  years: string[];
  /** Entries named like a year folder that cannot be used (a broken link, a file). */
  problems: Problem[];
}

/** Whether `path` lies inside `root` (both absolute, links resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export async function openDataFolder(dataDir: string): Promise<DataFolder> {
  const root = resolve(dataDir);
  let entries: string[];
  let realRoot: string;
  try {
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
    entries = await readdir(root);
    realRoot = await realpath(root);
  } catch {
    throw new UsageError(
      `There is no data folder at ${displayPath(root)}.\nRun the command from your partnership's folder, or name the folder with --data PATH.`,
    );
  }
  const years: string[] = [];
  const problems: Problem[] = [];
  for (const entry of entries.filter((name) => YEAR_FOLDER.test(name))) {
    const path = join(root, entry);
    const info = await stat(path).catch(async (error: unknown) => {
      const refused = await explainUnreadable(path, error);
      problems.push({ file: displayPath(path), message: refused.message.replace('file', 'folder'), hint: refused.hint.replace('file', 'folder') });
    });
    if (info?.isDirectory()) years.push(entry);
  }
  years.sort();
  return { root, realRoot, years, problems };
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

export interface YearFiles {
  /** The YAML files, by base name (report.yaml -> report). */
  yaml: Map<string, string>;
  /** The CSV files, by base name (indicators.csv -> indicators). */
  csv: Map<string, string>;
  /** unplaced.md, what report import left to place, when the year has one. */
  unplaced?: string;
  /** Files that cannot be read where they are: broken links, loops, links out of the folder. */
  problems: Problem[];
}

/**
 * The problem with a data file's place, if any: it must really be inside the data folder,
 * whatever links lead to it (the file itself, or its year folder).
 */
export async function checkDataFile(folder: DataFolder, path: string): Promise<Problem | undefined> {
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    const refused = await explainUnreadable(path, error);
    return { file: displayPath(path), message: refused.message, hint: refused.hint };
  }
  if (isInside(folder.realRoot, target)) return undefined;
  const isLink = (await lstat(path).catch(() => undefined))?.isSymbolicLink();
  return {
    file: displayPath(path),
    message: `${isLink ? 'is a link to' : 'is reached through a link, and really is'} ${target}, outside the data folder, so it was not read`,
    hint: 'copy the file into the data folder instead of linking to it',
  };
}

/** The data files of one year folder, read from the folder once. */
export async function listYear(folder: DataFolder, year: string): Promise<YearFiles> {
  const dir = join(folder.root, year);
  const found: YearFiles = { yaml: new Map(), csv: new Map(), problems: [] };
  for (const entry of (await readdir(dir)).sort()) {
    const match = /^(.+)\.(ya?ml|csv)$/i.exec(entry);
    const unplaced = entry === UNPLACED_FILE;
    if (!unplaced && (!match?.[1] || !match[2])) continue;
    const path = join(dir, entry);
    const problem = await checkDataFile(folder, path);
    if (problem) {
      found.problems.push(problem);
      continue;
    }
    if (unplaced) found.unplaced = path;
    else (match![2]!.toLowerCase() === 'csv' ? found.csv : found.yaml).set(match![1]!, path);
  }
  return found;
}
