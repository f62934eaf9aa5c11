/** report preview as a writer uses it: open the page, edit, see it change; break it, see why. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copyOf, DEMO } from './helpers.js';

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('report preview', () => {
  it('serves the report, rebuilds on save, shows problems in the page, and stops on Ctrl-C', async () => {
    const data = copyOf(DEMO);
    const child = spawn(process.execPath, [CLI, 'preview', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    try {
      await until(async () => /http:\/\/127\.0\.0\.1:\d+\//.test(stdout), 'the address');
      const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]!;
      const page = async () => (await fetch(url)).text();
      expect(await page()).toContain('<h1>Annual report 2022-23</h1>');
      expect(await page()).toContain('new EventSource("/__report/events")');
      const css = /href="(assets\/report\.[0-9a-f]+\.css)"/.exec(await page())![1]!;
      expect((await fetch(`${url}${css}`)).headers.get('content-type')).toBe('text/css; charset=utf-8');

      // Listen for the reload message, then edit the foreword.
      const events = await fetch(`${url}__report/events`);
      const reader = events.body!.getReader();
      const report = join(data, '2022-23', 'report.yaml');
      const original = readFileSync(report, 'utf8');
      writeFileSync(report, original.replace(/^( {2}text: \|\n)/m, '$1    A sentence written while previewing.\n\n'));
      await until(async () => (await page()).includes('A sentence written while previewing.'), 'the edit to appear');
      const { value } = await reader.read();
      expect(new TextDecoder().decode(value)).toContain(': connected');
      expect(stdout).toMatch(/Rebuilt\./);

      writeFileSync(report, original.replace('status: final', 'status: finished'));
      await until(async () => (await page()).includes('The report cannot be shown yet'), 'the problem page');
      expect(await page()).toMatch(/report\.yaml:\d+:\d+ {2}status: expected draft or final/);
      expect(stderr).toMatch(/status: expected draft or final/);
      await reader.cancel();
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('Preview stopped.');
  }, 60_000);
});
