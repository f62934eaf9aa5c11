/**
 * The cache cannot be poisoned or break a build: a cache folder that others can write, or
 * that is a link, is not used at all; an entry that does not match its key (planted,
 * another key's, truncated, corrupt) is rebuilt and written over; a pipe planted as an entry
 * does not hang the build. By default the cache is the user's own, $XDG_CACHE_HOME/report
 * (or ~/.cache/report), mode 700. Real builds of an example, each with its own cache folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, EXAMPLES, freshCache, ROOT, runCli, tempDir, tool } from './helpers.js';

// Worcestershire: fewer charts than the demo (each build here draws them all afresh), the same code.
const { dir: DATA, year: YEAR } = EXAMPLES.worcestershire;

/** Builds the example's HTML with this environment; the built charts, by file name. */
function build(env: NodeJS.ProcessEnv, timeout = 90_000): { status: number | null; stderr: string; charts: Map<string, Buffer> } {
  const out = tempDir();
  const result = spawnSync(process.execPath, [CLI, 'build', '--data', DATA, '--out', out, '--format', 'html', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout,
    // A build stuck in a system call never gets to handle SIGTERM.
    killSignal: 'SIGKILL',
    env: { ...process.env, ...env },
  });
  const folder = join(out, YEAR, 'assets', 'charts');
  const charts = new Map(existsSync(folder) ? readdirSync(folder).map((name) => [name, readFileSync(join(folder, name))]) : []);
  return { status: result.status, stderr: result.stderr ?? String(result.error), charts };
}

/**
 * Each chart file's SHA-256, by name: equal digests are equal bytes, and comparing them is
 * instant, where a deep comparison of the images goes byte by byte (about 10 s a build).
 */
function digests(charts: Map<string, Buffer>): Map<string, string> {
  return new Map([...charts].map(([name, png]) => [name, createHash('sha256').update(png).digest('hex')]));
}

