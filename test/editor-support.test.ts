/**
 * Issue 16, editor support that travels: the `$schema` line of every file init and new-year
 * write resolves inside the user's own repository, through node_modules/<package>/schemas/
 * when the tool is installed there as a package.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR, toolPackageName } from '../src/model/json-schema.js';
import { initPartnership } from '../src/scaffold/init.js';
import { startNewYear } from '../src/scaffold/new-year.js';
import { schemaPathFor } from '../src/scaffold/schema-line.js';
import { ROOT, tempDir } from './helpers.js';

/** Every YAML file under `dir`. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml')).map((name) => join(dir, name));
}

/** The $schema path a file's first line gives. */
function schemaLineOf(file: string): string {
  const match = /^# yaml-language-server: \$schema=(\S+)\n/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file} has no schema line`);
  return match[1]!;
}

/** A user's repository with the tool installed as a package: node_modules/<name>/schemas/. */
function userRepository(): string {
  const repository = join(tempDir('report-user-repo-'), 'partnership-report');
  mkdirSync(join(repository, '.git'), { recursive: true });
  writeFileSync(join(repository, 'package.json'), JSON.stringify({ private: true, devDependencies: { [toolPackageName()]: '^0.1.0' } }));
  const installed = join(repository, 'node_modules', toolPackageName());
  mkdirSync(installed, { recursive: true });
  cpSync(SCHEMAS_DIR, join(installed, 'schemas'), { recursive: true });
  return repository;
}

function expectResolvesInside(file: string, repository: string): string {
  const path = schemaLineOf(file);
  expect(isAbsolute(path), `${file}: ${path}`).toBe(false);
  expect(path, file).not.toMatch(/^[a-z]+:/i);
  const target = resolve(dirname(file), path);
  expect(existsSync(target), `${file}: ${path}`).toBe(true);
  expect(relative(repository, target).startsWith('..'), `${file}: ${path} leaves the repository`).toBe(false);
  return path;
}

const OPTIONS = { name: 'Fenmoor Safeguarding Children Partnership', area: 'Fenmoor', year: '2023-24' };

describe('$schema lines resolve inside the user\'s repository', () => {
  it('init and new-year point through node_modules/<package>/schemas/, relative to each file', async () => {
    const repository = userRepository();
    const data = join(repository, 'data');
    await initPartnership({ dir: data, ...OPTIONS });
    await startNewYear({ data, year: '2024-25' });
    const files = yamlFiles(data);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expectResolvesInside(file, repository);
    expect(schemaLineOf(join(data, 'partnership.yaml'))).toBe(`../node_modules/${toolPackageName()}/schemas/partnership.schema.json`);
    expect(schemaLineOf(join(data, '2024-25', 'report.yaml'))).toBe(`../../node_modules/${toolPackageName()}/schemas/report.schema.json`);
  });

  it('finds node_modules in a folder above the data folder', async () => {
    const repository = userRepository();
    const data = join(repository, 'reports', 'safeguarding');
    await initPartnership({ dir: data, ...OPTIONS });
    for (const file of yamlFiles(data)) expectResolvesInside(file, repository);
    expect(schemaLineOf(join(data, '2023-24', 'voice.yaml'))).toBe(`../../../node_modules/${toolPackageName()}/schemas/voice.schema.json`);
  });

  it('reads the package name from the tool\'s own package.json', () => {
    const { name } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string };
    expect(toolPackageName()).toBe(name);
  });

  it('in a checkout of this repository, points at a schema file in the same repository', () => {
    const file = join(ROOT, 'data', '2022-23', 'report.yaml');
    const path = schemaPathFor(file, join(ROOT, 'data'), 'report.schema.json');
    const target = resolve(dirname(file), path);
    expect(existsSync(target), path).toBe(true);
    expect(relative(ROOT, target).startsWith('..'), path).toBe(false);
  });

  it('never points outside the repository, even when the schemas are not installed there yet', () => {
    const outside = tempDir('report-outside-');
    // A node_modules above the repository (a home folder's, say) is not in a colleague's clone.
    mkdirSync(join(outside, 'node_modules', toolPackageName(), 'schemas'), { recursive: true });
    const repository = join(outside, 'repo');
    mkdirSync(join(repository, '.git'), { recursive: true });
    const data = join(repository, 'data');
    const path = schemaPathFor(join(data, '2023-24', 'report.yaml'), data, 'report.schema.json');
    expect(path).toBe(`../../node_modules/${toolPackageName()}/schemas/report.schema.json`);
  });
});
