import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/model/json-schema.js';
import { ROOT } from './helpers.js';

describe('schemas/ for editors', () => {
  it('matches the zod model exactly (run npm run schema after changing the model)', () => {
    const generated = jsonSchemas();
    const committed = readdirSync(join(ROOT, 'schemas')).filter((name) => name.endsWith('.schema.json'));
    expect(committed.sort()).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) expect(readFileSync(join(ROOT, 'schemas', name), 'utf8'), name).toBe(text);
  });

  it('carries the model\'s descriptions and refuses unknown fields', () => {
    const report = JSON.parse(jsonSchemas().get('report.schema.json')!);
    expect(report.additionalProperties).toBe(false);
    expect(report.properties.period.properties.end.description).toMatch(/Last day of the reporting period/);
  });
});

/** Every sub-schema of a JSON Schema, with its JSON pointer. */
function* walk(node: unknown, pointer = ''): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* walk(item, `${pointer}/${index}`);
  } else if (node && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    if ('type' in object || 'enum' in object || 'pattern' in object || 'properties' in object) yield [pointer, object];
    for (const [key, value] of Object.entries(object)) {
      if (key !== 'enum' && key !== 'required' && key !== 'default' && key !== 'examples') yield* walk(value, `${pointer}/${key}`);
    }
  }
}

describe('the editor speaks as the CLI does (issue 16)', () => {
  const schemas = [...jsonSchemas()].map(([name, text]) => [name, JSON.parse(text) as Record<string, unknown>] as const);

  it('gives each schema an $id of its own that names no web site', () => {
    const ids = schemas.map(([, schema]) => schema.$id);
    for (const [name, schema] of schemas) expect(schema.$id, name).toMatch(new RegExp(`^urn:[a-z0-9-]+:schemas:${name.replace(/\./g, '\\.')}$`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a plain errorMessage on every pattern and every list of words', () => {
    let checked = 0;
    for (const [name, schema] of schemas) {
      for (const [pointer, node] of walk(schema)) {
        if (node.pattern === undefined && node.enum === undefined) continue;
        checked++;
        expect(node.errorMessage, `${name}#${pointer}`).toEqual(expect.any(String));
        expect(node.errorMessage, `${name}#${pointer}`).not.toMatch(/\^|\\d|Invalid/);
        if (node.pattern !== undefined) expect(node.patternErrorMessage, `${name}#${pointer}`).toBe(node.errorMessage);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('says of a date what report validate says, in the same words', async () => {
    const report = schemas.find(([name]) => name === 'report.schema.json')![1] as any;
    const end = report.properties.period.properties.end;
    expect(end.errorMessage).toBe('expected a date like 2023-03-31 (year-month-day)');
    const { parseYaml } = await import('../src/load/yaml-file.js');
    const { checkAgainstSchema } = await import('../src/validate/schema-check.js');
    const { YEAR_FILES } = await import('../src/model/report-year.js');
    const { file } = parseYaml('status: draft\nperiod:\n  start: 2023-04-01\n  end: 31/03/2024\n', 'report.yaml');
    const messages = checkAgainstSchema(file!, YEAR_FILES.report.schema).map((problem) => problem.message);
    expect(messages).toContain(`${end.errorMessage}, found "31/03/2024"`);
    expect(report.properties.status.errorMessage).toBe('expected draft or final');
  });

  it('describes each field in Markdown, with what a block needs and what an unknown field should be', () => {
    const report = schemas.find(([name]) => name === 'report.schema.json')![1] as any;
    expect(report.properties.period.properties.end.markdownDescription).toMatch(/^Last day of the reporting period/);
    expect(report.properties.period.markdownDescription).toMatch(/add `start`: first day of the reporting period/);
    expect(report.properties.period.errorMessage).toMatch(/remove it, or use one of: start, end/);
  });

  it('still compiles with ajv, and ajv finds the same mistakes', async () => {
    const { default: Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new (Ajv2020 as unknown as typeof import('ajv').default)({ strict: false, allErrors: true });
    for (const [name, schema] of schemas) expect(() => ajv.compile(schema), name).not.toThrow();
    const validate = ajv.getSchema(String(schemas.find(([name]) => name === 'report.schema.json')![1].$id))!;
    expect(validate({ status: 'draft', period: { start: '2023-04-01', end: '31/03/2024' } })).toBe(false);
  });
});
