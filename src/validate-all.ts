/**
 * `report validate --all`: every year of every partnership in a folder (found as `report build
 * --all` finds them), each checked as `report validate` checks one, in this one process. What
 * does not change from report to report (the modules, the requirement catalogues, the model's
 * schemas) is loaded once. A partnership whose data cannot be read is that report's problems,
 * never a reason to stop: the others are checked all the same.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { check, checkFails, readiness, type CheckOptions } from './check.js';
import { DataProblemsError, UsageError, UserError } from './errors.js';
import { chooseYear, openDataFolder, YEAR_FOLDER } from './load/data-folder.js';
import { findPartnerships, type PartnershipFolder } from './load/partnerships.js';
import type { Problem } from './problems.js';
import { explainUnreadable } from './read-file.js';
import { displayPath } from './util/display-path.js';
import { chooseCatalogue } from './validate/compliance/catalogue.js';
import type { BatchOutput, BatchReport } from './validate/output-formats.js';

export interface ValidateAllOptions extends Omit<CheckOptions, 'onStage'> {
  /** Fail on any requirement not fully met, not only statutory "must"s. */
  strict?: boolean;
  /** Fail only on problems in the data. */
  draft?: boolean;
  /**
   * How many threads check reports beside this one; by default one fewer than the cores, for a
   * batch large enough to repay starting them (each loads the modules and catalogues again).
   */
  workers?: number;
  /** Told of each report as it is checked, in order, so output can follow the work. */
  onReport?: (report: BatchReport) => void;
}

/** What a worker thread is given: the options that decide how a report is checked. */
export type CheckOneOptions = Pick<ValidateAllOptions, 'standard' | 'today' | 'strict' | 'draft'>;

/** One report to check: a year of a partnership, or a partnership that has none to check. */
export interface Target {
  partnership: PartnershipFolder;
  year?: string;
  /** Why it cannot be checked at all, found before checking. */
  problems?: Problem[];
}

/** The problem a report has when its partnership's data cannot be read at all. */
function unreadable(partnership: PartnershipFolder, error: UserError): Problem[] {
  if (error instanceof DataProblemsError) return error.problems;
  const [message = '', ...rest] = error.message.split('\n');
  return [{ file: displayPath(partnership.data), message: message.replace(/\.$/, ''), ...(rest.length ? { hint: rest.join(' ') } : {}) }];
}

/**
 * What to check: each year of each partnership (or only `year`), and the partnerships that do
 * not have `year`. A partnership with no year folder at all is a report that fails, saying so.
 */
async function findReports(partnerships: PartnershipFolder[], year: string | undefined): Promise<{ targets: Target[]; withoutYear: string[] }> {
  const targets: Target[] = [];
  const withoutYear: string[] = [];
  for (const partnership of partnerships) {
    let years: string[];
    try {
      years = (await openDataFolder(partnership.data)).years;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      targets.push({ partnership, ...(year !== undefined ? { year } : {}), problems: unreadable(partnership, error) });
      continue;
    }
    if (year !== undefined) {
      if (years.includes(year)) targets.push({ partnership, year });
      else withoutYear.push(partnership.name);
    } else if (years.length === 0) {
      targets.push({ partnership, problems: [{ file: displayPath(partnership.data), message: 'has no year folder, so there is no report to check', hint: 'add one named like 2022-23 holding report.yaml and priorities.yaml' }] });
    } else {
      targets.push(...years.map((each) => ({ partnership, year: each })));
    }
  }
  return { targets, withoutYear };
}

/** One report checked as report validate checks it; a UserError (its data cannot be read) is its problems. */
export async function checkOne(target: Target, options: CheckOneOptions): Promise<BatchReport> {
  const { partnership } = target;
  const label = target.year ? `${partnership.name} ${target.year}` : partnership.name;
  const dataDir = displayPath(partnership.data);
  const unchecked = (problems: Problem[]): BatchReport => {
    const output = { year: target.year ?? '', dataDir, problems, warnings: [], toDos: [], notStated: [] };
    return { label, data: dataDir, output: { ...output, readiness: readiness(output, options.strict), failed: true } };
  };
  if (target.problems) return unchecked(target.problems);
  let checked;
  try {
    const { standard, today } = options;
    checked = await check({ data: partnership.data, year: target.year!, ...(standard !== undefined ? { standard } : {}), ...(today !== undefined ? { today } : {}) });
  } catch (error) {
    if (error instanceof UserError) return unchecked(unreadable(partnership, error));
    // A file or folder the system would not read (a year folder no one may list) that the
    // load stage does not explain: this report's problem, not a reason to stop the others.
    const refused = error as NodeJS.ErrnoException;
    if (typeof refused.code !== 'string' || typeof refused.syscall !== 'string') throw error;
    const path = refused.path ?? partnership.data;
    const why = await explainUnreadable(path, error);
    const what = (text: string) => (refused.syscall === 'scandir' ? text.replace('file', 'folder') : text);
    return unchecked([{ file: displayPath(path), message: what(why.message), hint: what(why.hint) }]);
  }
  const { year, problems, warnings, toDos, notStated, compliance } = checked;
  const failed = checkFails(checked, options.strict, options.draft);
  return { label, data: dataDir, output: { year, dataDir, problems, warnings, toDos, notStated, ...(compliance ? { compliance } : {}), readiness: readiness(checked, options.strict), failed } };
}

