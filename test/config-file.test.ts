/**
 * report.config.yaml: found by walking up from the working folder, its paths relative to
 * itself, the command line winning over it, and every mistake in it reported at once with its
 * line. Real runs of the built CLI in a repository laid out as a partnership's would be.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, ROOT, runCli, tempDir } from './helpers.js';

/** A repository with the demo's data in partnership-data/, the config file given, and a docs/notes/ folder to run from. */
function repository(config: string): string {
  const repo = tempDir('report-config-');
  cpSync(DEMO, join(repo, 'partnership-data'), { recursive: true });
  writeFileSync(join(repo, 'report.config.yaml'), config);
  mkdirSync(join(repo, 'docs', 'notes'), { recursive: true });
  return repo;
}

describe('report.config.yaml', () => {
  it('is found from a folder below it, and its paths are relative to it', () => {
    const repo = repository('data: partnership-data\nout: public\n');
    const run = runCli(['build', '--format', 'html', '--quiet'], join(repo, 'docs', 'notes'));
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(repo, 'public', '2022-23', 'index.html'))).toBe(true);
    expect(existsSync(join(repo, 'docs', 'notes', 'dist'))).toBe(false);
  }, 120_000);

  it('gives way to the command line', () => {
    const repo = repository('data: partnership-data\nout: public\n');
    const elsewhere = tempDir('report-config-out-');
    const run = runCli(['build', '--format', 'html', '--quiet', '--out', elsewhere], repo);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(elsewhere, '2022-23', 'index.html'))).toBe(true);
    expect(existsSync(join(repo, 'public'))).toBe(false);
    // and --data on the command line is read from the working folder, as always
    const missing = runCli(['validate', '--data', 'no-such-folder'], repo);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such-folder');
  }, 120_000);

  it('says every mistake in it at once, each with its line, and stops with exit 2', () => {
    const repo = repository('data: partnership-data\nouts: public\nbase_url:\n');
    const run = runCli(['validate'], join(repo, 'docs'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('2 problems in');
    expect(run.stderr).toMatch(/report\.config\.yaml:2:1 +"outs" is not a setting report knows/);
    expect(run.stderr).toMatch(/report\.config\.yaml:3:1 +base_url needs a value/);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('says where a YAML mistake in it is', () => {
    const repo = repository('data: [partnership-data\n');
    const run = runCli(['validate'], repo);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/report\.config\.yaml:\d+:\d+/);
  });
});

describe('report init with a config file', () => {
  it('creates the data folder the config file names, when no folder is given', () => {
    const repo = tempDir('report-config-init-');
    writeFileSync(join(repo, 'report.config.yaml'), 'data: partnership-data\n');
    const run = runCli(['init', '--name', 'Kingsmere Safeguarding Children Partnership', '--area', 'Kingsmere', '--year', '2023-24', '--local-authority', 'Kingsmere Council', '--icb', 'NHS Kingsmere ICB', '--police', 'Kingsmere Police'], repo);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(repo, 'partnership-data', 'partnership.yaml'))).toBe(true);
    expect(existsSync(join(repo, 'data'))).toBe(false);
  });
});

describe('report --version', () => {
  it('prints the version in package.json', () => {
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
