/**
 * `report build --all`: every year in the data folder, or every year of every partnership in
 * a folder of partnership folders (as a council hosting several would keep them), with one
 * browser and a bounded number of documents printing at once.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { build, checkBuildOptions, FORMATS, type BuildOptions, type BuildResult } from './build.js';
import { UserError } from './errors.js';
import { openDataFolder } from './load/data-folder.js';
import { findPartnerships } from './load/partnerships.js';
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
  const { single, partnerships } = findPartnerships(dataDir);
  const targets: BuildTarget[] = [];
  for (const partnership of partnerships) {
    const out = single ? outDir : join(outDir, partnership.name);
    for (const year of (await openDataFolder(partnership.data)).years) {
      targets.push({ label: `${partnership.name} ${year}`, data: partnership.data, year, out });
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
