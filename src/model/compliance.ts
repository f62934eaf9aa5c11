/**
 * What the statutory checks found: for each requirement of the chosen catalogue, whether the
 * report meets it and where. The checks (src/validate/compliance) make it; the command output
 * and the report's appendix present it.
 */
import type { Requirement } from './catalogue.js';
import type { ReportPlace } from './sections.js';

/**
 * A check's verdict: met (a careful national reviewer would agree), partly met (some evidence,
 * not enough), not met, not applicable (the requirement, body or role did not exist in the
 * period), or a reminder (something to do before or at publication).
 */
export type CheckStatus = 'met' | 'partly-met' | 'not-met' | 'not-applicable' | 'reminder';

/** Where in the data something is (or should be). */
export interface Where {
  file: string;
  line?: number;
  column?: number;
}

export interface Finding {
  message: string;
  where?: Where;
  /** The words or figure the verdict relied on, as the data gives them. */
  quote?: string;
}

export interface CheckResult {
  status: CheckStatus;
  /** Where the report meets it. */
  met: Finding[];
  /** What is missing or wrong (for not-met), or what to remember (for a reminder). */
  missing: Finding[];
}

export type RequirementStatus = CheckStatus | 'not-checked';

export interface RequirementOutcome {
  requirement: Requirement;
  status: RequirementStatus;
  /** Each check the catalogue names for it, by id, and what it found. */
  checks: Array<{ id: string; result: CheckResult }>;
  /** Places in the report where readers find how it is met. */
  sections: ReportPlace[];
  /** Whether it concerns the whole report rather than a place in it. */
  reportWide: boolean;
}

export interface ComplianceReport {
  catalogue: { id: string; title: string; shortTitle: string };
  /** The law that requires the yearly report, as the catalogue words it for the appendix. */
  requiredBy: string;
  reason: string;
  outcomes: RequirementOutcome[];
  /** Requirements not met, by level. */
  failed: { must: number; should: number };
  /** Requirements partly met, by level. */
  partly: { must: number; should: number };
  reminders: number;
}
