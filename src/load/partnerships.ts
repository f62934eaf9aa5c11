/**
 * Finds the partnerships in a folder, for the commands that take many at once (`report build
 * --all`, `report validate --all`): the folder itself when it holds partnership.yaml, else each
 * folder in it that does (as a council hosting several partnerships, or a national reviewer,
 * would keep them), in order of name.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath } from '../util/display-path.js';
import { PARTNERSHIP_FILE } from './data-folder.js';

export interface PartnershipFolder {
  /** Its folder's name, which names its reports in output: "sandwell" in "sandwell 2022-23". */
  name: string;
  /** Its data folder, absolute. */
  data: string;
}

export interface FoundPartnerships {
  /** Whether the folder is one partnership's data folder, rather than a folder of them. */
  single: boolean;
  partnerships: PartnershipFolder[];
  /** Folders beside the partnerships without a partnership.yaml, so not taken for one (hidden ones left out). */
  skipped: string[];
}

export function findPartnerships(dataDir: string): FoundPartnerships {
  const root = resolve(dataDir);
  if (existsSync(join(root, PARTNERSHIP_FILE))) return { single: true, partnerships: [{ name: basename(root), data: root }], skipped: [] };
  const folders = (existsSync(root) ? readdirSync(root, { withFileTypes: true }) : [])
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const partnerships = folders.filter((name) => existsSync(join(root, name, PARTNERSHIP_FILE))).map((name) => ({ name, data: join(root, name) }));
  if (partnerships.length === 0) {
    throw new UsageError(`${displayPath(root)} holds neither partnership.yaml nor folders of partnerships that do.`);
  }
  const skipped = folders.filter((name) => !name.startsWith('.') && !existsSync(join(root, name, PARTNERSHIP_FILE)));
  return { single: false, partnerships, skipped };
}
