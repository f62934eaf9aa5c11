/**
 * The version of an installed package, read from its package.json without loading the package
 * (whose exports may not list package.json): from the file it resolves to, up to the folder
 * whose package.json has its name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function packageVersion(name: string, from: string | URL): string {
  let folder = dirname(createRequire(from).resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // No package.json here (or not one that can be read): keep walking up.
    }
    const parent = dirname(folder);
    if (parent === folder) return 'unknown';
    folder = parent;
  }
}
