/**
 * A browser that dies while printing: one retry, then a clear error and exit 3; the report
 * already published stays exactly as it was, no staging folder is left, and no browser process
 * is left running. Ctrl-C during a build cleans up the same way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../src/write/browser/find-browser.js';
import { CLI, cliEnv, DEMO, runCli, tempDir } from './helpers.js';

function processesWith(marker: string): string {
  return spawnSync('pgrep', ['-af', marker], { encoding: 'utf8' }).stdout.split('\n').filter((line) => line && !line.includes('pgrep')).join('\n');
}

function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    try {
      files.set(name, readFileSync(join(folder, name)).toString('base64'));
    } catch {
      // a folder
    }
  }
  return files;
}

describe('when the browser fails', () => {
  it('retries once, then stops with exit 3, leaving the published report as it was', async () => {
    const out = tempDir();
    expect(runCli(['build', '--data', DEMO, '--out', out, '--format', 'html']).status).toBe(0);
    const before = snapshot(join(out, '2022-23'));

    // A "browser" that starts the real one and kills it once it is up and has opened a page
    // (a renderer process among its descendants), so it dies mid-print however busy the
    // machine is, rather than a fixed time after starting, which on a loaded machine can be
    // before it has started at all.
    const marker = `report-test-${randomUUID()}`;
    const wrapper = join(tempDir(), 'dying-chromium');
    const hasRenderer = String.raw`ps -eo pid=,ppid=,args= | awk -v root=$child '{ parent[$1] = $2; args[$1] = $0 } END { for (p in parent) { q = p; for (k = 0; k < 8 && q != ""; k++) { if (q == root) { if (args[p] ~ /--type=renderer/) found = 1; break } q = parent[q] } } exit !found }'`;
    writeFileSync(
      wrapper,
      `#!/bin/bash\n"${(await findBrowser()).path}" "$@" --${marker} &\nchild=$!\n( for i in $(seq 1 300); do ${hasRenderer} && break; sleep 0.1; done; sleep 1; kill -9 $child ) &\nwait $child\n`,
    );
    chmodSync(wrapper, 0o755);

    const run = runCli(['build', '--data', DEMO, '--out', out, '--browser', wrapper]);
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/^The browser stopped while printing the PDF, twice \(/);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readdirSync(out)).toEqual(['2022-23']);
    expect(snapshot(join(out, '2022-23'))).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(processesWith(marker)).toBe('');
  }, 60_000);

  it('Ctrl-C during a build kills the browser and removes the half-built report', async () => {
    const out = tempDir();
    const marker = `report-test-${randomUUID()}`;
    const wrapper = join(tempDir(), 'marked-chromium');
    writeFileSync(wrapper, `#!/bin/bash\nexec "${(await findBrowser()).path}" "$@" --${marker}\n`);
    chmodSync(wrapper, 0o755);
    const child = spawn(process.execPath, [CLI, 'build', '--data', DEMO, '--out', out, '--browser', wrapper], { stdio: 'ignore', env: cliEnv() });
    // Wait until the browser is running, then interrupt as Ctrl-C would.
    for (let i = 0; i < 100 && processesWith(marker) === ''; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processesWith(marker)).not.toBe('');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(processesWith(marker)).toBe('');
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
