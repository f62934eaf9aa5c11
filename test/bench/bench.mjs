#!/usr/bin/env node
// npm run bench: how long report takes on this machine, against its floor (the same Chromium
// printing the same finished HTML from a bare script) and its peers (pagedjs-cli, vivliostyle
// and WeasyPrint printing that same HTML), each target measured with its floor and peers in
// one interleaved run: round after round, every run once, in turn. A ratio is taken within a
// round, between two runs made moments apart, and the report gives the median of the ratios.
//
//   npm run bench                 5 rounds (BENCH_RUNS=n for n)
//   BENCH_QUICK=1 npm run bench   1 round, small batches: only to check the bench works
//
// Prints a Markdown report on standard output (progress goes to standard error). Exits non-zero
// only when something could not be measured, never because a target is not met.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { Group } from './groups.mjs';
import { CLI, cleanUp, findFiles, loadAverage, MeasureError, memoryTotal, mib, pdfPages, remove, ROOT, runNode, temp } from './measure.mjs';
import { PEERS_DIR, peers as listPeers } from './peers.mjs';
import { formatReport } from './format.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 1 : Number(process.env.BENCH_RUNS ?? 5);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error(`BENCH_RUNS must be a whole number of rounds, at least 1 (it is ${process.env.BENCH_RUNS}).`);
  process.exit(2);
}
const BATCH_COPIES = QUICK ? 3 : 40;
const VALIDATE_COPIES = QUICK ? 6 : 130;
const EDITS_PER_ROUND = 3;
const FLOOR = join(ROOT, 'test', 'bench', 'floor.mjs');

