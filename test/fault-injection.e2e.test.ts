/**
 * Whatever kills a build, nothing is lost and nothing is left behind. A real build of the demo
 * is killed as each stage starts (loading, checking, charts, writing, printing) with each of
 * SIGKILL, SIGHUP, SIGQUIT, SIGINT and SIGTERM. After each:
 * - the report built before is byte-identical;
 * - no process the build started is still running (each run carries a token in its environment,
 *   which every process it starts inherits; /proc shows whether any is left);
 * - for a signal that can be caught, the exit code is 128 + its number, and no staging folder or
 *   browser profile is left at all; after SIGKILL, the next build removes them.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, copyOf, EXAMPLES, tempDir } from './helpers.js';

// Worcestershire: a shorter report than the demo (27 builds here), through the same stages.
const { dir: DATA, year: YEAR } = EXAMPLES.worcestershire;

const STAGES = [
  ['loading', 'Loading the data...'],
  ['checking', 'Checking the data and the statutory requirements...'],
  ['charts', 'Drawing the charts'],
  ['writing', 'Writing the web page...'],
  ['printing', 'Printing the PDF...'],
] as const;
const SIGNALS = [
  ['SIGKILL', undefined],
  ['SIGHUP', 129],
  ['SIGQUIT', 131],
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const;

/** Every file under `dir` with a hash of its content. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

/** The processes whose environment holds `token`: the build and everything it started. */
function processesWith(token: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(token)) found.push(Number(pid));
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return found;
}

async function noneLeft(token: string): Promise<number[]> {
  for (let tries = 0; tries < 50; tries++) {
    const left = processesWith(token);
    if (left.length === 0) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return processesWith(token);
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  pid: number;
}

/** Runs a build; when `stopAt` is given, sends `signal` as soon as that stage's line appears. */
function runBuild(args: string[], env: NodeJS.ProcessEnv, stopAt?: { line: string; signal: NodeJS.Signals }): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let sent = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (stopAt && !sent && output.includes(stopAt.line)) {
        sent = true;
        child.kill(stopAt.signal);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (stopAt && !sent) reject(new Error(`the build never reached "${stopAt.line}":\n${output}`));
      else resolve({ code, signal, output, pid: child.pid! });
    });
  });
}

describe('a build killed at any stage, by any signal', () => {
  const data = copyOf(DATA);
  const work = tempDir('report-fault-');
  const out = join(work, 'out');
  const temp = join(work, 'tmp');
  // One cache shared by the builds on purpose (all but those stopped while drawing charts):
  // what is checked is what a stopped build leaves, not its charts, and a warm cache keeps
  // twenty-seven builds quick. It starts empty; the first build fills it.
  const warmCache = join(work, 'cache');
  mkdirSync(temp);
  const envFor = (token: string, cache: string): NodeJS.ProcessEnv => ({ ...process.env, REPORT_FAULT_TOKEN: token, TMPDIR: temp, REPORT_CACHE_DIR: cache });
  const args = ['build', '--data', data, '--out', out];
  const leftovers = () => ({
    staging: readdirSync(out).filter((name) => name.includes('-building-')),
    profiles: readdirSync(temp).filter((name) => /chrom|puppeteer/i.test(name)),
  });

  it('leaves the previous report as it was and nothing running', async () => {
    const first = await runBuild(args, envFor(`fault-${randomBytes(6).toString('hex')}`, warmCache));
    expect(first.code, first.output).toBe(0);
    const before = snapshot(join(out, YEAR));
    expect(Object.keys(before)).toContain('index.html');

    for (const [stage, line] of STAGES) {
      for (const [signal, exitCode] of SIGNALS) {
        const token = `fault-${randomBytes(6).toString('hex')}`;
        // The chart stage lasts only while charts are drawn: give it an empty cache to draw into.
        const cache = stage === 'charts' ? join(work, `cache-${token}`) : warmCache;
        const ended = await runBuild(args, envFor(token, cache), { line, signal });
        const what = `${signal} at ${stage}:\n${ended.output}`;
        if (exitCode === undefined) expect(ended.signal, what).toBe('SIGKILL');
        else expect(ended.code, what).toBe(exitCode);
        expect(ended.output, what).not.toMatch(/\n\s+at .+:\d+:\d+/);
        expect(await noneLeft(token), what).toEqual([]);
        expect(snapshot(join(out, YEAR)), what).toEqual(before);
        if (signal !== 'SIGKILL') {
          const left = leftovers();
          expect(left.staging.filter((name) => name.includes(`-${ended.pid}-`)), what).toEqual([]);
          expect(left.profiles.filter((name) => name.includes(`-${ended.pid}-`)), what).toEqual([]);
        }
      }
    }

    const next = await runBuild(args, envFor(`fault-${randomBytes(6).toString('hex')}`, warmCache));
    expect(next.code, next.output).toBe(0);
    expect(leftovers()).toEqual({ staging: [], profiles: [] });
    expect(snapshot(join(out, YEAR))).toEqual(before);
  }, 300_000);
});
