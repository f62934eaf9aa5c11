/**
 * The appendix: each requirement of the guidance the report was checked against, whether it
 * is met, and the sections of this report where readers find it.
 */
import type { RequirementStatus } from '../../model/compliance.js';
import type { ReportPlace } from '../../model/sections.js';
import type { SectionDefinition } from './section.js';

const REQUIREMENT_STATUS_WORDS: Record<RequirementStatus, string> = {
  met: 'Met',
  'partly-met': 'Partly met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable to the period',
  reminder: 'At publication',
  'not-checked': 'Confirmed by the partners',
};

export interface ComplianceView {
  catalogue: string;
  /** The law that requires the yearly report, from the catalogue. */
  requiredBy: string;
  requirements: Array<{
    reference: string;
    level: 'Must' | 'Should';
    text: string;
    status: string;
    statusClass: RequirementStatus;
    places: Array<{ id: ReportPlace; title: string }>;
    /** Where there is no place to point to: "Throughout the report" only for a report-wide requirement. */
    noPlace?: string;
  }>;
}

export const compliance: SectionDefinition<ComplianceView> = {
  title: ({ compliance: outcome }) => `How this report meets ${outcome!.catalogue.shortTitle}`,
  view({ compliance: outcome }, earlier) {
    if (!outcome) return undefined;
    const titles = new Map<ReportPlace, string>(earlier.map((entry) => [entry.id, `${entry.number}. ${entry.title}`]));
    titles.set('about-this-report', 'About this report');
    return {
      catalogue: outcome.catalogue.title,
      requiredBy: outcome.requiredBy,
      requirements: outcome.outcomes.map((requirement) => ({
        reference: requirement.requirement.reference,
        level: requirement.requirement.level === 'must' ? 'Must' : 'Should',
        text: requirement.requirement.requirement,
        status: REQUIREMENT_STATUS_WORDS[requirement.status],
        statusClass: requirement.status,
        places: requirement.sections.filter((id) => titles.has(id)).map((id) => ({ id, title: titles.get(id)! })),
        noPlace: requirement.reportWide
          ? 'Throughout the report'
          : { 'not-applicable': 'Not applicable', 'not-checked': 'Confirmed by the partners' }[requirement.status as string] ?? 'Not in this report',
      })),
    };
  },
};
