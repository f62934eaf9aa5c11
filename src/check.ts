/**
 * The check stage: a data folder in, everything known about the report out. It loads the
 * year's files, checks them against the model, and, when the data is sound, runs the
 * statutory checks and lists what is still marked TO DO. `report validate`, `build`,
 * `preview` and `new-year` all start here, so they agree on what is wrong with a report.
 */
import { load, type LoadOptions } from './load/load-report.js';
import type { ReportData } from './model/checked-report.js';
import type { ComplianceReport } from './model/compliance.js';
import type { Problem } from './problems.js';
import { checkCompliance, type ComplianceOptions } from './validate/compliance/check-compliance.js';
import { blocksPublication } from './validate/compliance/evaluate.js';
import { findNotStated, type NotStated } from './validate/not-stated.js';
import { findToDos, type ToDo } from './validate/to-do.js';
import { validate } from './validate/validate-report.js';

export interface CheckOptions extends LoadOptions, ComplianceOptions {
  /** Told as each part starts, for a progress display. */
  onStage?: (stage: 'loading' | 'checking') => void;
}

export interface CheckedReport {
  /** The reporting year checked (the latest year folder when none was asked for). */
  year: string;
  /** Problems in the data: when there are any, there is no report. */
  problems: Problem[];
  /** Things worth looking at that do not stop the report. */
  warnings: Problem[];
  /** The report, when the data has no problems. */
  report?: ReportData;
  /** How the report meets the statutory requirements, when there is a report. */
  compliance?: ComplianceReport;
  /** Fields still marked "TO DO:". */
  toDos: ToDo[];
  /** What the data leaves unsaid (optional fields left out): listed, never a failure. */
  notStated: NotStated[];
}

export async function check(options: CheckOptions = {}): Promise<CheckedReport> {
  options.onStage?.('loading');
  const loaded = await load(options);
  options.onStage?.('checking');
  const { problems, warnings, report } = validate(loaded);
  if (!report) return { year: loaded.year, problems, warnings, toDos: [], notStated: [] };
  const compliance = await checkCompliance(report, {
    ...(options.standard !== undefined ? { standard: options.standard } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
  });
  return { year: loaded.year, problems, warnings, report, compliance, toDos: findToDos(report), notStated: findNotStated(report) };
}

/**
 * Whether `report validate` fails on it: problems in the data, fields still to write, or a
 * requirement not met that stops publication (any requirement, when strict).
 */
export function checkFails(checked: CheckedReport, strict = false): boolean {
  return checked.problems.length > 0 || checked.toDos.length > 0 || (checked.compliance !== undefined && blocksPublication(checked.compliance, strict));
}
