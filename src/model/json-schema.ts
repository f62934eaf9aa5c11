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
import { catalogueSchema } from '../validate/compliance/catalogue.js';

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

export async function writeJsonSchemas(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of jsonSchemas()) {
    const path = join(outDir, name);
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}
