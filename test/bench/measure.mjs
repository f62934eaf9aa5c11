// The bench's instruments: running a command as a whole process and timing it, the memory of
// a process tree, the bench's own temporary folders (all removed at the end, even on failure
// or Ctrl-C), counting a PDF's pages, and the few statistics the report needs.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CLI = join(ROOT, 'build', 'cli.js');

// ---------------------------------------------------------------------------------------------
// Temporary folders: one root for the whole run, everything else inside it.

let root;
let counter = 0;
/** Processes still running (their process groups), ended if the bench is stopped. */
const running = new Set();

/** The bench's root temporary folder, made on first use. */
export function benchRoot() {
  if (!root) root = mkdtempSync(join(tmpdir(), 'report-bench-'));
  return root;
}

/** A new empty folder inside the bench's root. */
export function temp(label = 'run') {
  const folder = join(benchRoot(), `${label}-${++counter}`);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * The temporary folder every measured process is given (TMPDIR), inside the bench's root: what
 * a browser or a peer leaves behind there goes when the bench ends.
 */
export function childTmp() {
  const folder = join(benchRoot(), 'tmp');
  mkdirSync(folder, { recursive: true });
  return folder;
}

export function remove(folder) {
  rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
}

/** Ends what is still running and removes every temporary folder. Safe to call twice. */
export function cleanUp() {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
  running.clear();
  if (root && existsSync(root)) remove(root);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\nbench: ${signal}, removing its temporary folders\n`);
    cleanUp();
    process.exit(130);
  });
}
process.on('exit', cleanUp);

// ---------------------------------------------------------------------------------------------
// Memory.

/**
 * Memory of a process and all its descendants, in bytes: their proportional set size (Pss in
 * /proc/<pid>/smaps_rollup), which shares memory shared between Chromium's processes out
 * fairly instead of counting it once per process as RSS would. Only the tree's own
 * smaps_rollup files are read; every process's stat is read to find the tree.
 */
export function treePss(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  let total = 0;
  const walk = (pid) => {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {}
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(rootPid);
  return total;
}

// ---------------------------------------------------------------------------------------------
// Running a command.

/** A failure to measure: the bench reports it and exits non-zero. */
export class MeasureError extends Error {}

const tail = (text, lines = 15) => text.trim().split('\n').slice(-lines).join('\n');

/**
 * Runs a command as a whole process in its own process group and times it from spawn to exit.
 * Resolves { ms, peak, code, output }; rejects with a MeasureError when the exit code is not
 * one of `okCodes`, or when it runs longer than `timeoutMs`.
 * Its output goes to a file (read when it ends), so nothing it leaves running can hold the
 * bench up; whatever it started and left running when it exited is ended, by id.
 * With `memory`, samples the PSS of its process tree every 50 ms (in runs not timed for the
 * report: the sampling takes processor time of its own).
 */
export function runProcess(command, args, options = {}) {
  const { cwd = ROOT, env = {}, okCodes = [0], timeoutMs = 15 * 60_000, memory = false } = options;
  return new Promise((resolveRun, reject) => {
    const logFile = join(childTmp(), `output-${++counter}.log`);
    const fd = openSync(logFile, 'w');
    const started = performance.now();
    let child;
    try {
      child = spawn(command, args, {
        cwd,
        env: { ...process.env, TMPDIR: childTmp(), ...env },
        stdio: ['ignore', fd, fd],
        detached: true,
      });
    } finally {
      closeSync(fd);
    }
    running.add(child.pid);
    let peak = 0;
    const sampler = memory ? setInterval(() => (peak = Math.max(peak, treePss(child.pid))), 50) : undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    const output = () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      } finally {
        rmSync(logFile, { force: true });
      }
    };
    child.on('error', (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      running.delete(child.pid);
      output();
      reject(new MeasureError(`${command} could not be started: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      const ms = performance.now() - started;
      clearInterval(sampler);
      clearTimeout(timer);
      running.delete(child.pid);
      // Whatever the command left running (a browser it did not close, in its group or in a
      // group of its own, as puppeteer starts them) is ended: it still holds the output file.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      const left = fileHolders(logFile);
      for (const pid of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {}
      }
      const text = output();
      const shown = [command, ...args].join(' ');
      const leftNote = left.length ? ` (and left ${left.length} process${left.length === 1 ? '' : 'es'} running, ended by the bench)` : '';
      if (timedOut) reject(new MeasureError(`${shown} took longer than ${timeoutMs / 1000} s and was stopped:\n${tail(text)}`));
      else if (!okCodes.includes(code)) reject(new MeasureError(`${shown} exited ${code ?? signal} after ${(ms / 1000).toFixed(1)} s${leftNote}:\n${tail(text)}`));
      else resolveRun({ ms, peak, code, output: text, left: left.length });
    });
  });
}

/** The processes, other than this one, that have a file open (by /proc/<pid>/fd). */
function fileHolders(file) {
  const holders = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        if (readlinkSync(`/proc/${entry}/fd/${fd}`) === file) {
          holders.push(Number(entry));
          break;
        }
      }
    } catch {}
  }
  return holders;
}

/** A Node script run by the same Node as the bench. */
export const runNode = (args, options) => runProcess(process.execPath, args, options);

// ---------------------------------------------------------------------------------------------
// PDFs.

let pdfinfo;
/** The number of pages in a PDF (pdfinfo, else pdf-lib); a MeasureError if it is not a PDF. */
export async function pdfPages(file) {
  if (!existsSync(file)) throw new MeasureError(`no PDF was written at ${file}`);
  if (pdfinfo === undefined) {
    try {
      execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
      pdfinfo = true;
    } catch {
      pdfinfo = false;
    }
  }
  try {
    if (pdfinfo) {
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      if (pages > 0) return pages;
      throw new Error('pdfinfo found no pages');
    }
    const { PDFDocument } = await import('pdf-lib');
    const pages = (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
    if (pages > 0) return pages;
    throw new Error('no pages');
  } catch (error) {
    throw new MeasureError(`${file} is not a readable PDF: ${error.message}`);
  }
}

/** Every file under a folder whose name passes `test`, by full path. */
export function findFiles(folder, test) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (test(entry.name)) found.push(path);
    }
  };
  walk(folder);
  return found.sort();
}

// ---------------------------------------------------------------------------------------------
// Statistics and words.

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 1000 ? 3 : 2)} s` : '–');
export const ratio = (value) => (Number.isFinite(value) ? value.toFixed(2) : '–');
export const mib = (bytes) => `${Math.round(bytes / 2 ** 20)} MiB`;

/** "0.91–1.40": the smallest and largest of some values, as ratios or seconds. */
export function range(values, format) {
  if (values.length < 2) return '';
  return `${format(Math.min(...values))} – ${format(Math.max(...values))}`;
}

export function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

export function memoryTotal() {
  try {
    const kib = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]);
    return `${(kib / 2 ** 20).toFixed(1)} GiB`;
  } catch {
    return 'unknown memory';
  }
}
