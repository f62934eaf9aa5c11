/** Checking the quality of practice: the audits of the year, what they found and what changed. */
import { formatEventDate } from '../format.js';
import type { SafeHtml } from '../markdown.js';
import { md, mdList, type SectionDefinition } from './section.js';

const AUDIT_KIND_WORDS = {
  'multi-agency': 'Multi-agency audit',
  'single-agency': 'Single-agency audit',
  'section-11': 'Section 11 audit',
  'section-175': 'Section 175 audit',
  thematic: 'Thematic audit',
  other: 'Audit',
} as const;

export interface AuditsView {
  summaryHtml?: SafeHtml;
  audits: Array<{ title: string; kind: string; date?: string; scopeHtml?: SafeHtml; findings?: SafeHtml[]; actions?: SafeHtml[]; impactHtml?: SafeHtml }>;
}

export const audits: SectionDefinition<AuditsView> = {
  title: 'Checking the quality of practice',
  view({ data }) {
    const file = data.audits;
    if (!file || (file.audits.length === 0 && file.summary === undefined)) return undefined;
    return {
      summaryHtml: md(file.summary),
      audits: file.audits.map((audit) => ({
        title: audit.title,
        kind: AUDIT_KIND_WORDS[audit.kind],
        date: audit.date ? formatEventDate(audit.date) : undefined,
        scopeHtml: md(audit.scope),
        findings: mdList(audit.findings),
        actions: mdList(audit.actions),
        impactHtml: md(audit.impact),
      })),
    };
  },
};
