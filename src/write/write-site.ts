/**
 * Stage 4a, write: the report's folder is made complete in a staging folder beside its
 * target and only then moved into place, so a failed build never leaves a half-written
 * report where a website would pick it up.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Asset } from '../render/render-report.js';

export async function createStaging(target: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  return mkdtemp(join(dirname(target), `.${basename(target)}-building-`));
}

export async function writeSite(folder: string, html: string, assets: Asset[]): Promise<void> {
  await writeFile(join(folder, 'index.html'), html);
  for (const asset of assets) {
    const path = join(folder, asset.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, asset.content);
  }
}

/** Replaces `target` with the finished staging folder. */
export async function publishStaging(staging: string, target: string): Promise<void> {
  const previous = `${staging}-previous`;
  let hadPrevious = true;
  try {
    await rename(target, previous);
  } catch {
    hadPrevious = false;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(previous, target);
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
