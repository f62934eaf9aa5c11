/**
 * The partnership's logo, as it is published: read through the bounded reader, and, when it
 * is an SVG, cleaned of everything that could run or fetch (sanitize-svg.ts, loaded only
 * then, because it brings jsdom). A logo that cannot be used is a problem in the data,
 * reported at the `logo:` line of partnership.yaml with what to do about it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { cacheDir, cacheKey, readCache, writeCache } from '../cache.js';
import { DataProblemsError } from '../errors.js';
import { positionOf } from '../load/yaml-file.js';
import { readRegularFile, RefusedFile } from '../read-file.js';
import { packageVersion } from '../util/package-version.js';
import type { ReportData } from '../model/checked-report.js';

/**
 * What decides how an SVG is cleaned: the cleaning code itself and the versions of DOMPurify and
 * jsdom. A logo cleaned by other code (a fix to the cleaner, an upgrade) is cleaned again.
 */
function sanitizerIdentity(): string | undefined {
  const source = ['./sanitize-svg.js', './sanitize-svg.ts'].map((name) => new URL(name, import.meta.url)).find((url) => existsSync(url));
  if (!source) return undefined;
  return cacheKey(readFileSync(source, 'utf8'), packageVersion('dompurify', import.meta.url), packageVersion('jsdom', import.meta.url));
}

/** A logo is a small picture; anything larger is the wrong file. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export interface PublishedLogo {
  /** Lower-case extension with its dot, e.g. ".svg". */
  extension: string;
  content: Buffer;
}

export async function readLogo(report: ReportData, cache = cacheDir()): Promise<PublishedLogo | undefined> {
  const logo = report.partnership.logo;
  if (!logo) return undefined;
  const source = report.sources.partnership;
  const refuse = (message: string, hint: string): DataProblemsError =>
    new DataProblemsError([{ file: source.displayPath, ...positionOf(source, ['logo']), path: ['logo'], message: `the logo "${logo}" ${message}`, hint }]);

  const extension = extname(logo).toLowerCase();
  let content: Buffer;
  try {
    content = await readRegularFile(resolve(report.dataDir, logo), MAX_LOGO_BYTES);
  } catch (error) {
    if (error instanceof RefusedFile) throw refuse(error.message, error.hint);
    throw error;
  }
  if (extension !== '.svg') return { extension, content };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw refuse('is not an SVG image (it is not SVG text)', 'use an SVG file saved by a drawing program, or, if it is a PNG or JPEG picture, give it the .png or .jpg ending');
  }
  // The cleaned logo is kept under a hash of the file and of the cleaning code, so a build with
  // an unchanged logo need not load the cleaner (and jsdom, which takes longer than the rest of
  // rendering).
  const identity = sanitizerIdentity();
  const key = identity === undefined ? undefined : cacheKey('svg-logo', identity, text);
  const cached = key === undefined ? undefined : readCache('logos', key, cache);
  if (cached) return { extension, content: cached };
  const { sanitizeSvg, UnusableSvg } = await import('./sanitize-svg.js');
  try {
    const cleaned = Buffer.from(sanitizeSvg(text));
    if (key !== undefined) writeCache('logos', key, cleaned, cache);
    return { extension, content: cleaned };
  } catch (error) {
    if (error instanceof UnusableSvg) throw refuse(error.message, error.hint);
    throw error;
  }
}
