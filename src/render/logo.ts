/**
 * The partnership's logo, as it is published: read through the bounded reader, and, when it
 * is an SVG, cleaned of everything that could run or fetch (sanitize-svg.ts, loaded only
 * then, because it brings jsdom). A logo that cannot be used is a problem in the data,
 * reported at the `logo:` line of partnership.yaml with what to do about it.
 */
import { extname, resolve } from 'node:path';
import { DataProblemsError } from '../errors.js';
import { positionOf } from '../load/yaml-file.js';
import { readRegularFile, RefusedFile } from '../read-file.js';
import type { ReportData } from '../model/checked-report.js';

/** A logo is a small picture; anything larger is the wrong file. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export interface PublishedLogo {
  /** Lower-case extension with its dot, e.g. ".svg". */
  extension: string;
  content: Buffer;
}

export async function readLogo(report: ReportData): Promise<PublishedLogo | undefined> {
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
  const { sanitizeSvg, UnusableSvg } = await import('./sanitize-svg.js');
  try {
    return { extension, content: Buffer.from(sanitizeSvg(text)) };
  } catch (error) {
    if (error instanceof UnusableSvg) throw refuse(error.message, error.hint);
    throw error;
  }
}
