/**
 * Files the data points at (the logo) must exist and stay inside the data folder, so a
 * report can never publish a file from elsewhere on the machine.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { isInside } from '../load/data-folder.js';
import type { Partnership } from '../model/partnership.js';
import type { Problem } from '../problems.js';
import { positionOf, type YamlFile } from '../load/yaml-file.js';

export const IMAGE_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};


export function checkReferencedFiles(file: YamlFile, partnership: Partnership, dataDir: string): Problem[] {
  if (!partnership.logo) return [];
  const problem = (message: string, hint: string): Problem[] => [
    { file: file.displayPath, ...positionOf(file, ['logo']), path: ['logo'], message, hint },
  ];
  const logo = partnership.logo;
  if (!(extname(logo).toLowerCase() in IMAGE_TYPES)) {
    return problem(`"${logo}" is not an image this tool can use`, 'use an .svg, .png or .jpg file');
  }
  const path = resolve(dataDir, logo);
  if (isAbsolute(logo) || !isInside(dataDir, path)) {
    return problem(`"${logo}" is outside the data folder`, 'put the logo in the data folder and give its path from there, e.g. logo.svg');
  }
  if (!existsSync(path) || !statSync(path).isFile()) {
    return problem(`there is no file "${logo}" in the data folder`, 'check the file name, or put the logo file in the data folder');
  }
  if (!isInside(realpathSync(dataDir), realpathSync(path))) {
    return problem(`"${logo}" links to a file outside the data folder`, 'copy the logo into the data folder instead of linking to it');
  }
  return [];
}
