// Before packing: removes compiled files in build/ whose source in src/ is gone, so the
// package never ships a module that was deleted (tsc adds and updates, but never removes).
// Only stale files are touched, so anything running from build/ meanwhile is unaffected.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const build = join(root, 'build');

/** Files written into build/ by a build step of their own, not compiled from src/. */
const GENERATED = new Set([join(build, 'render', 'bundled-templates.js')]);

function walk(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path);
    else {
      const source = join(root, 'src', relative(build, path)).replace(/(\.d)?\.js(\.map)?$|\.d\.ts(\.map)?$/, '.ts');
      if (!existsSync(source) && !GENERATED.has(path)) rmSync(path);
    }
  }
}

if (existsSync(build)) walk(build);
