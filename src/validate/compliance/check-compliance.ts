/** The compliance stage as one call: choose the catalogue for the report, run its checks. */
import type { ReportData } from '../../model/checked-report.js';
import type { ComplianceReport } from '../../model/compliance.js';
import { chooseCatalogue } from './catalogue.js';
import { evaluate } from './evaluate.js';

export interface ComplianceOptions {
  /** The id of a catalogue in schemas/requirements, or the path of a catalogue file; by default the one in force for the period. */
  standard?: string;
  /** Today as YYYY-MM-DD (publication reminders depend on it); defaults to the real date. */
  today?: string;
}

export async function checkCompliance(report: ReportData, options: ComplianceOptions = {}): Promise<ComplianceReport> {
  const { catalogue, reason } = await chooseCatalogue(report.sections.report.period.start, options.standard);
  return evaluate(report, catalogue, reason, options.today);
}
