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
import { writtenContent } from './non-content.js';
import { excerpt } from './prose.js';

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
  /** It reads the whole report (every text field, every date), so its place is "throughout the report". */
  reportWide?: boolean;
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

/**
 * What a field says once placeholders, prompts, unanswered questions, empty bullets and
 * pointers to missing appendices are taken out; undefined when nothing is left. Every check
 * that credits words reads them through this, so padding earns nothing.
 */
export function written(text: string | undefined): string | undefined {
  return text === undefined ? undefined : writtenContent(text);
}

/**
 * Not met in a final report; to do (a reminder) in a draft, where a section not yet written
 * is expected.
 */
export function unwritten(report: ReportData, missing: Finding[], met: Finding[] = []): CheckResult {
  return { status: report.sections.report.status === 'draft' ? 'reminder' : 'not-met', met, missing };
}

/** The usual outcome: not met when anything is missing, met otherwise. */
export function outcome(missing: Finding[], met: Finding[]): CheckResult {
  return { status: missing.length > 0 ? 'not-met' : 'met', met, missing };
}

/** Some evidence, not enough: partly met when anything is missing and something is there. */
export function partly(missing: Finding[], met: Finding[]): CheckResult {
  if (missing.length === 0) return { status: 'met', met, missing };
  return { status: met.length > 0 ? 'partly-met' : 'not-met', met, missing };
}

/** The requirement, body or role did not exist in the report's period: `message` says why. */
export function notApplicable(message: string): CheckResult {
  return { status: 'not-applicable', met: [{ message }], missing: [] };
}

/**
 * The first real sentence of `text` (six words or more: not a bold lead-in or a heading),
 * plain and short, to quote as the evidence a verdict relied on.
 */
export function quoteOf(text: string | undefined, length = 160): string | undefined {
  if (!text) return undefined;
  // A bold lead-in at the start of a paragraph is a label, not the evidence.
  const plain = text.replace(/^\s*\*\*[^*]+\*\*[:.]?/gm, '').replace(/[*_`#>]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  const sentences = plain.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)?.map((sentence) => sentence.trim()) ?? [plain];
  const sentence = sentences.find((candidate) => candidate.split(' ').length >= 6) ?? sentences[0] ?? plain;
  return excerpt(sentence, length);
}

export function wordCount(text: string | undefined): number {
  return text ? text.split(/\s+/).filter((word) => /\w/.test(word)).length : 0;
}