export async function validateAll(options: ValidateAllOptions = {}): Promise<BatchOutput> {
  const { year } = options;
  if (year !== undefined && !YEAR_FOLDER.test(year)) throw new UsageError(`--year ${year} is not a reporting year: write it like 2022-23.`);
  const { single, partnerships, skipped: notPartnerships } = findPartnerships(options.data ?? 'data');
  // What is wrong with --standard, or with the catalogues themselves, is wrong for every
  // report: said once, as report validate says it. This also reads the catalogues, once.
  await chooseCatalogue('2000-04-01', options.standard);
  const { targets, withoutYear } = await findReports(partnerships, year);
  if (targets.length === 0) {
    // One partnership: said as report validate --year says it, with the years there are.
    if (single) chooseYear(await openDataFolder(partnerships[0]!.data), year);
    throw new UsageError(`None of the ${partnerships.length} partnerships in ${displayPath(options.data ?? 'data')} has a ${year} folder.`);
  }
  const reports = await checkEach(targets, options);
  return { reports, ...(year !== undefined ? { year } : {}), withoutYear, notPartnerships, failed: reports.some((report) => report.output.failed) };
}

/** The worker threads' module, beside this one once compiled (absent when run from the TypeScript sources). */
const WORKER = new URL('./validate-all-worker.js', import.meta.url);
/** Starting a worker costs about what checking a few reports does: fewer than this each, and it is not worth it. */
const REPORTS_PER_WORKER = 8;
/** Reports sent to a worker ahead of its answers, so it has the next one while this thread is busy. */
const IN_FLIGHT = 2;

/**
 * Every report checked, in order: by this thread and by worker threads beside it when the
 * batch is large enough, each taking the next report as it finishes one. onReport hears of
 * them in order, as soon as those before them are done.
 */
async function checkEach(targets: Target[], options: ValidateAllOptions): Promise<BatchReport[]> {
  const { standard, today, strict, draft } = options;
  const checkOptions: CheckOneOptions = { ...(standard !== undefined ? { standard } : {}), ...(today !== undefined ? { today } : {}), ...(strict ? { strict } : {}), ...(draft ? { draft } : {}) };
  const workers = options.workers ?? (existsSync(fileURLToPath(WORKER)) ? Math.min(availableParallelism() - 1, Math.floor(targets.length / REPORTS_PER_WORKER)) : 0);
  const reports: BatchReport[] = [];
  let next = 0;
  let told = 0;
  const done = (index: number, report: BatchReport) => {
    reports[index] = report;
    for (; reports[told]; told += 1) options.onReport?.(reports[told]!);
  };
  // This thread takes the first report, so the first output does not wait for a worker to start.
  const here = (async () => {
    while (next < targets.length) {
      const index = next;
      next += 1;
      done(index, await checkOne(targets[index]!, checkOptions));
    }
  })();
  const threads = Array.from({ length: Math.max(0, workers) }, () => new Worker(WORKER, { workerData: checkOptions }));
  const byThread = threads.map(
    (thread) =>
      new Promise<void>((resolve, reject) => {
        let waiting = 0;
        const send = () => {
          while (waiting < IN_FLIGHT && next < targets.length) {
            thread.postMessage({ index: next, target: targets[next] });
            next += 1;
            waiting += 1;
          }
          if (waiting === 0) resolve();
        };
        thread.on('message', ({ index, report }: { index: number; report: BatchReport }) => {
          waiting -= 1;
          done(index, report);
          send();
        });
        thread.on('error', reject);
        thread.on('exit', (code) => reject(new Error(`a worker thread of report validate --all stopped (exit code ${code}) before its reports were checked`)));
        send();
      }),
  );
  try {
    await Promise.all([here, ...byThread]);
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return reports;
}
