/**
 * Where the `# yaml-language-server: $schema=...` line of a data file points. It is committed
 * with the data, so it must resolve for a colleague's clone and for CI as well: a path relative
 * to the YAML file that stays inside the user's repository, never an absolute path or a path
 * into wherever this tool happens to be on one machine.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SCHEMAS_DIR, toolPackageName } from '../model/json-schema.js';
import { upFrom } from '../util/up-from.js';

/** The root of the git repository holding `dir` (the nearest folder with a .git), if any. */
export function repositoryOf(dir: string): string | undefined {
  for (const folder of upFrom(dir)) if (existsSync(join(folder, '.git'))) return folder;
  return undefined;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function relativeFrom(yamlFile: string, target: string): string {
  return relative(dirname(resolve(yamlFile)), target).split(sep).join('/');
}

/**
 * The `$schema` path for `yamlFile` (in data folder `dataDir`) to the schema file `schemaFile`:
 * 1. the tool installed as a package: node_modules/<package name>/schemas/ in the data folder
 *    or the nearest folder above it that has one, up to the repository's root;
 * 2. else this repository's own checkout (the demo, the tests, a fork): the tool's schemas/
 *    folder, when it is in the same git repository as the data folder;
 * 3. else the node_modules form anyway, at the repository's root (the folder with
 *    package.json, or .git, nearest the data folder; the data folder itself if neither).
 *    The schemas are not reachable from inside the repository yet, and any path that does
 *    resolve here (absolute, or into the tool's folder elsewhere on this machine) would break
 *    for everyone else once committed; this one resolves as soon as the tool is installed
 *    there with npm, as README's first steps do.
 */
export function schemaPathFor(yamlFile: string, dataDir: string, schemaFile: string): string {
  const name = toolPackageName();
  const repository = repositoryOf(dataDir);
  for (const folder of upFrom(dataDir)) {
    const installed = join(folder, 'node_modules', name);
    if (existsSync(installed)) return relativeFrom(yamlFile, join(installed, 'schemas', schemaFile));
    // A node_modules above the repository (in a home folder, say) is not in a colleague's clone.
    if (folder === repository) break;
  }
  if (repository && isInside(SCHEMAS_DIR, repository) && repositoryOf(SCHEMAS_DIR) === repository) {
    return relativeFrom(yamlFile, join(SCHEMAS_DIR, schemaFile));
  }
  let root = resolve(dataDir);
  for (const folder of upFrom(dataDir)) {
    if (existsSync(join(folder, 'package.json'))) {
      root = folder;
      break;
    }
    if (folder === repository) {
      root = folder;
      break;
    }
  }
  return relativeFrom(yamlFile, join(root, 'node_modules', name, 'schemas', schemaFile));
}
