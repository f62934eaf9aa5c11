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
import { findToDos, toDoCounts, type ToDo } from './validate/to-do.js';
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
  const unplaced = loaded.unplaced.map((part) => ({ file: part.file, line: part.line, field: part.heading, what: 'text from an imported document, still to place in the data (then delete it from unplaced.md)' }));
  return { year: loaded.year, problems, warnings, report, compliance, toDos: [...findToDos(report), ...unplaced], notStated: findNotStated(report) };
}

/** Whether the report could be published as it stands, and if not, every reason in a few words. */
export interface Readiness {
  ready: boolean;
  reasons: string[];
}

export function readiness(checked: CheckedReport, strict = false): Readiness {
  const reasons: string[] = [];
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (checked.problems.length > 0) reasons.push(count(checked.problems.length, 'problem in the data', 'problems in the data'));
  reasons.push(...toDoCounts(checked.toDos));
  const compliance = checked.compliance;
  if (compliance) {
    const must = compliance.failed.must + compliance.partly.must;
    if (must > 0) reasons.push(`${count(must, 'statutory "must" is', 'statutory "must"s are')} not fully met`);
    const should = compliance.failed.should + compliance.partly.should;
    if (strict && should > 0) reasons.push(`${count(should, '"should" is', '"should"s are')} not fully met (--strict)`);
    // In a draft, placeholders are reminders rather than a "must" not met: still not ready.
    if (compliance.outcomes.some((o) => o.checks.some(({ id, result }) => id === 'no-placeholders' && result.status === 'reminder'))) reasons.push('placeholder text is still in the report');
  }
  if (checked.report?.sections.report.status === 'draft') reasons.push('its status is draft (set status: final in report.yaml when it is)');
  return { ready: reasons.length === 0, reasons };
}

/**
 * Whether `report validate` fails on it. Plainly: whenever the report is not ready to publish,
 * whatever its status says. With `draft` (while the report is being written, and in CI on
 * pull requests): only when the data itself has problems; what is left is still listed.
 */
export function checkFails(checked: CheckedReport, strict = false, draft = false): boolean {
  if (draft) return checked.problems.length > 0;
  return !readiness(checked, strict).ready;
}
