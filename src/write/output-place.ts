/**
 * Where a build may write. The output folder must be apart from everything the build reads:
 * the data folder and the templates folder. Neither may be the other, contain the other or
 * lie inside the other, so no build, however it is called (`--out data`, `--data . --out .`,
 * `--out ..`), can write over a partnership's files. Links are resolved before comparing.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath } from '../util/display-path.js';

/** The real path of `path`, resolving links in the part of it that exists. */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
  }
}

function within(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export interface ReadFolder {
  /** How the folder is named to the user: "data folder", "templates folder". */
  what: string;
  path: string;
}

/** Refuses (exit 2) an output folder that is, contains or lies inside a folder the build reads. */
export function checkOutputPlace(out: string, reads: ReadFolder[]): void {
  const realOut = realPathOf(out);
  for (const read of reads) {
    const realRead = realPathOf(read.path);
    const relation =
      realOut === realRead ? 'is' : within(realRead, realOut) ? 'is inside' : within(realOut, realRead) ? 'contains' : undefined;
    if (!relation) continue;
    throw new UsageError(
      `--out ${out} ${relation} the ${read.what} (${displayPath(resolve(read.path))}), so a build could write over your files. Nothing was written.\n` +
        `Choose an output folder outside the ${read.what}, such as --out ${suggestion(realRead)}.`,
    );
  }
}

/** A folder beside the data folder: ../dist as seen from the working folder. */
function suggestion(readFolder: string): string {
  return displayPath(join(dirname(readFolder), 'dist'));
}
