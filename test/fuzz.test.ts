/**
 * Fuzzing: mutate the YAML (delete fields, change types, insert odd characters and huge
 * values, damage the text itself) and run the real CLI. Two starting points: the finished
 * demo, and a folder as a new user has it, made by `report init` then `report new-year`,
 * with the figures still empty (where fields are also added, since an empty map has nothing
 * to change). Whatever the data, it must end with 0 or 1, print no stack trace, and never
 * leave a half-written report. Bounded (a fixed number of runs, a fixed seed unless
 * FUZZ_SEED is set) so CI stays well under a minute.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyOf, DEMO, runCli, tempDir } from './helpers.js';

/** partnership.yaml and the YAML files of the given year folders. */
function yamlFiles(dir: string, years: string[]): string[] {
  return ['partnership.yaml', ...years.flatMap((year) => readdirSync(join(dir, year)).filter((name) => name.endsWith('.yaml')).map((name) => `${year}/${name}`))];
}

/** A partnership as `report init` and `report new-year` leave it: every figure still to give. */
function scaffolded(): string {
  const data = join(tempDir(), 'partnership');
  for (const args of [['init', data, '--name', 'Fenmoor Safeguarding Children Partnership', '--area', 'Fenmoor', '--year', '2023-24'], ['new-year', '2024-25', '--data', data]]) {
    const run = runCli(args);
    if (run.status !== 0) throw new Error(`report ${args.join(' ')} failed: ${run.stderr}`);
  }
  return data;
}

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

/** Keys worth adding to a scaffold's maps: the years around it, and the optional fields of figures. */
const addedKeys = fc.oneof(
  fc.constantFrom('2022-23', '2023-24', '2024-25', '2025-26', 'Q1', 'Q4', 'england', 'region', 'statistical_neighbours', 'counts', 'quarters', 'comparators', 'breakdowns', 'headline', 'status', 'date', 'context', 'indicator', 'child_population', 'area'),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const addedValues = fc.oneof(oddValues, fc.constantFrom(0, 3, 21.5, 480, 'final', '2024-06-30', { '2023-24': 12 }, { '2023-24': 'c', '2024-25': 4 }));

function mutationOf(files: string[], options: { add?: boolean } = {}) {
  const file = fc.constantFrom(...files);
  const kinds = [
    fc.record({ kind: fc.constant('delete' as const), file, at: fc.nat() }),
    fc.record({ kind: fc.constant('replace' as const), file, at: fc.nat(), value: oddValues }),
    fc.record({ kind: fc.constant('rename' as const), file, at: fc.nat(), name: fc.string({ minLength: 1, maxLength: 12 }) }),
    fc.record({ kind: fc.constant('text' as const), file, at: fc.nat(), insert: fc.constantFrom('\t', ':', '- ', '"', '&a', '*a', '{', '[', '\n  ', '#', '|', '%', '@', '\u0000', '\r') }),
  ];
  const add = fc.record({ kind: fc.constant('add' as const), file, at: fc.nat(), name: addedKeys, value: addedValues });
  return options.add ? fc.oneof(...kinds, add) : fc.oneof(...kinds);
}
type Mutation = ReturnType<typeof mutationOf> extends fc.Arbitrary<infer T> ? T : never;

const DEMO_FILES = yamlFiles(DEMO, ['2022-23']);
const demoMutation = mutationOf(DEMO_FILES);

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
  if (change.kind === 'add') {
    // Into a map: the document itself, or any map inside it (an empty values: {} included).
    const maps = [document, ...places(document).map(([parent, key]) => (parent as Record<string | number, unknown>)[key])].filter(
      (value): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value),
    );
    if (maps.length === 0) return;
    maps[change.at % maps.length]![change.name] = change.value;
    writeFileSync(path, stringify(document));
    return;
  }
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

/** Validate after one to three changes ends cleanly. */
function validatesCleanly(source: string, mutation: fc.Arbitrary<Mutation>, numRuns: number): void {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (changes) => {
      const data = copyOf(source);
      for (const change of changes) apply(data, change);
      endsCleanly(runCli(['validate', '--data', data]));
    }),
    { numRuns, seed: SEED },
  );
}

/** A build after one change ends cleanly, and writes the whole report for `year` or nothing. */
function buildsWholeOrNothing(source: string, year: string, mutation: fc.Arbitrary<Mutation>, numRuns: number): void {
  fc.assert(
    fc.property(mutation, (change) => {
      const data = copyOf(source);
      apply(data, change);
      const out = tempDir();
      const run = runCli(['build', '--data', data, '--out', out, '--format', 'html']);
      endsCleanly(run);
      const written = readdirSync(out);
      if (run.status === 0) {
        expect(written).toEqual([year]);
        expect(existsSync(join(out, year, 'index.html'))).toBe(true);
      } else {
        expect(written).toEqual([]);
      }
    }),
    { numRuns, seed: SEED },
  );
}

describe('fuzzing the data', () => {
  it('report validate ends with 0 or 1 and no stack trace, whatever the YAML', () => {
    validatesCleanly(DEMO, demoMutation, 30);
  }, 90_000);

  it('report build never leaves a half-written report', () => {
    buildsWholeOrNothing(DEMO, '2022-23', demoMutation, 6);
  }, 90_000);
});

describe('fuzzing a folder just made by report init and report new-year', () => {
  const scaffold = scaffolded();
  // Both years: the earlier one's figures are the new one's history.
  const scaffoldMutation = mutationOf(yamlFiles(scaffold, ['2023-24', '2024-25']), { add: true });

  it('report validate ends with 0 or 1 and no stack trace, whatever is changed', () => {
    validatesCleanly(scaffold, scaffoldMutation, 20);
  }, 90_000);

  it('report build never leaves a half-written report', () => {
    buildsWholeOrNothing(scaffold, '2024-25', scaffoldMutation, 4);
  }, 90_000);
});
