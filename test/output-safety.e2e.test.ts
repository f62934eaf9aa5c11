/**
 * A build can never destroy input or anything the tool did not write, builds cannot trample
 * each other, and what is published can be read by a web server. (The messages themselves are
 * in the environment-fault corpus; here, what happens to the files.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv, copyOf, DEMO, freshCache, ROOT, runCli, tempDir } from './helpers.js';

const MINIMAL = join(ROOT, 'test', 'fixtures', 'minimal');

/** Every file and folder under `dir`, with a hash of each file's content. */
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    found[path.slice(dir.length + 1)] = entry.isFile() ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'folder';
  }
  return found;
}

function minimalIn(work: string): string {
  const data = join(work, 'data');
  cpSync(MINIMAL, data, { recursive: true });
  return data;
}

function manifestOf(folder: string): string[] {
  return (JSON.parse(readFileSync(join(folder, '.report-build.json'), 'utf8')) as { files: string[] }).files;
}

/** Starts the CLI without waiting for it; `env` as for runCli (by default, a fresh cache folder of its own). */
function start(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv(env) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('output can never destroy input', () => {
  it('refuses --out data and --data . --out ., leaving every data file as it was', () => {
    const work = tempDir('report-safe-');
    const data = minimalIn(work);
    const before = snapshot(data);
    for (const [args, cwd] of [
      [['build', '--data', 'data', '--out', 'data'], work],
      [['build', '--data', '.', '--out', '.'], data],
      [['build', '--data', 'data', '--out', 'data/2022-23'], work],
      [['build', '--data', 'data', '--out', '..'], data],
    ] as const) {
      const run = runCli([...args, '--format', 'html'], cwd);
      expect(run.status, run.stderr).toBe(2);
      expect(snapshot(data)).toEqual(before);
    }
  });

  it('leaves a folder it did not build exactly as it was', () => {
    const work = tempDir('report-safe-');
    minimalIn(work);
    writeFileSync(join(work, 'notes.txt'), 'x');
    const out = join(work, 'site');
    cpSync(join(work, 'notes.txt'), join(out, '2022-23', 'index.html'));
    const before = snapshot(out);
    const run = runCli(['build', '--data', 'data', '--out', 'site', '--format', 'html'], work);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain('holds files this tool did not write (index.html)');
    expect(snapshot(out)).toEqual(before);
  });

  it('replaces only what it wrote: a file of someone\'s own in a built report stays, and one in the way stops the build', () => {
    const work = tempDir('report-safe-');
    minimalIn(work);
    const folder = join(work, 'out', '2022-23');
    expect(runCli(['build', '--data', 'data', '--out', 'out', '--format', 'html'], work).status).toBe(0);
    const first = manifestOf(folder);
    expect(first).toContain('index.html');
    writeFileSync(join(folder, 'own.txt'), 'mine');

    // A changed stylesheet: the new report's files come in, the old one's go, own.txt stays.
    const templates = join(work, 'look');
    cpSync(join(ROOT, 'templates', 'report.css'), join(templates, 'report.css'));
    writeFileSync(join(templates, 'report.css'), `${readFileSync(join(templates, 'report.css'), 'utf8')}\n/* changed */\n`);
    const rebuilt = runCli(['build', '--data', 'data', '--out', 'out', '--format', 'html', '--templates', 'look'], work);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    const second = manifestOf(folder);
    expect(second).not.toEqual(first);
    expect(readFileSync(join(folder, 'own.txt'), 'utf8')).toBe('mine');
    const present = Object.entries(snapshot(folder)).filter(([, kind]) => kind !== 'folder').map(([path]) => path).sort();
    expect(present).toEqual([...second, '.report-build.json', 'own.txt'].sort());

    // Someone's file where the next build would write: refused, and nothing changes.
    const css = second.find((file) => file.endsWith('.css'))!;
    const theirs = first.find((file) => file.endsWith('.css'))!;
    writeFileSync(join(folder, theirs), 'their own stylesheet');
    const before = snapshot(folder);
    const blocked = runCli(['build', '--data', 'data', '--out', 'out', '--format', 'html'], work);
    expect(blocked.status, blocked.stderr).toBe(2);
    expect(blocked.stderr).toContain(`holds ${theirs}, which this tool did not write`);
    expect(snapshot(folder)).toEqual(before);
    expect(existsSync(join(folder, css))).toBe(true);
  });
});

describe('published files', () => {
  it('are readable by a web server running as another user: folders 755, files 644 under umask 022', () => {
    const work = tempDir('report-safe-');
    minimalIn(work);
    const run = spawnSync('sh', ['-c', `umask 022 && exec "${process.execPath}" "${CLI}" build --data data --out out --quiet`], { cwd: work, encoding: 'utf8', env: cliEnv() });
    expect(run.status, run.stderr).toBe(0);
    const out = join(work, 'out');
    const modes = new Set<string>();
    for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      modes.add(`${entry.isDirectory() ? 'folder' : 'file'} ${(statSync(path).mode & 0o777).toString(8)}`);
    }
    expect(modes).toEqual(new Set(['folder 755', 'file 644']));
    expect(readdirSync(join(out, '2022-23')).some((name) => name.endsWith('.pdf'))).toBe(true);
  }, 120_000);
});

