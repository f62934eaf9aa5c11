/** About the partnership: the area, the safeguarding partners, the relevant agencies and the people who lead. */
import type { Partnership } from '../../model/partnership.js';
import { formatCount } from '../format.js';
import { renderInlineMarkdown, type SafeHtml } from '../markdown.js';
import { md, type SectionDefinition } from './section.js';

const PARTNER_TYPE_WORDS = {
  'local-authority': 'Local authority',
  'integrated-care-board': 'Integrated care board',
  'clinical-commissioning-group': 'Clinical commissioning group',
  police: 'Police',
  other: 'Safeguarding partner',
} as const;

type Partner = Partnership['safeguarding_partners'][number];
type Person = NonNullable<Partnership['chair']>;

export interface AboutView {
  area?: { childPopulation: string; source?: string; html?: SafeHtml };
  partners: Array<{ name: string; shortName?: string; type: string; lead?: Partner['lead']; delegate?: Partner['delegate']; roleHtml?: SafeHtml }>;
  agencies?: Array<{ name: string; howHtml?: SafeHtml }>;
  summaryHtml?: SafeHtml;
  educationHtml?: SafeHtml;
  people: Person[];
}

export const about: SectionDefinition<AboutView> = {
  title: 'About the partnership',
  view({ partnership, data }) {
    const people = [partnership.chair, partnership.scrutineer, partnership.business_manager].filter((person): person is Person => Boolean(person)).map((person) => ({ ...person }));
    const area = data.report.area;
    return {
      area: area && {
        childPopulation: formatCount(area.child_population),
        source: area.population_source,
        html: md(area.description),
      },
      partners: partnership.safeguarding_partners.map((partner) => ({
        name: partner.name,
        shortName: partner.short_name,
        type: PARTNER_TYPE_WORDS[partner.type],
        lead: partner.lead,
        delegate: partner.delegate,
        roleHtml: md(partner.role),
      })),
      agencies: partnership.relevant_agencies?.map((agency) => ({
        name: agency.name,
        howHtml: agency.how_involved ? renderInlineMarkdown(agency.how_involved) : undefined,
      })),
      summaryHtml: md(data.report.arrangements?.summary),
      educationHtml: md(data.report.arrangements?.education),
      people,
    };
  },
};
