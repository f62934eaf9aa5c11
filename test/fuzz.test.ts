/**
 * Fuzzing: mutate the demo's YAML (delete fields, change types, insert odd characters and
 * huge values, damage the text itself) and run the real CLI. Whatever the data, it must end
 * with 0 or 1, print no stack trace, and never leave a half-written report. Bounded (a fixed
 * number of runs, a fixed seed unless FUZZ_SEED is set) so CI stays well under a minute.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyOf, DEMO, runCli, tempDir } from './helpers.js';

const FILES = ['partnership.yaml', ...readdirSync(join(DEMO, '2022-23')).filter((name) => name.endsWith('.yaml')).map((name) => `2022-23/${name}`)];
const SEED = Number(process.env.FUZZ_SEED ?? 20231129);

const oddValues = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('x'.repeat(200_000)),
  fc.constant(1e308),
  fc.constant(-1),
  fc.constant(0.000001),
  fc.constant(true),
  fc.constant([]),
  fc.constant({}),
  fc.constant('2023-02-30'),
  fc.constant('\u0000\u0007\u001b[31m'),
  fc.constant('‮reversed‬ ﷽ 👩‍👧 \uFEFF'),
  fc.constant('"\'`${}{{}}<>&'),
  fc.constant('c'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom(...FILES), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), file: fc.constantFrom(...FILES), at: fc.nat(), value: oddValues }),
  fc.record({ kind: fc.constant('rename' as const), file: fc.constantFrom(...FILES), at: fc.nat(), name: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('text' as const), file: fc.constantFrom(...FILES), at: fc.nat(), insert: fc.constantFrom('\t', ':', '- ', '"', '&a', '*a', '{', '[', '\n  ', '#', '|', '%', '@', '\u0000', '\r') }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Every [parent, key] in a parsed document, in a stable order. */
function places(value: unknown, found: Array<[Record<string, unknown> | unknown[], string | number]> = []) {
  if (Array.isArray(value)) value.forEach((item, index) => (found.push([value, index]), places(item, found)));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push([value as Record<string, unknown>, key]), places(item, found);
  return found;
}

function apply(data: string, change: Mutation): void {
  const path = join(data, change.file);
  const text = readFileSync(path, 'utf8');
  if (change.kind === 'text') {
    const at = change.at % (text.length + 1);
    writeFileSync(path, text.slice(0, at) + change.insert + text.slice(at));
    return;
  }
  const document = parse(text) as unknown;
  const all = places(document);
  if (all.length === 0) return;
  const [parent, key] = all[change.at % all.length]!;
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (change.kind === 'replace') {
    (parent as Record<string | number, unknown>)[key] = change.value;
  } else if (!Array.isArray(parent)) {
    parent[change.name] = parent[key as string];
    delete parent[key as string];
  }
  writeFileSync(path, stringify(document));
}

function endsCleanly(run: { status: number | null; stdout: string; stderr: string }): void {
  const output = `${run.stdout}${run.stderr}`;
  expect([0, 1], output.slice(0, 2000)).toContain(run.status);
  expect(output).not.toMatch(/fault in the tool|\n\s+at .+:\d+:\d+/);
}

describe('fuzzing the data', () => {
  it('report validate ends with 0 or 1 and no stack trace, whatever the YAML', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (changes) => {
        const data = copyOf(DEMO);
        for (const change of changes) apply(data, change);
        endsCleanly(runCli(['validate', '--data', data]));
      }),
      { numRuns: 30, seed: SEED },
    );
  }, 90_000);

  it('report build never leaves a half-written report', () => {
    fc.assert(
      fc.property(mutation, (change) => {
        const data = copyOf(DEMO);
        apply(data, change);
        const out = tempDir();
        const run = runCli(['build', '--data', data, '--out', out, '--format', 'html']);
        endsCleanly(run);
        const written = readdirSync(out);
        if (run.status === 0) {
          expect(written).toEqual(['2022-23']);
          expect(existsSync(join(out, '2022-23', 'index.html'))).toBe(true);
        } else {
          expect(written).toEqual([]);
        }
      }),
      { numRuns: 6, seed: SEED },
    );
  }, 90_000);
});
