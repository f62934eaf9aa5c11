/**
 * JSON Schema for editors, generated from the zod model so the two can never disagree.
 * VS Code's YAML extension reads these through a `# yaml-language-server: $schema=...` line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { partnershipSchema } from './partnership.js';
import { YEAR_FILE_NAMES, YEAR_FILES } from './report-year.js';
import { catalogueSchema } from './catalogue.js';
import { writingTo } from '../fs-errors.js';

/** The JSON Schema files shipped with the tool. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas', import.meta.url));

/** Every schema file, by file name, as the text to write. */
export function jsonSchemas(): Map<string, string> {
  const schemas = new Map<string, string>();
  const add = (name: string, schema: z.ZodType) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    schemas.set(`${name}.schema.json`, `${JSON.stringify(json, null, 2)}\n`);
  };
  add('partnership', partnershipSchema);
  for (const name of YEAR_FILE_NAMES) add(name, YEAR_FILES[name].schema);
  add('requirement-catalogue', catalogueSchema);
  return schemas;
}

/**
 * Writes every schema file into `outDir`, creating it if need be. A folder that cannot be
 * made or written (a file in the way, a name too long, a full or read-only disk) is a
 * CannotWriteError saying what to do, not a fault in the tool.
 */
export async function writeJsonSchemas(outDir: string): Promise<string[]> {
  const what = 'the JSON Schema files';
  await writingTo(what, outDir, () => mkdir(outDir, { recursive: true }));
  const written: string[] = [];
  for (const [name, text] of jsonSchemas()) {
    const path = join(outDir, name);
    await writingTo(what, path, () => writeFile(path, text));
    written.push(path);
  }
  return written;
}
