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
