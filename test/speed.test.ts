/**
 * What makes report fast, checked as behaviour (timings live in npm run bench): the light
 * commands never load the heavy libraries, --all builds many reports with one browser, and
 * charts are drawn once per content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv, copyOf, DEMO, EXAMPLES, freshCache, ROOT, runCli, tempDir } from './helpers.js';

const HEAVY = /\/node_modules\/(puppeteer|puppeteer-core|canvas|chart\.js|chartjs-node-canvas|pdf-lib|marked|sanitize-html|handlebars)\//;

function modulesLoadedBy(args: string[], cache = freshCache()): string[] {
  const log = join(tempDir(), 'imports.log');
  const run = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'fixtures', 'record-imports.mjs'), CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: cliEnv({ REPORT_IMPORT_LOG: log, REPORT_CACHE_DIR: cache }),
  });
  expect([0, 1]).toContain(run.status);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('a fast start', () => {
  it.each([
    ['report validate', ['validate', '--data', DEMO]],
    ['report --help', ['--help']],
  ])('%s loads no browser, canvas, chart or rendering library', (_name, args) => {
    const loaded = modulesLoadedBy(args);
    expect(loaded.length).toBeGreaterThan(2);
    expect(loaded.filter((url) => HEAVY.test(url))).toEqual([]);
  });

  it('report build does load them (so the check above can fail)', () => {
    const loaded = modulesLoadedBy(['build', '--data', DEMO, '--out', tempDir(), '--format', 'html', '--quiet']);
    expect(loaded.some((url) => /chartjs-node-canvas/.test(url))).toBe(true);
  }, 60_000);

  it('a build whose charts and logo are already in the cache loads neither canvas, chart.js nor jsdom', () => {
    const cache = freshCache();
    const build = () => modulesLoadedBy(['build', '--data', DEMO, '--out', tempDir(), '--format', 'html', '--quiet'], cache);
    const drawing = /\/node_modules\/(canvas|chart\.js|chartjs-node-canvas|jsdom|dompurify)\//;
    expect(build().some((url) => drawing.test(url))).toBe(true);
    expect(build().filter((url) => drawing.test(url))).toEqual([]);
  }, 60_000);
});

describe('the bundled templates, compiled when the package is built', () => {
  it('are what a build uses, and give the same page as templates compiled while building', async () => {
    // The command runs from build/, where npm run build wrote bundled-templates.js; this test
    // runs from the sources, where there is none, so its build compiles the templates itself.
    expect(existsSync(join(ROOT, 'build', 'render', 'bundled-templates.js'))).toBe(true);
    const cache = freshCache();
    const cliOut = tempDir();
    const loaded = modulesLoadedBy(['build', '--data', DEMO, '--out', cliOut, '--format', 'html', '--quiet'], cache);
    expect(loaded.some((url) => url.endsWith('/build/render/bundled-templates.js'))).toBe(true);
    const { build } = await import('../src/build.js');
    const apiOut = tempDir();
    await build({ data: DEMO, out: apiOut, formats: ['html'], cacheDir: cache });
    const page = (out: string) => readFileSync(join(out, '2022-23', 'index.html'), 'utf8');
    expect(page(cliOut)).toBe(page(apiOut));
  }, 60_000);
});

describe('report build --all', () => {
  it('builds every year of every partnership in a folder of them, with one command', () => {
    const partnerships = tempDir();
    cpSync(EXAMPLES.sandwell.dir, join(partnerships, 'sandwell'), { recursive: true });
    cpSync(EXAMPLES.worcestershire.dir, join(partnerships, 'worcestershire'), { recursive: true });
    const out = tempDir();
    const run = runCli(['build', '--all', '--data', partnerships, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^2 reports built in \d+\.\d s\.$/m);
    for (const [name, year] of [['sandwell', '2022-23'], ['worcestershire', '2021-22']] as const) {
      const files = readdirSync(join(out, name, year));
      expect(files).toContain('index.html');
      expect(files.some((file) => file.endsWith('.pdf'))).toBe(true);
    }
  }, 120_000);

  it('builds every year of one partnership, and reports one that cannot be built without stopping the rest', () => {
    const data = copyOf(DEMO);
    expect(runCli(['new-year', '2023-24', '--data', data]).status).toBe(0);
    cpSync(join(data, '2022-23'), join(data, '2021-22'), { recursive: true });
    // 2021-22: a report with a mistake in it (but the right period, so 2022-23 still follows on).
    const broken = readFileSync(join(ROOT, 'test', 'fixtures', 'broken', '2022-23', 'report.yaml'), 'utf8');
    writeFileSync(join(data, '2021-22', 'report.yaml'), broken.replace('start: 2022-04-01', 'start: 2021-04-01').replace('end: 2023-03-31', 'end: 2022-03-31'));
    const out = tempDir();
    const run = runCli(['build', '--all', '--data', data, '--out', out, '--format', 'html']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Could not build data 2021-22:/);
    expect(run.stdout).toMatch(/2 reports built in .*, 1 could not be built\./);
    expect(readdirSync(out).sort()).toEqual(['2022-23', '2023-24']);
  }, 120_000);
});

describe('the chart cache', () => {
  it('draws each chart once: a second build adds nothing to the cache and gives the same images', () => {
    // One cache folder shared by both builds, on purpose: what is checked is that the second
    // finds every chart the first drew. It starts empty, so the first draws them all.
    const cache = freshCache();
    const env = cliEnv({ REPORT_CACHE_DIR: cache });
    const build = (out: string) =>
      spawnSync(process.execPath, [CLI, 'build', '--data', DEMO, '--out', out, '--format', 'html', '--quiet'], { cwd: ROOT, env, encoding: 'utf8' });
    const [first, second] = [tempDir(), tempDir()];
    expect(build(first).status).toBe(0);
    const drawn = readdirSync(join(cache, 'charts'));
    expect(drawn.length).toBeGreaterThan(10);
    expect(build(second).status).toBe(0);
    expect(readdirSync(join(cache, 'charts'))).toEqual(drawn);
    for (const chart of readdirSync(join(first, '2022-23', 'assets', 'charts'))) {
      expect(existsSync(join(second, '2022-23', 'assets', 'charts', chart))).toBe(true);
    }
  }, 60_000);
});
