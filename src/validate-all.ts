/**
 * `report validate --all`: every year of every partnership in a folder (found as `report build
 * --all` finds them), each checked as `report validate` checks one, in this one process. What
 * does not change from report to report (the modules, the requirement catalogues, the model's
 * schemas) is loaded once. A partnership whose data cannot be read is that report's problems,
 * never a reason to stop: the others are checked all the same.
 */
import { check, checkFails, readiness, type CheckOptions } from './check.js';
import { DataProblemsError, UsageError, UserError } from './errors.js';
import { chooseYear, openDataFolder, YEAR_FOLDER } from './load/data-folder.js';
import { findPartnerships, type PartnershipFolder } from './load/partnerships.js';
import type { Problem } from './problems.js';
import { displayPath } from './util/display-path.js';
import { chooseCatalogue } from './validate/compliance/catalogue.js';
import type { BatchOutput, BatchReport } from './validate/output-formats.js';

export interface ValidateAllOptions extends Omit<CheckOptions, 'onStage'> {
  /** Fail on any requirement not fully met, not only statutory "must"s. */
  strict?: boolean;
  /** Fail only on problems in the data. */
  draft?: boolean;
  /** Told as each report is checked, in order, so output can follow the work. */
  onReport?: (report: BatchReport) => void;
}

/** One report to check: a year of a partnership, or a partnership that has none to check. */
interface Target {
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

async function checkOne(target: Target, options: ValidateAllOptions): Promise<BatchReport> {
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
    checked = await check({ ...options, data: partnership.data, year: target.year! });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return unchecked(unreadable(partnership, error));
  }
  const { year, problems, warnings, toDos, notStated, compliance } = checked;
  const failed = checkFails(checked, options.strict, options.draft);
  return { label, data: dataDir, output: { year, dataDir, problems, warnings, toDos, notStated, ...(compliance ? { compliance } : {}), readiness: readiness(checked, options.strict), failed } };
}

export async function validateAll(options: ValidateAllOptions = {}): Promise<BatchOutput> {
  const { year } = options;
  if (year !== undefined && !YEAR_FOLDER.test(year)) throw new UsageError(`--year ${year} is not a reporting year: write it like 2022-23.`);
  const { single, partnerships, skipped } = findPartnerships(options.data ?? 'data');
  // What is wrong with --standard, or with the catalogues themselves, is wrong for every
  // report: said once, as report validate says it. This also reads the catalogues, once.
  await chooseCatalogue('2000-04-01', options.standard);
  const { targets, withoutYear } = await findReports(partnerships, year);
  if (targets.length === 0) {
    // One partnership: said as report validate --year says it, with the years there are.
    if (single) chooseYear(await openDataFolder(partnerships[0]!.data), year);
    throw new UsageError(`None of the ${partnerships.length} partnerships in ${displayPath(options.data ?? 'data')} has a ${year} folder.`);
  }
  const reports: BatchReport[] = [];
  for (const target of targets) {
    const report = await checkOne(target, options);
    reports.push(report);
    options.onReport?.(report);
  }
  return { reports, ...(year !== undefined ? { year } : {}), withoutYear, skipped, failed: reports.some((report) => report.output.failed) };
}
