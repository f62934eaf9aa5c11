/** The work of the subgroups: what each did and the difference it made. */
import type { ReportYear } from '../../model/report-year.js';
import type { SafeHtml } from '../markdown.js';
import { md, mdList, type SectionDefinition } from './section.js';

type Subgroup = NonNullable<ReportYear['subgroups']>['subgroups'][number];

export interface SubgroupsView {
  subgroups: Array<{
    name: string;
    chair?: Subgroup['chair'];
    purposeHtml?: SafeHtml;
    did?: SafeHtml[];
    difference?: SafeHtml[];
    strengths?: SafeHtml[];
    challenges?: SafeHtml[];
    next?: SafeHtml[];
  }>;
}

export const subgroups: SectionDefinition<SubgroupsView> = {
  title: 'The work of our subgroups',
  view({ data }) {
    const file = data.subgroups;
    if (!file || file.subgroups.length === 0) return undefined;
    return {
      subgroups: file.subgroups.map((group) => ({
        name: group.name,
        chair: group.chair,
        purposeHtml: md(group.purpose),
        did: mdList(group.did),
        difference: mdList(group.difference),
        strengths: mdList(group.strengths),
        challenges: mdList(group.challenges),
        next: mdList(group.next),
      })),
    };
  },
};
