/**
 * Stage 4a, write: the report's folder is made complete in a staging folder beside its
 * target, then swapped in file by file, the page last, so that:
 * - a failed or killed build never leaves a half-written report where a website would pick it up;
 * - a reader always finds an index.html, the old one until the new one replaces it in one rename,
 *   and whichever one is there finds every file it links to;
 * - only what an earlier build listed in its manifest is replaced or removed: a folder the tool
 *   did not write, or a file in the way, stops the build instead;
 * - folders and files get ordinary permissions (755 and 644 under the usual umask), so a web
 *   server running as another user can read them.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath } from '../util/display-path.js';
import type { Asset } from '../render/render-report.js';
import { removeLeftBy, withLock } from './lock.js';
import { MANIFEST, manifestText, readManifest } from './manifest.js';

/** .2022-23-building-4242-1a2b3c4d: the year it builds, and the process building it. */
const STAGING = /^\.[^/]+-building-(\d+)-[0-9a-f]{8}$/;

export async function createStaging(target: string): Promise<string> {
  const outDir = dirname(target);
  await mkdir(outDir, { recursive: true });
  // Staging folders of builds that were killed outright.
  await removeLeftBy(outDir, STAGING);
  const staging = join(outDir, `.${basename(target)}-building-${process.pid}-${randomBytes(4).toString('hex')}`);
  // Not mkdtemp: its folders are private (700), and this one becomes the published folder.
  await mkdir(staging, { mode: 0o777 });
  return staging;
}

export async function writeSite(folder: string, html: string, assets: Asset[]): Promise<void> {
  await writeFile(join(folder, 'index.html'), html);
  for (const asset of assets) {
    const path = join(folder, asset.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, asset.content);
  }
}

/** Every file under `folder`, relative to it with / between parts. */
async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1).split('\\').join('/'))
    .filter((file) => file !== MANIFEST)
    .sort();
}

/** Why `file` of the new report cannot go into `target`: something not ours is in its place. */
async function inTheWay(target: string, file: string, ours: Set<string>): Promise<string | undefined> {
  const parts = file.split('/');
  for (let depth = 1; depth <= parts.length; depth++) {
    const path = parts.slice(0, depth).join('/');
    const info = await lstat(join(target, path)).catch(() => undefined);
    if (!info) return undefined;
    const last = depth === parts.length;
    if (last ? !(info.isFile() && ours.has(path)) : !info.isDirectory()) return path;
  }
  return undefined;
}

function refuse(target: string, what: string): UsageError {
  return new UsageError(
    `${displayPath(target)} ${what}, so the report was not written there and nothing in it was changed.\n` +
      'Move what is there somewhere else, or choose another folder with --out.',
  );
}

/**
 * Swaps the finished staging folder in as `target`. Only one build at a time does this for a
 * target (a lock beside it). A kill at any instant leaves a readable report: the manifest
 * lists both reports' files before any file moves, and the old files go only after the new page.
 */
export async function publishStaging(staging: string, target: string, onWait?: () => void): Promise<void> {
  const files = await filesIn(staging);
  await writeFile(join(staging, MANIFEST), manifestText(files));
  await withLock(target, async () => {
    const existing = await lstat(target).catch(() => undefined);
    if (!existing) {
      await rename(staging, target);
      return;
    }
    if (!existing.isDirectory()) throw refuse(target, `is ${existing.isSymbolicLink() ? 'a link' : 'a file'}, not a report folder this tool built`);
    const manifest = await readManifest(target);
    if (!manifest) {
      const entries = (await readdir(target)).sort();
      if (entries.length > 0) {
        const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ` and ${entries.length - 5} more` : '');
        throw refuse(target, `holds files this tool did not write (${shown})`);
      }
    }
    const ours = new Set(manifest?.files ?? []);
    const blocked = (await Promise.all(files.map((file) => inTheWay(target, file, ours)))).filter((file): file is string => file !== undefined);
    if (blocked.length > 0) throw refuse(target, `holds ${[...new Set(blocked)].join(', ')}, which this tool did not write and would have to replace`);

    // From here on, both reports' files are known to be ours, whatever happens next.
    await replaceFile(staging, target, MANIFEST, manifestText([...new Set([...ours, ...files])]));
    for (const file of files.filter((name) => name !== 'index.html')) {
      await mkdir(dirname(join(target, file)), { recursive: true });
      await rename(join(staging, file), join(target, file));
    }
    if (files.includes('index.html')) await rename(join(staging, 'index.html'), join(target, 'index.html'));
    const gone = [...ours].filter((file) => !files.includes(file));
    for (const file of gone) await rm(join(target, file), { force: true });
    await removeEmptyFolders(target, gone);
    await replaceFile(staging, target, MANIFEST, manifestText(files));
  }, onWait ? { onWait } : {});
  await rm(staging, { recursive: true, force: true });
}

/** Writes `name` in `target` in one rename, from a file written in the staging folder. */
async function replaceFile(staging: string, target: string, name: string, text: string): Promise<void> {
  const temporary = join(staging, `${name}.next`);
  await writeFile(temporary, text);
  await rename(temporary, join(target, name));
}

/** The folders that held removed files, deepest first, removed if nothing is left in them. */
async function removeEmptyFolders(target: string, removed: string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of removed) for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) folders.add(dir);
  for (const dir of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    await rmdir(join(target, dir)).catch(() => undefined);
  }
}

export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
