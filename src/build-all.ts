/**
 * `report build --all`: every year in the data folder, or every year of every partnership in
 * a folder of partnership folders (as a council hosting several would keep them), with one
 * browser and a bounded number of documents printing at once.
 */
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { build, checkBuildOptions, FORMATS, type BuildOptions, type BuildResult } from './build.js';
import { UsageError, UserError } from './errors.js';
import { openDataFolder, PARTNERSHIP_FILE } from './load/data-folder.js';
import { displayPath } from './util/display-path.js';
import type { Printer } from './write/print-pdf.js';

export interface BuildTarget {
  /** How the report is named in output: "sandwell 2022-23". */
  label: string;
  data: string;
  year: string;
  out: string;
}

/** What to build: the years of one partnership, or of each partnership in the folder. */
export async function findTargets(dataDir: string, outDir: string): Promise<BuildTarget[]> {
  const root = resolve(dataDir);
  const partnerships = existsSync(join(root, PARTNERSHIP_FILE))
    ? [{ data: root, out: outDir, name: '' }]
    : (existsSync(root) ? readdirSync(root, { withFileTypes: true }) : [])
        .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, PARTNERSHIP_FILE)))
        .map((entry) => ({ data: join(root, entry.name), out: join(outDir, entry.name), name: entry.name }))
        .sort((a, b) => a.name.localeCompare(b.name));
  if (partnerships.length === 0) {
    throw new UsageError(`${displayPath(root)} holds neither partnership.yaml nor folders of partnerships that do.`);
  }
  const targets: BuildTarget[] = [];
  for (const partnership of partnerships) {
    for (const year of (await openDataFolder(partnership.data)).years) {
      targets.push({ label: `${partnership.name || basename(partnership.data)} ${year}`, data: partnership.data, year, out: partnership.out });
    }
  }
  return targets;
}

export interface BuildAllOptions extends Omit<BuildOptions, 'year' | 'printer' | 'onProgress'> {
  /** How many documents may be rendered and printed at once; the number of cores by default. */
  concurrency?: number;
  /** Told as each report is finished, or fails. */
  onReport?: (target: BuildTarget, outcome: BuildResult | UserError) => void;
}

export interface BuildAllResult {
  built: Array<{ target: BuildTarget; result: BuildResult }>;
  failed: Array<{ target: BuildTarget; error: UserError }>;
}

export async function buildAll(options: BuildAllOptions = {}): Promise<BuildAllResult> {
  await checkBuildOptions(options);
  const targets = await findTargets(options.data ?? 'data', options.out ?? 'dist');
  const formats = options.formats ?? [...FORMATS];
  let printer: Printer | undefined;
  if (formats.includes('pdf')) {
    const { Printer: PrinterClass } = await import('./write/print-pdf.js');
    printer = await PrinterClass.open(options.browser);
  }
  const outcome: BuildAllResult = { built: [], failed: [] };
  try {
    const queue = [...targets];
    const worker = async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        try {
          const result = await build({ ...options, formats, data: target.data, year: target.year, out: target.out, ...(printer ? { printer } : {}) });
          outcome.built.push({ target, result });
          options.onReport?.(target, result);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          outcome.failed.push({ target, error });
          options.onReport?.(target, error);
        }
      }
    };
    const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), targets.length));
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await printer?.close();
  }
  return outcome;
}