const t0 = performance.now();
const elapsed = () => {
  const s = Math.round((performance.now() - t0) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const log = (line) => process.stderr.write(`bench ${elapsed()} ${line}\n`);
/** Failures to measure: each one makes the bench exit non-zero, after it has reported the rest. */
const failures = [];
const failed = (what, error) => {
  const message = error instanceof MeasureError ? error.message : (error?.stack ?? String(error));
  failures.push({ what, message });
  log(`could not measure ${what}: ${message.split('\n')[0]}`);
};

const started = new Date();
const loadAtStart = loadAverage();

try {
  await main();
} catch (error) {
  failed('the bench', error);
  console.log(`The bench stopped before it could report: ${failures.at(-1).message}`);
  process.exitCode = 1;
} finally {
  cleanUp();
}

async function main() {
  const { findBrowser } = await import(join(ROOT, 'build', 'write', 'browser', 'find-browser.js'));
  const { browserFlags, needsNoSandbox } = await import(join(ROOT, 'build', 'write', 'browser', 'launch-browser.js'));
  const browserPath = (await findBrowser()).path;
  // The floor launches Chromium with report's own flags (--no-sandbox as root or in a container).
  const flags = JSON.stringify(browserFlags());
  const noSandbox = needsNoSandbox();
  const chromium = execFileSync(browserPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const peers = listPeers({ browserPath, noSandbox, log });
  for (const peer of peers) {
    if (peer.unavailable && peer.failed) failed(`${peer.name}`, new MeasureError(peer.unavailable));
    else if (peer.unavailable) log(`${peer.name} is not measured: ${peer.unavailable}`);
  }

  const floorRun = (pairs) => runNode([FLOOR, browserPath, flags, ...pairs]);
  const build = (data, out, cache, extra = []) =>
    runNode([CLI, 'build', ...extra, '--data', data, '--out', out, '--quiet'], { env: { REPORT_CACHE_DIR: cache } });
  const onlyPdf = (folder) => {
    const pdfs = findFiles(folder, (name) => name.endsWith('.pdf'));
    if (pdfs.length !== 1) throw new MeasureError(`expected one PDF in ${folder}, found ${pdfs.length}`);
    return pdfs[0];
  };

  // ------------------------------------------------------------------------------------------
  // Setting up, untimed: each report built once with a cache of its own (which warms it, and
  // writes the finished HTML the floor and the peers print), each floor and peer run once (to
  // check it writes a real PDF, and count its pages), the batch folders, the edit's copy.

  const reports = [
    { name: 'Demo', folder: 'data', data: join(ROOT, 'data') },
    { name: 'Sandwell', folder: 'examples/sandwell', data: join(ROOT, 'examples', 'sandwell') },
    { name: 'Worcestershire', folder: 'examples/worcestershire', data: join(ROOT, 'examples', 'worcestershire') },
  ];
  const groups = [];
  for (const report of reports) {
    const group = new Group(`${report.name} (${report.folder})`);
    groups.push(group);
    report.group = group;
    report.cache = temp('cache');
    group.add('floor', 'floor: bare puppeteer-core script, same Chromium, flags and print options');
    group.add('warm', 'report build, warm cache');
    group.add('first', 'report build, first time (empty cache)');
    for (const peer of peers) group.add(peer.key, `${peer.name} ${peer.version}`.trim(), peer.unavailable);
    group.ratio('warm', 'floor', 'report ÷ floor', { at_most: 1.15, what: `${report.name}: warm full build ÷ floor` });
    group.ratio('first', 'floor', 'first build ÷ floor', { at_most: 1.6, what: `${report.name}: first build ÷ floor` });
    for (const peer of peers) {
      group.ratio(peer.key, 'warm', `${peer.name} ÷ report`, { above: 1, what: `${report.name}: faster than ${peer.name} (${peer.name} ÷ report)` });
    }
    try {
      log(`setting up ${report.folder}: a first build, which warms its cache`);
      const out = temp('finished');
      await build(report.data, out, report.cache);
      const pdf = onlyPdf(out);
      report.html = join(dirname(pdf), 'index.html');
      report.year = basename(dirname(pdf));
      group.title = `${report.name} (${report.folder}, ${report.year}): full build against the floor and the peers`;
    } catch (error) {
      failed(`${report.folder}: the first build`, error);
      group.unmeasured = error.message;
      for (const row of group.rows.values()) row.unavailable ??= `failed: the first build failed`;
      continue;
    }

    report.runs = {
      floor: async () => {
        const out = temp('floor');
        const { ms } = await floorRun([report.html, join(out, 'floor.pdf')]);
        const pages = await pdfPages(join(out, 'floor.pdf'));
        remove(out);
        return { ms, pages };
      },
      warm: async () => {
        const out = temp('warm');
        const { ms } = await build(report.data, out, report.cache);
        const pages = await pdfPages(onlyPdf(out));
        remove(out);
        return { ms, pages };
      },
      first: async () => {
        const out = temp('first');
        const empty = temp('empty-cache');
        const { ms } = await build(report.data, out, empty);
        const pages = await pdfPages(onlyPdf(out));
        remove(out);
        remove(empty);
        return { ms, pages };
      },
    };
    for (const peer of peers) {
      if (peer.unavailable) continue;
      report.runs[peer.key] = async () => {
        const out = temp(peer.key);
        const { ms } = await peer.print(report.html, join(out, 'out.pdf'));
        const pages = await pdfPages(join(out, 'out.pdf'));
        remove(out);
        return { ms, pages };
      };
    }
    // Once each, untimed: the floor and the peers write a PDF from this HTML.
    for (const key of ['floor', ...peers.filter((peer) => !peer.unavailable).map((peer) => peer.key)]) {
      try {
        log(`setting up ${report.folder}: ${key} once`);
        group.row(key).pages.add((await report.runs[key]()).pages);
      } catch (error) {
        failed(`${report.folder}: ${group.row(key).label}`, error);
        group.row(key).unavailable = `failed: ${error.message.split('\n')[0]}`;
        delete report.runs[key];
      }
    }
  }

  // The batch: a folder of partnerships, copies of the bundled reports, built by one command.
  const batch = new Group(`Batch: report build --all over ${BATCH_COPIES} partnerships`);
  groups.push(batch);
  const batchData = temp('partnerships');
  for (let i = 0; i < BATCH_COPIES; i++) {
    cpSync(reports[i % reports.length].data, join(batchData, `partnership-${String(i + 1).padStart(3, '0')}`), { recursive: true });
  }
  const batchCache = temp('batch-cache');
  const batchRuns = {};
  const pdfsIn = (folder) => findFiles(folder, (name) => name.endsWith('.pdf'));
  batch.perReport = true;
  batch.add('floor', 'floor: one bare Chromium printing the same finished HTML files one after another');
  batch.add('warm', 'report build --all, warm cache');
  batch.add('first', 'report build --all, first time (empty cache)');
  batch.ratio('warm', 'floor', 'report ÷ floor');
  batch.ratio('first', 'floor', 'first build ÷ floor');
  batch.target('warm', { at_most: 700, what: 'Batch: warm, a report', unit: 's' });
  batch.target('first', { at_most: 1000, what: 'Batch: first time (empty cache), a report', unit: 's' });
  batch.memoryTarget = { under: 1e9, what: 'Batch: peak memory (PSS of the process tree)' };
  try {
    log(`setting up the batch: a first build of ${BATCH_COPIES} partnerships, which warms its cache`);
    const out = temp('batch-finished');
    await build(batchData, out, batchCache, ['--all']);
    const pdfs = pdfsIn(out);
    if (pdfs.length === 0) throw new MeasureError('report build --all wrote no PDF');
    // The finished HTML of every report built: the index.html beside each PDF.
    const documents = [...new Set(pdfs.map((pdf) => join(dirname(pdf), 'index.html')))];
    batch.title = `Batch: report build --all over ${BATCH_COPIES} partnerships (${pdfs.length} reports built)`;
    batch.row('floor').label = `floor: one bare Chromium printing the same ${documents.length} finished HTML files one after another`;
    batchRuns.floor = async () => {
      const folder = temp('batch-floor');
      const pairs = documents.flatMap((html, i) => [html, join(folder, `${i}.pdf`)]);
      const { ms } = await floorRun(pairs);
      for (let i = 0; i < documents.length; i++) await pdfPages(join(folder, `${i}.pdf`));
      remove(folder);
      return { ms, count: documents.length };
    };
    const batchBuild = async (cache, memory = false) => {
      const out = temp('batch');
      const result = await runNode([CLI, 'build', '--all', '--data', batchData, '--out', out, '--quiet'], { env: { REPORT_CACHE_DIR: cache }, memory });
      const count = pdfsIn(out).length;
      if (count === 0) throw new MeasureError('report build --all wrote no PDF');
      remove(out);
      return { ms: result.ms, count, peak: result.peak };
    };
    batchRuns.warm = () => batchBuild(batchCache);
    batchRuns.first = async () => {
      const empty = temp('batch-empty-cache');
      const result = await batchBuild(empty);
      remove(empty);
      return result;
    };
    batchRuns.memoryWarm = () => batchBuild(batchCache, true);
    batchRuns.memoryFirst = async () => {
      const empty = temp('batch-empty-cache');
      const result = await batchBuild(empty, true);
      remove(empty);
      return result;
    };
  } catch (error) {
    failed('the batch: its first build', error);
    batch.unmeasured = error.message;
    for (const row of batch.rows.values()) row.unavailable ??= 'failed: the first build failed';
  }

  // Validation, as whole processes, against Node starting and doing nothing.
  const validation = new Group('Validation, whole processes (cold start)');
  groups.push(validation);
  const validateData = temp('partnerships');
  for (let i = 0; i < VALIDATE_COPIES; i++) {
    cpSync(reports[i % reports.length].data, join(validateData, `partnership-${String(i + 1).padStart(3, '0')}`), { recursive: true });
  }
  const validateCache = temp('validate-cache');
  let allAvailable;
  try {
    allAvailable = (await runNode([CLI, 'validate', '--help'])).output.includes('--all');
  } catch (error) {
    failed('report validate --help', error);
  }
  validation.add('node', 'node -e 0 (Node starting, nothing else)');
  validation.add('validate', 'report validate --data data');
  validation.add('all', `report validate --all over ${VALIDATE_COPIES} partnerships`, allAvailable ? undefined : 'not available: report validate has no --all option yet (validate --help does not list it)');
  if (!allAvailable) validation.row('all').notAvailable = true;
  validation.ratio('validate', 'node', 'validate ÷ node -e 0');
  validation.target('validate', { at_most: 200, what: 'report validate on the demo, cold', unit: 's' });
  validation.target('all', { under: 5000, what: `report validate --all over ${VALIDATE_COPIES} partnerships`, unit: 's' });
  // Exit status 1 is an answer ("not ready to publish"), not a failure to measure.
  const validateEnv = { env: { REPORT_CACHE_DIR: validateCache }, okCodes: [0, 1] };
  const validationRuns = {
    node: () => runNode(['-e', '0']),
    validate: () => runNode([CLI, 'validate', '--data', join(ROOT, 'data')], validateEnv),
    all: async () => {
      const result = await runNode([CLI, 'validate', '--all', '--data', validateData], { ...validateEnv, okCodes: [0, 1, 2] });
      if (result.code === 2) {
        if (/unknown option/i.test(result.output)) {
          validation.row('all').unavailable = 'not available: report validate says unknown option --all';
          validation.row('all').notAvailable = true;
          delete validationRuns.all;
          return undefined;
        }
        throw new MeasureError(`report validate --all exited 2:\n${result.output.trim().split('\n').slice(-10).join('\n')}`);
      }
      validation.row('all').codes.add(result.code);
      return result;
    },
  };
  if (!allAvailable) delete validationRuns.all;
  try {
    await validationRuns.validate();
  } catch (error) {
    failed('report validate (setting up)', error);
  }

  // A one-field edit rebuilt as report preview does it: in one process (this one), modules and
  // charts warm, by build/index.js's api: check the data, render the HTML.
  const edit = new Group('Preview: HTML-only rebuild after a one-field edit, in one process');
  groups.push(edit);
  edit.add('edit', `check and render after a one-field edit (report.yaml's subtitle), ${EDITS_PER_ROUND} edits a round`);
  edit.target('edit', { under: 100, what: 'HTML-only rebuild after a one-field edit', unit: 's' });
  edit.manyPerRound = true;
  let editRun;
  try {
    const api = await import(join(ROOT, 'build', 'index.js'));
    // As the preview does (preview-server.ts): what was worked out from a text the edit did not
    // change is kept from one rebuild to the next.
    (await import(join(ROOT, 'build', 'util', 'remembered.js'))).rememberAcrossRuns();
    const editData = join(temp('edit'), 'data');
    cpSync(join(ROOT, 'data'), editData, { recursive: true });
    const editCache = temp('edit-cache');
    const year = readdirSync(editData).filter((entry) => /^\d{4}-\d{2}$/.test(entry)).sort().at(-1);
    const reportFile = join(editData, year, 'report.yaml');
    const original = readFileSync(reportFile, 'utf8');
    if (!/^subtitle: .*$/m.test(original)) throw new MeasureError(`${relative(ROOT, join(ROOT, 'data', year, 'report.yaml'))} has no subtitle line to edit`);
    let n = 0;
    editRun = async () => {
      const marker = `Edited for the benchmark, edit ${++n}`;
      writeFileSync(reportFile, original.replace(/^subtitle: .*$/m, `subtitle: ${marker}`));
      const t0 = performance.now();
      const checked = await api.check({ data: editData });
      if (!checked.report) throw new MeasureError(`the edited data has problems: ${JSON.stringify(checked.problems).slice(0, 300)}`);
      const rendered = await api.render(checked.report, { ...(checked.compliance ? { compliance: checked.compliance } : {}), draft: true, cacheDir: editCache });
      const ms = performance.now() - t0;
      if (!rendered.html.includes(marker)) throw new MeasureError('the rebuilt HTML does not show the edit');
      return { ms };
    };
    log('setting up the edit: two rebuilds, which warm its modules and charts');
    await editRun();
    await editRun();
  } catch (error) {
    failed('the one-field edit (setting up)', error);
    edit.row('edit').unavailable = `failed: ${error.message.split('\n')[0]}`;
    editRun = undefined;
  }

  // ------------------------------------------------------------------------------------------
  // The rounds.
  const measure = async (group, key, round, run, label) => {
    const row = group.row(key);
    if (!run || row.unavailable) return;
    try {
      const result = await run();
      if (!result) return;
      row.record(round, result);
      log(`round ${round + 1}/${ROUNDS} · ${label ?? group.title} · ${row.label}: ${(result.ms / 1000).toFixed(2)} s`);
    } catch (error) {
      failed(`${group.title}: ${row.label}, round ${round + 1}`, error);
    }
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const key of ['node', 'validate', 'all']) await measure(validation, key, round, validationRuns[key], 'validation');
    for (const report of reports) {
      if (!report.runs) continue;
      for (const key of ['floor', 'warm', 'first', ...peers.map((peer) => peer.key)]) await measure(report.group, key, round, report.runs[key], report.folder);
    }
    if (!batch.unmeasured) for (const key of ['floor', 'warm', 'first']) await measure(batch, key, round, batchRuns[key], 'batch');
    if (editRun) for (let i = 0; i < EDITS_PER_ROUND; i++) await measure(edit, 'edit', round, editRun, 'edit');
  }

  // Memory, in runs of their own: sampling /proc every 50 ms takes processor time.
  if (!batch.unmeasured) {
    for (const [key, label] of [['memoryWarm', 'warm cache'], ['memoryFirst', 'first time (empty cache)']]) {
      try {
        log(`batch: peak memory, ${label}`);
        const { peak } = await batchRuns[key]();
        batch.memory.push({ label, peak });
        log(`batch: peak memory, ${label}: ${mib(peak)}`);
      } catch (error) {
        failed(`the batch's peak memory, ${label}`, error);
      }
    }
  }

  const commands = [
    `report: \`node build/cli.js build --data D --out OUT --quiet\` with REPORT_CACHE_DIR set to a warm cache folder, or to an empty one each run for the first build; each run writes to an output folder of its own`,
    `floor: \`node test/bench/floor.mjs ${browserPath} '${flags}' index.html out.pdf\` (puppeteer-core ${puppeteerVersion()}; one browser, goto with waitUntil load, document.fonts.ready, page.pdf with format A4, printBackground, preferCSSPageSize, tagged, outline)`,
    ...peers.map((peer) => `${peer.name}${peer.version ? ` ${peer.version}` : ''}: ${peer.commandLine ? `\`${peer.commandLine}\`` : peer.unavailable}`),
    `batch: \`node build/cli.js build --all --data PARTNERSHIPS --out OUT --quiet\`; the time a report is the run's time over the PDFs it wrote`,
    `validation: \`node -e 0\`; \`node build/cli.js validate --data data\`; \`node build/cli.js validate --all --data PARTNERSHIPS\``,
    `the npm peers are installed in ${relative(ROOT, PEERS_DIR)}/ (npm install --prefix, PUPPETEER_SKIP_DOWNLOAD=1), outside package.json; every run is a whole process, run from the HTML's own folder for the peers, with TMPDIR inside the bench's own temporary folder`,
  ];

  console.log(
    formatReport({
      started,
      machine: `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown processor'}, ${memoryTotal()}`,
      node: process.version,
      chromium,
      loadAtStart,
      loadAtEnd: loadAverage(),
      rounds: ROUNDS,
      quick: QUICK,
      groups,
      commands,
      failures,
    }),
  );
}

if (failures.length) process.exitCode = 1;

function puppeteerVersion() {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', 'puppeteer-core', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}
