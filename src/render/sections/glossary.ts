/** The glossary, in alphabetical order. */
import type { ReportYear } from '../../model/report-year.js';
import type { SectionDefinition } from './section.js';

export interface GlossaryView {
  terms: NonNullable<ReportYear['glossary']>['terms'];
}

export const glossary: SectionDefinition<GlossaryView> = {
  title: 'Glossary',
  view({ data }) {
    const file = data.glossary;
    if (!file) return undefined;
    return { terms: [...file.terms].sort((a, b) => a.term.localeCompare(b.term, 'en-GB')) };
  },
};