describe('builds cannot trample each other', () => {
  it('two builds into the same folder at once both finish, and leave nothing behind', async () => {
    const work = tempDir('report-safe-');
    const data = copyOf(DEMO);
    const folder = join(work, 'out', '2022-23');
    const args = ['build', '--data', data, '--out', 'out', '--format', 'html', '--quiet'];
    expect(runCli(args, work).status).toBe(0);

    // A reader looks for index.html as fast as it can while builds swap new reports in.
    const reader = spawn(process.execPath, ['-e', `
      const fs = require('node:fs'); let missing = 0, looks = 0;
      process.on('SIGTERM', () => { console.log(JSON.stringify({ missing, looks })); process.exit(0); });
      (function look() {
        for (let i = 0; i < 2000; i++) { looks++; if (!fs.existsSync(${JSON.stringify(join(folder, 'index.html'))})) missing++; }
        setImmediate(look);
      })();
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = '';
    reader.stdout.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    // The builds at once share one cache folder, on purpose, as two builds run by one user
    // share theirs: it starts empty, so the first pair draw and write the same entries at once.
    const shared = { REPORT_CACHE_DIR: freshCache() };
    try {
      for (let round = 0; round < 3; round++) {
        const both = await Promise.all([start(args, work, shared), start(args, work, shared)]);
        for (const run of both) {
          expect(run.code, run.output).toBe(0);
          expect(run.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
        }
      }
    } finally {
      reader.kill('SIGTERM');
      await new Promise((resolve) => reader.on('close', resolve));
    }
    const { missing, looks } = JSON.parse(seen) as { missing: number; looks: number };
    expect(looks).toBeGreaterThan(1000);
    expect(missing).toBe(0);
    expect(readdirSync(join(work, 'out'))).toEqual(['2022-23']);
    const present = Object.entries(snapshot(folder)).filter(([, kind]) => kind !== 'folder').map(([path]) => path).sort();
    expect(present).toEqual([...manifestOf(folder), '.report-build.json'].sort());
  }, 180_000);

  it('waits for a build that holds the lock, and takes over a lock whose process has gone', async () => {
    const work = tempDir('report-safe-');
    minimalIn(work);
    const holder = spawn('sleep', ['30']);
    const lock = join(work, 'out', '.2022-23.report-lock');
    mkdirSync(join(work, 'out'));
    writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: (await import('node:os')).hostname() }));
    const child = spawn(process.execPath, [CLI, 'build', '--data', 'data', '--out', 'out', '--format', 'html'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv() });
    let output = '';
    const waiting = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Waiting for another build to finish writing to the same folder...')) resolve();
      });
    });
    const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waiting;
    expect(existsSync(join(work, 'out', '2022-23'))).toBe(false);
    // The holder goes away without letting go: its lock is stale, and the build goes on.
    holder.kill('SIGKILL');
    expect(await ended, output).toBe(0);
    expect(existsSync(join(work, 'out', '2022-23', 'index.html'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);
});
