/**
 * Runs a catalogue's checks against a report: each requirement is met, not met, a reminder
 * (something to do before or at publication), or not checked (confirmed by hand).
 */
import type { ReportData } from '../../model/checked-report.js';
import type { CheckStatus, ComplianceReport, RequirementOutcome, RequirementStatus } from '../../model/compliance.js';
import { contextFor } from './check.js';
import { CHECKS } from './checks/index.js';
import type { Catalogue } from '../../model/catalogue.js';

const SEVERITY: Record<CheckStatus, number> = { met: 0, reminder: 1, 'not-met': 2 };

export function evaluate(report: ReportData, catalogue: Catalogue, reason: string, today?: string): ComplianceReport {
  const context = contextFor(report, today);
  const outcomes = catalogue.requirements.map((requirement): RequirementOutcome => {
    const used = requirement.checks.map((id) => CHECKS.get(id)!);
    const checks = used.map((check) => ({ id: check.id, result: check.run(context) }));
    const status: RequirementStatus =
      checks.length === 0
        ? 'not-checked'
        : checks.map(({ result }) => result.status).reduce((worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst), 'met' as CheckStatus);
    return { requirement, status, checks, sections: [...new Set(used.flatMap((check) => check.sections))] };
  });
  const failed = (level: 'must' | 'should') => outcomes.filter((o) => o.requirement.level === level && o.status === 'not-met').length;
  return {
    catalogue: { id: catalogue.id, title: catalogue.title, shortTitle: catalogue.shortTitle },
    requiredBy: catalogue.requiredBy,
    reason,
    outcomes,
    failed: { must: failed('must'), should: failed('should') },
    reminders: outcomes.filter((o) => o.status === 'reminder').length,
  };
}

/** Whether the report may not be published: a must-level failure, or with --strict any failure. */
export function blocksPublication(compliance: ComplianceReport, strict = false): boolean {
  return compliance.failed.must > 0 || (strict && compliance.failed.should > 0);
}
