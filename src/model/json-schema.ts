/**
 * JSON Schema for editors, generated from the zod model so the two can never disagree.
 * VS Code's YAML extension reads these through a `# yaml-language-server: $schema=...` line.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { partnershipSchema } from './partnership.js';
import { YEAR_FILE_NAMES, YEAR_FILES } from './report-year.js';
import { catalogueSchema } from './catalogue.js';
import { writingTo } from '../fs-errors.js';
import { lowerFirst, missingFieldHint, plainMessage, unknownFieldHint } from './plain-messages.js';

/** The JSON Schema files shipped with the tool. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas', import.meta.url));

/** The tool's own package.json, beside src/ and build/ alike. */
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

/**
 * The name the tool is installed under (package.json's name), read when asked: a user's
 * repository reaches the schemas through node_modules/<this name>/schemas/.
 */
export function toolPackageName(): string {
  const { name } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { name?: unknown };
  if (typeof name !== 'string' || !name) throw new Error(`${PACKAGE_JSON} has no name`);
  return name;
}

/**
 * Each schema's `$id`: a name, not an address to fetch (editors find the file through the
 * `$schema` line), so that nothing in a user's repository depends on a web site.
 */
export function schemaId(file: string): string {
  return `urn:${toolPackageName()}:schemas:${file}`;
}

type JsonObject = Record<string, unknown>;

/** A value of the wrong kind for each JSON type, to hear what the model says about it. */
const WRONG_KIND: Record<string, unknown> = { string: {}, number: 'x', integer: 'x', boolean: 'x', array: 'x', object: 'x' };
/** A string no pattern or list of words of ours accepts. */
const NO_SUCH_WORD = '\u0001';

/** What the CLI says when `value` is given to `schema`, or nothing when it is accepted. */
function cliMessageFor(schema: z.ZodType, value: unknown): string | undefined {
  const issue = schema.safeParse(value).error?.issues[0];
  return issue ? plainMessage(issue) : undefined;
}

/**
 * Plain words for the editor, the CLI's own: `errorMessage` (and `patternErrorMessage`),
 * which the YAML extension shows instead of its technical text for a wrong pattern, word,
 * kind of value or unknown field; and `markdownDescription`, shown on hover, from the
 * model's description and what a block needs. JSON Schema has no message for a missing
 * field, so the fields a block needs are listed in its description, in the CLI's words.
 */
function plainWords(zodSchema: z.ZodType, json: JsonObject): void {
  const description = typeof json.description === 'string' ? json.description : undefined;
  const type = typeof json.type === 'string' ? json.type : undefined;
  const notes: string[] = [];
  if (json.pattern !== undefined || json.enum !== undefined || json.const !== undefined) {
    const message = cliMessageFor(zodSchema, NO_SUCH_WORD);
    if (message) {
      json.errorMessage = message;
      if (json.pattern !== undefined) json.patternErrorMessage = message;
      notes.push(`Written as: ${message.replace(/^expected /, '')}.`);
    }
  } else if (type && type !== 'object' && WRONG_KIND[type] !== undefined) {
    const message = cliMessageFor(zodSchema, WRONG_KIND[type]);
    if (message) json.errorMessage = message;
  }
  const properties = json.properties as Record<string, JsonObject> | undefined;
  if (type === 'object' && properties) {
    const fields = Object.keys(properties);
    const kind = cliMessageFor(zodSchema, WRONG_KIND.object) ?? 'expected a block of fields';
    if (json.additionalProperties === false) json.errorMessage = `${kind}; for an unknown field: ${unknownFieldHint(fields)}`;
    else json.errorMessage = kind;
    const required = Array.isArray(json.required) ? (json.required as string[]) : [];
    if (required.length) {
      const needs = required.map((key) => {
        const about = properties[key]?.description;
        return `- ${missingFieldHint(`\`${key}\``, typeof about === 'string' ? about : undefined)}`;
      });
      notes.push(`Needs every one of these (if one is missing):\n${needs.join('\n')}`);
    }
  }
  if (description || notes.length) json.markdownDescription = [description ? escapeMarkdown(description) : undefined, ...notes].filter(Boolean).join('\n\n');
}

/** Descriptions are plain text; keep Markdown from reading * or _ in them as emphasis. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** One schema file's JSON Schema: the model's shape, an `$id` and the CLI's plain words. */
export function jsonSchemaOf(file: string, schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => plainWords(zodSchema as unknown as z.ZodType, jsonSchema as JsonObject),
  }) as JsonObject;
  const { $schema, ...rest } = json;
  return { $schema, $id: schemaId(file), ...rest };
}

/** Every schema file, by file name, as the text to write. */
export function jsonSchemas(): Map<string, string> {
  const schemas = new Map<string, string>();
  const add = (name: string, schema: z.ZodType) => {
    const file = `${name}.schema.json`;
    schemas.set(file, `${JSON.stringify(jsonSchemaOf(file, schema), null, 2)}\n`);
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
