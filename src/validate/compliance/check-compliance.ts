/** The compliance stage as one call: choose the catalogue for the report, run its checks. */
import type { ReportData } from '../../model/checked-report.js';
import type { ComplianceReport, RequirementOutcome } from '../../model/compliance.js';
import { chooseCatalogue, type Advised } from './catalogue.js';
import { evaluate } from './evaluate.js';

export interface ComplianceOptions {
  /** The id of a catalogue in schemas/requirements, or the path of a catalogue file; by default the one in force for the period. */
  standard?: string;
  /** Today as YYYY-MM-DD (publication reminders depend on it); defaults to the real date. */
  today?: string;
}

export async function checkCompliance(report: ReportData, options: ComplianceOptions = {}): Promise<ComplianceReport> {
  const { start, end } = report.sections.report.period;
  const period = /^\d{4}-\d{2}$/.test(report.year) ? report.year : `${start} to ${end}`;
  const { catalogue, reason, advised } = await chooseCatalogue(start, options.standard, undefined, period);
  const compliance = evaluate(report, catalogue, reason, options.today);
  return advised ? advise(compliance, advised) : compliance;
}

/**
 * In a year that straddles a change of guidance, what the new guidance adds is advised, not
 * required: where the report falls short of it, that is a reminder saying why, never a failure.
 */
export function advise(compliance: ComplianceReport, advised: Advised): ComplianceReport {
  const outcomes = compliance.outcomes.map((outcome): RequirementOutcome => {
    if (!advised.ids.includes(outcome.requirement.id)) return outcome;
    if (outcome.status !== 'not-met' && outcome.status !== 'partly-met') return outcome;
    const checks = outcome.checks.map(({ id, result }) => {
      if (result.status !== 'not-met' && result.status !== 'partly-met') return { id, result };
      const missing = result.missing.map((finding) => ({ ...finding, message: `Advised by ${advised.by}, not yet required for this period: ${finding.message}` }));
      return { id, result: { ...result, status: 'reminder' as const, missing } };
    });
    return { ...outcome, status: 'reminder', checks };
  });
  const count = (level: 'must' | 'should', status: 'not-met' | 'partly-met') => outcomes.filter((o) => o.requirement.level === level && o.status === status).length;
  return {
    ...compliance,
    outcomes,
    failed: { must: count('must', 'not-met'), should: count('should', 'not-met') },
    partly: { must: count('must', 'partly-met'), should: count('should', 'partly-met') },
    reminders: outcomes.filter((o) => o.status === 'reminder').length,
  };
}
