/** Shared by the tests: real folders, the real CLI, real tools. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CLI = join(ROOT, 'build', 'cli.js');
export const DEMO = join(ROOT, 'data');
export const EXAMPLES = {
  sandwell: { dir: join(ROOT, 'examples', 'sandwell'), year: '2022-23' },
  worcestershire: { dir: join(ROOT, 'examples', 'worcestershire'), year: '2021-22' },
} as const;

export function tempDir(prefix = 'report-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const caches: string[] = [];

/**
 * A fresh, empty cache folder of the caller's own (drawn charts, remembered page numbers),
 * for REPORT_CACHE_DIR or BuildOptions.cacheDir. mkdtemp makes it mode 700, as the cache
 * requires of a folder it uses. Every build in the tests gets one, so no build reads what
 * another drew: not the user's ~/.cache/report, not another test's, not an earlier run's.
 * Removed once the test file has run (test/setup.ts).
 */
export function freshCache(): string {
  const folder = tempDir('report-cache-');
  caches.push(folder);
  return folder;
}

/** Removes every cache folder freshCache() made; test/setup.ts calls it after each test file. */
export function removeCaches(): void {
  for (const folder of caches.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/**
 * The environment for a child process running the CLI: this process's, with a fresh cache
 * folder of its own, then `env` on top (which may give its own REPORT_CACHE_DIR).
 */
export function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, REPORT_CACHE_DIR: freshCache(), ...env };
}

/** A copy of a data folder the test may change. */
export function copyOf(dataDir: string): string {
  const copy = join(tempDir(), 'data');
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `report` command as a user would; `env` adds to (or overrides) the environment.
 * Unless `env` names REPORT_CACHE_DIR (a folder, or undefined to leave it unset), the run gets a
 * fresh, empty cache folder of its own, removed when it ends.
 */
export function runCli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Run {
  const own = 'REPORT_CACHE_DIR' in env ? undefined : freshCache();
  try {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...(own ? { REPORT_CACHE_DIR: own } : {}), ...env } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    if (own) rmSync(own, { recursive: true, force: true });
  }
}

/** The exit codes `report --help` documents, from its "Exit codes:" list. */
export function documentedExitCodes(): number[] {
  const help = runCli(['--help']).stdout;
  const list = help.slice(help.indexOf('Exit codes:'));
  return [...list.matchAll(/^ {2}(\d+) {2}\S/gm)].map((match) => Number(match[1]));
}

export function tool(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Replaces `from` with `to` in a data file, failing loudly if `from` is not there. */
export function edit(dataDir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dataDir, file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${String(from)} not found in ${file}`);
  writeFileSync(path, changed);
}

/**
 * Watches a browser tab: every request outside what `allowed` accepts is blocked and recorded,
 * and every dialog (alert, confirm) is recorded and dismissed. Call before loading the page.
 */
export async function watchTab(tab: Page, allowed: (url: string) => boolean): Promise<{ outside: string[]; dialogs: string[] }> {
  const outside: string[] = [];
  const dialogs: string[] = [];
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    if (allowed(request.url())) void request.continue();
    else {
      outside.push(request.url());
      void request.abort();
    }
  });
  tab.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { outside, dialogs };
}
