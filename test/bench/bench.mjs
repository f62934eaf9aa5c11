#!/usr/bin/env node
// npm run bench: how long report takes on this machine, against the floor of Chromium alone.
// For the demo and each example: report validate as a whole process (cold start); an
// HTML-only build; a full HTML and PDF build, with its peak memory; the floor (the same
// Chromium launched by a bare script, loading the finished HTML and printing it with the same
// options); the ratio of full build to floor. Then a one-field edit rebuilt as the preview
// does it, and a batch of 20 reports built by one command. Prints a Markdown table.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = join(ROOT, 'build', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Every folder the bench makes, removed when it ends. */
const made = [];
const temp = () => {
  const folder = mkdtempSync(join(tmpdir(), 'report-bench-'));
  made.push(folder);
  return folder;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Memory of a process and all its descendants, in bytes: their proportional set size (from
 * /proc/<pid>/smaps_rollup), which shares memory shared between Chromium's processes out
 * fairly instead of counting it once per process as RSS would.
 */
function treeRss(rootPid) {
  const children = new Map();
  const rss = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rollup = readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8');
      rss.set(Number(entry), Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  let total = 0;
  const walk = (pid) => { total += rss.get(pid) ?? 0; for (const child of children.get(pid) ?? []) walk(child); };
  walk(rootPid);
  return total;
}

/** Runs a command, returning its wall time and the peak memory of its process tree. */
function run(args, options = {}) {
  return new Promise((resolveRun, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...options.env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const sampler = options.memory ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 50) : undefined;
    child.on('exit', (code) => {
      clearInterval(sampler);
      const ms = performance.now() - started;
      if (code !== 0 && !options.allowFailure) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolveRun({ ms, peak });
    });
  });
}

async function repeat(times, make) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await make(i));
  return { ms: median(results.map((r) => r.ms)), peak: Math.max(...results.map((r) => r.peak)) };
}

const FLOOR = `
import puppeteer from 'puppeteer-core';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [browserPath, flags, html, pdf] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: browserPath, headless: true, args: JSON.parse(flags) });
const page = await browser.newPage();
await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
await page.evaluate(async () => { await document.fonts.ready; });
writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, tagged: true, outline: true }));
await browser.close();
`;

const { findBrowser } = await import(join(ROOT, 'build', 'write', 'browser', 'find-browser.js'));
const browserPath = (await findBrowser()).path;
// The floor launches Chromium with report's own flags (--no-sandbox as root or in a container).
const { browserFlags } = await import(join(ROOT, 'build', 'write', 'browser', 'launch-browser.js'));
const flags = JSON.stringify(browserFlags());
const floorScript = join(ROOT, 'node_modules', '.report-bench-floor.mjs');
writeFileSync(floorScript, FLOOR);
// One cache folder shared by the runs on purpose: the bench measures builds as they are day to
// day, with charts and page numbers warm ("full build, first time" has a fresh one of its own).
const cache = temp();

const reports = [
  { name: 'Demo (Kingsmere 2022-23)', data: join(ROOT, 'data') },
  { name: 'Sandwell 2022-23', data: join(ROOT, 'examples', 'sandwell') },
  { name: 'Worcestershire 2021-22', data: join(ROOT, 'examples', 'worcestershire') },
];
const rows = [];
for (const report of reports) {
  const env = { REPORT_CACHE_DIR: cache };
  const validate = await repeat(RUNS, () => run([CLI, 'validate', '--data', report.data], { env, allowFailure: true }));
  const html = await repeat(RUNS, () => run([CLI, 'build', '--data', report.data, '--out', temp(), '--format', 'html', '--quiet'], { env }));
  const firstOut = temp();
  const cold = await run([CLI, 'build', '--data', report.data, '--out', firstOut, '--quiet'], { env: { REPORT_CACHE_DIR: temp() } });
  const full = await repeat(RUNS, () => run([CLI, 'build', '--data', report.data, '--out', temp(), '--quiet'], { env }));
  const memory = await run([CLI, 'build', '--data', report.data, '--out', temp(), '--quiet'], { env, memory: true });
  const year = readdirSync(firstOut)[0];
  const built = join(firstOut, year);
  const floor = await repeat(RUNS, () => run([floorScript, browserPath, flags, join(built, 'index.html'), join(temp(), 'floor.pdf')]));
  rows.push({ ...report, validate: validate.ms, html: html.ms, cold: cold.ms, full: full.ms, floor: floor.ms, peak: memory.peak });
}

// A one-field edit rebuilt as the preview does it: in one process, modules and charts warm.
const api = await import(join(ROOT, 'build', 'index.js'));
const editData = join(temp(), 'data');
cpSync(join(ROOT, 'data'), editData, { recursive: true });
const rebuild = async () => {
  const started = performance.now();
  const { report } = api.validate(await api.load({ data: editData }));
  await api.render(report, { compliance: await api.checkCompliance(report), cacheDir: cache });
  return { ms: performance.now() - started, peak: 0 };
};
await rebuild();
const reportFile = join(editData, '2022-23', 'report.yaml');
const edits = await repeat(RUNS, async (i) => {
  writeFileSync(reportFile, readFileSync(reportFile, 'utf8').replace(/^subtitle: .*$/m, `subtitle: Edited for the benchmark, edit ${i}`));
  return rebuild();
});

// Twenty reports in one command: a folder of twenty partnerships.
const batch = temp();
for (let i = 0; i < 20; i++) cpSync(reports[i % reports.length].data, join(batch, `partnership-${String(i + 1).padStart(2, '0')}`), { recursive: true });
const batchRun = await run([CLI, 'build', '--all', '--data', batch, '--out', temp(), '--quiet'], { env: { REPORT_CACHE_DIR: cache } });
const batchMemory = await run([CLI, 'build', '--all', '--data', batch, '--out', temp(), '--quiet'], { env: { REPORT_CACHE_DIR: cache }, memory: true });

const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${(await import('node:child_process')).execFileSync(browserPath, ['--version']).toString().trim()}. Median of ${RUNS} runs; caches warm unless stated; memory sampled every 50 ms in separate runs.`,
  '',
  '| report | validate (cold start) | HTML-only build | full build, first time | full build | floor (Chromium alone) | full ÷ floor | peak memory (PSS) of a full build |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${seconds(r.validate)} | ${seconds(r.html)} | ${seconds(r.cold)} | ${seconds(r.full)} | ${seconds(r.floor)} | ${(r.full / r.floor).toFixed(2)} | ${Math.round(r.peak / 2 ** 20)} MB |`),
  '',
  `HTML-only rebuild after a one-field edit, in one process as the preview does it: ${seconds(edits.ms)}.`,
  `Batch: 20 reports (HTML and PDF) by one report build --all: ${seconds(batchRun.ms)} in all, ${seconds(batchRun.ms / 20)} a report; peak memory ${Math.round(batchMemory.peak / 2 ** 20)} MB.`,
];
console.log(lines.join('\n'));
rmSync(floorScript, { force: true });
for (const folder of made) rmSync(folder, { recursive: true, force: true });