describe('the chart cache', () => {
  /** A clean build: its cache folder and the charts it built. */
  let clean: { cache: string; keys: string[]; charts: Map<string, Buffer> };

  beforeAll(() => {
    const cache = freshCache();
    const result = build({ REPORT_CACHE_DIR: cache });
    expect(result.status, result.stderr).toBe(0);
    const keys = readdirSync(join(cache, 'charts')).sort();
    expect(keys.length).toBeGreaterThan(10);
    expect(result.charts.size).toBe(keys.length);
    clean = { cache, keys, charts: result.charts };
  }, 120_000);

  const entry = (cache: string, key: string) => readFileSync(join(cache, 'charts', key));

  it.each([
    ['writable by everyone', 0o777],
    ['writable by its group', 0o770],
  ])('is not used when its folder is %s', (_name, mode) => {
    const cache = freshCache();
    chmodSync(cache, mode);
    const result = build({ REPORT_CACHE_DIR: cache });
    expect(result.status, result.stderr).toBe(0);
    expect(digests(result.charts)).toEqual(digests(clean.charts));
    expect(readdirSync(cache)).toEqual([]);
  }, 120_000);

  it('is not used when its folder is a link, nor when entries are planted in a folder it links to', () => {
    const real = freshCache();
    mkdirSync(join(real, 'charts'));
    // Entries planted where the link points: another chart's image under each key.
    clean.keys.forEach((key, n) => writeFileSync(join(real, 'charts', key), entry(clean.cache, clean.keys[(n + 1) % clean.keys.length]!)));
    const link = join(tempDir(), 'cache');
    symlinkSync(real, link);
    const result = build({ REPORT_CACHE_DIR: link });
    expect(result.status, result.stderr).toBe(0);
    expect(digests(result.charts)).toEqual(digests(clean.charts));
    for (const [n, key] of clean.keys.entries()) expect(entry(real, key)).toEqual(entry(clean.cache, clean.keys[(n + 1) % clean.keys.length]!));
    expect(readdirSync(join(real, 'charts')).sort()).toEqual(clean.keys);
  }, 120_000);

  it.runIf(process.getuid?.() === 0)('is not used when its folder belongs to another user', () => {
    const cache = freshCache();
    chownSync(cache, 65534, 65534);
    const result = build({ REPORT_CACHE_DIR: cache });
    expect(result.status, result.stderr).toBe(0);
    expect(digests(result.charts)).toEqual(digests(clean.charts));
    expect(readdirSync(cache)).toEqual([]);
  }, 120_000);

  it('does not use an entry that belongs to another key or was planted by hand: it rebuilds and replaces it, and keeps the good ones', () => {
    const cache = freshCache();
    cpSync(join(clean.cache, 'charts'), join(cache, 'charts'), { recursive: true });
    const half = clean.keys.filter((_key, n) => n % 2 === 0);
    const pngs = [...clean.charts.values()];
    half.forEach((key, n) => {
      // Every other entry: a whole entry of another key, or a bare PNG of another chart.
      const other = clean.keys[(clean.keys.indexOf(key) + 1) % clean.keys.length]!;
      writeFileSync(join(cache, 'charts', key), n % 2 === 0 ? entry(clean.cache, other) : pngs[(n + 3) % pngs.length]!);
    });
    const kept = clean.keys.filter((key) => !half.includes(key)).map((key) => [key, statSync(join(cache, 'charts', key)).ino] as const);
    const result = build({ REPORT_CACHE_DIR: cache });
    expect(result.status, result.stderr).toBe(0);
    expect(digests(result.charts)).toEqual(digests(clean.charts));
    for (const key of clean.keys) expect(entry(cache, key)).toEqual(entry(clean.cache, key));
    // The good entries were used as they were, not written again.
    for (const [key, inode] of kept) expect(statSync(join(cache, 'charts', key)).ino).toBe(inode);
  }, 120_000);

  it('rebuilds a truncated, corrupt or empty entry', () => {
    const cache = freshCache();
    cpSync(join(clean.cache, 'charts'), join(cache, 'charts'), { recursive: true });
    clean.keys.forEach((key, n) => {
      const path = join(cache, 'charts', key);
      const bytes = readFileSync(path);
      if (n % 3 === 0) truncateSync(path, Math.floor(bytes.length / 2));
      else if (n % 3 === 1) {
        bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
        writeFileSync(path, bytes);
      } else writeFileSync(path, '');
    });
    const result = build({ REPORT_CACHE_DIR: cache });
    expect(result.status, result.stderr).toBe(0);
    expect(digests(result.charts)).toEqual(digests(clean.charts));
    for (const key of clean.keys) expect(entry(cache, key)).toEqual(entry(clean.cache, key));
  }, 120_000);

  it('does not hang on a pipe (FIFO) planted as an entry, and replaces it', () => {
    const cache = freshCache();
    mkdirSync(join(cache, 'charts'), { mode: 0o700 });
    for (const key of clean.keys) tool('mkfifo', [join(cache, 'charts', key)]);
    const result = build({ REPORT_CACHE_DIR: cache }, 45_000);
    expect(result.status, result.stderr).toBe(0);
    expect(digests(result.charts)).toEqual(digests(clean.charts));
    for (const key of clean.keys) expect(statSync(join(cache, 'charts', key)).isFile()).toBe(true);
  }, 120_000);

  it('is by default in $XDG_CACHE_HOME/report, else ~/.cache/report, made with mode 700', () => {
    const xdg = tempDir();
    const home = tempDir();
    const withXdg = runCli(['build', '--data', DATA, '--out', tempDir(), '--format', 'html', '--quiet'], ROOT, { REPORT_CACHE_DIR: undefined, XDG_CACHE_HOME: xdg, HOME: home });
    expect(withXdg.status, withXdg.stderr).toBe(0);
    expect(statSync(join(xdg, 'report')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(xdg, 'report', 'charts')).sort()).toEqual(clean.keys);
    expect(readdirSync(home)).toEqual([]);

    const withHome = runCli(['build', '--data', DATA, '--out', tempDir(), '--format', 'html', '--quiet'], ROOT, { REPORT_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined, HOME: home });
    expect(withHome.status, withHome.stderr).toBe(0);
    expect(statSync(join(home, '.cache', 'report')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(home, '.cache', 'report', 'charts')).sort()).toEqual(clean.keys);
  }, 120_000);
});
