/** What the partners did this year as a result of the arrangements, and the inspections of the year. */
import type { SafeHtml } from '../markdown.js';
import { formatEventDate } from '../format.js';
import type { ReportYear } from '../../model/report-year.js';
import { md, mdList, unlessEmpty, type SectionDefinition } from './section.js';

type Inspection = NonNullable<ReportYear['report']['inspections']>[number];

export interface WhatWeDidView {
  intro?: string;
  items?: SafeHtml[];
  inspections?: Array<{ name: string; date?: string; html?: SafeHtml; link?: Inspection['link'] }>;
}

export const whatWeDid: SectionDefinition<WhatWeDidView> = {
  title: 'What the partners did this year',
  view: ({ partnership, data, year }) => {
    const items = mdList(data.report.arrangements?.what_the_partners_did);
    return unlessEmpty({
      intro: items && `What the safeguarding partners in ${partnership.area} have done as a result of the arrangements during ${year}.`,
      items,
      inspections: data.report.inspections?.length
        ? data.report.inspections.map((inspection) => ({
            name: inspection.name,
            date: inspection.date === undefined ? undefined : formatEventDate(inspection.date),
            html: md(inspection.findings),
            link: inspection.link,
          }))
        : undefined,
    });
  },
};
