/**
 * Runs a catalogue's checks against a report: each requirement is met, not met, a reminder
 * (something to do before or at publication), or not checked (confirmed by hand).
 */
import type { ReportData } from '../../model/checked-report.js';
import type { CheckStatus, ComplianceReport, RequirementOutcome, RequirementStatus } from '../../model/compliance.js';
import { contextFor } from './check.js';
import { CHECKS } from './checks/index.js';
import { whileRemembering } from '../../util/remembered.js';
import type { Catalogue } from '../../model/catalogue.js';

const SEVERITY: Record<CheckStatus, number> = { 'not-applicable': -1, met: 0, reminder: 1, 'partly-met': 2, 'not-met': 3 };

export function evaluate(report: ReportData, catalogue: Catalogue, reason: string, today?: string): ComplianceReport {
  return whileRemembering(() => evaluateNow(report, catalogue, reason, today));
}

function evaluateNow(report: ReportData, catalogue: Catalogue, reason: string, today?: string): ComplianceReport {
  const context = contextFor(report, today);
  const outcomes = catalogue.requirements.map((requirement): RequirementOutcome => {
    const used = requirement.checks.map((id) => CHECKS.get(id)!);
    const checks = used.map((check) => ({ id: check.id, result: check.run(context) }));
    const status: RequirementStatus =
      checks.length === 0
        ? 'not-checked'
        : checks.map(({ result }) => result.status).reduce((worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst), 'not-applicable' as CheckStatus);
    return { requirement, status, checks, sections: [...new Set(used.flatMap((check) => check.sections))], reportWide: used.some((check) => check.reportWide === true) };
  });
  const count = (level: 'must' | 'should', status: RequirementStatus) => outcomes.filter((o) => o.requirement.level === level && o.status === status).length;
  const failed = (level: 'must' | 'should') => count(level, 'not-met');
  return {
    catalogue: { id: catalogue.id, title: catalogue.title, shortTitle: catalogue.shortTitle },
    requiredBy: catalogue.requiredBy,
    reason,
    outcomes,
    failed: { must: failed('must'), should: failed('should') },
    partly: { must: count('must', 'partly-met'), should: count('should', 'partly-met') },
    reminders: outcomes.filter((o) => o.status === 'reminder').length,
  };
}

/** Whether the report may not be published: a "must" not (fully) met, or with --strict any requirement not fully met. */
export function blocksPublication(compliance: ComplianceReport, strict = false): boolean {
  return compliance.failed.must + compliance.partly.must > 0 || (strict && compliance.failed.should + compliance.partly.should > 0);
}
