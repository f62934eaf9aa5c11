/**
 * What a statutory check is: a small unit with an id, what it looks at, and the check
 * itself. Checks never throw and never print; they say what they found and where.
 */
import { join } from 'node:path';
import type { YearFileName } from '../../model/report-year.js';
import { positionOf } from '../../load/yaml-file.js';
import { displayPath } from '../../util/display-path.js';
import type { ReportData } from '../../model/checked-report.js';
import type { CheckResult, CheckStatus, Finding, Where } from '../../model/compliance.js';
import type { ReportPlace } from '../../model/sections.js';

export type { CheckResult, CheckStatus, Finding, Where };

export interface CheckContext {
  report: ReportData;
  /** Today, as YYYY-MM-DD: publication reminders depend on it. */
  today: string;
  /** Where a field is in the data; a file that does not exist is named where it would be. */
  at(file: 'partnership' | YearFileName, path?: Array<string | number>): Where;
}

export interface Check {
  id: string;
  /** The data it looks at, e.g. "report.yaml effectiveness.assessment". */
  paths: string[];
  /** The places in the report where what it checks for is shown to readers. */
  sections: ReportPlace[];
  run(context: CheckContext): CheckResult;
}

export function contextFor(report: ReportData, today = new Date().toISOString().slice(0, 10)): CheckContext {
  return {
    report,
    today,
    at(name, path = []) {
      const file = name === 'partnership' ? report.sources.partnership : report.sources.files[name];
      if (!file) return { file: displayPath(join(report.dataDir, report.year, `${name}.yaml`)) };
      return { file: file.displayPath, ...positionOf(file, path) };
    },
  };
}

/** The usual outcome: not met when anything is missing, met otherwise. */
export function outcome(missing: Finding[], met: Finding[]): CheckResult {
  return { status: missing.length > 0 ? 'not-met' : 'met', met, missing };
}

export function wordCount(text: string | undefined): number {
  return text ? text.split(/\s+/).filter((word) => /\w/.test(word)).length : 0;
}
