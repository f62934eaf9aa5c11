/**
 * What a build wrote into <out>/<year>, kept beside it as .report-build.json. A later build
 * replaces only what is listed there: a folder without one is someone else's and is never
 * touched, and files the tool did not write are left where they are.
 */
import { join } from 'node:path';
import { readRegularFile } from '../read-file.js';

export const MANIFEST = '.report-build.json';

export interface Manifest {
  /** Always "report": what wrote the folder. */
  tool: 'report';
  /** The files written, relative to the folder, with / between parts. */
  files: string[];
}

export function manifestText(files: string[]): string {
  return `${JSON.stringify({ tool: 'report', files: [...files].sort() } satisfies Manifest, null, 2)}\n`;
}

/** The manifest in `folder`, or undefined when there is none (or it is not one of ours). */
export async function readManifest(folder: string): Promise<Manifest | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readRegularFile(join(folder, MANIFEST), 1_000_000)).toString('utf8'));
  } catch {
    return undefined;
  }
  const manifest = parsed as Partial<Manifest> | null;
  if (manifest?.tool !== 'report' || !Array.isArray(manifest.files)) return undefined;
  const files = manifest.files.filter((file): file is string => typeof file === 'string' && isPlainRelative(file));
  return { tool: 'report', files };
}

/** "assets/report.css", never "../x", "/x" or "a/../../x": a manifest cannot point outside its folder. */
function isPlainRelative(file: string): boolean {
  return file !== '' && !file.startsWith('/') && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
