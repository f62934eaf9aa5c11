/**
 * data/partnership.yaml: what lasts from one year's report to the next.
 */
import { z } from 'zod';
import { colour, emailAddress, markdown, oneOf, person, setting, text, webAddress } from './primitives.js';

export const PARTNER_TYPES = ['local-authority', 'integrated-care-board', 'clinical-commissioning-group', 'police', 'other'] as const;

/** The health partner, by the name of its period: CCGs until July 2022, ICBs after. */
export const HEALTH_PARTNER_TYPES: readonly PartnerType[] = ['integrated-care-board', 'clinical-commissioning-group'];
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const safeguardingPartner = z
  .strictObject({
    name: text('The organisation, e.g. "Sandwell Metropolitan Borough Council"'),
    short_name: setting(text('Abbreviation used in the text, e.g. "SMBC"')),
    type: oneOf(PARTNER_TYPES, 'Which statutory partner this is: local-authority, integrated-care-board, clinical-commissioning-group (the health partner before July 2022), police, or other (e.g. a children\'s trust added as a fourth partner)'),
    // Roles named by Working Together 2023: the catalogue for the period asks for them
    // (named-roles), so leaving them out of an earlier report is not listed as unsaid.
    lead: person
      .optional()
      .meta({ description: 'The lead safeguarding partner: the council chief executive, the ICB chief executive or the chief constable', setting: true }),
    delegate: person
      .optional()
      .meta({ description: 'The delegated safeguarding partner who acts for the lead, e.g. the director of children\'s services', setting: true }),
    role: markdown('What this partner does within the arrangements').optional(),
  })
  .meta({ description: 'A statutory safeguarding partner' });

export const AGENCY_SECTORS = [
  'education',
  'health',
  'police-and-justice',
  'local-authority',
  'voluntary-and-community',
  'faith',
  'housing',
  'other',
] as const;

export const relevantAgency = z
  .strictObject({
    name: text('The agency or group of agencies, e.g. "Schools and colleges"'),
    sector: oneOf(AGENCY_SECTORS, 'Which sector the agency belongs to'),
    how_involved: markdown('How the agency takes part in the arrangements').optional(),
  })
  .meta({ description: 'A relevant agency taking part in the arrangements' });

export const partnershipSchema = z
  .strictObject({
    name: text('The partnership\'s full name, e.g. "Sandwell Children\'s Safeguarding Partnership"'),
    short_name: setting(text('The abbreviation used in the text, e.g. "SCSP"')),
    area: text('The local authority area the partnership covers, e.g. "Sandwell"'),
    region: text('The English region, e.g. "West Midlands"').optional(),
    website: webAddress('The partnership\'s public website').optional(),
    contact: z
      .strictObject({
        email: emailAddress.optional(),
        phone: text('A telephone number').optional(),
        address: text('A postal address on one line').optional(),
      })
      .meta({ description: 'How readers can contact the partnership' })
      .optional(),
    logo: setting(text('Path of the logo image, relative to the data folder, e.g. "logo.svg"')),
    colours: z
      .strictObject({
        primary: colour.meta({ description: 'Main brand colour, used for headings and the cover' }),
        accent: setting(colour.meta({ description: 'Second brand colour, used for highlights' })),
      })
      .meta({ description: 'Brand colours' })
      .optional()
      .meta({ setting: true }),
    comparator_names: z
      .strictObject({
        england: text('Name for the national comparator').default('England'),
        region: text('Name for the regional comparator, e.g. "West Midlands"').default('Region'),
        statistical_neighbours: text('Name for the statistical neighbours comparator').default(
          'Statistical neighbours',
        ),
      })
      .meta({ description: 'How comparators are named in tables and charts' })
      .optional()
      .meta({ setting: true }),
    small_numbers: z
      .strictObject({
        threshold: z
          .number({ error: 'expected a whole number, like 5' })
          .int({ error: 'expected a whole number, like 5' })
          .min(1, { error: 'must be at least 1' })
          .max(10, { error: 'must be at most 10' })
          .meta({ description: 'Counts from 1 to this number are not published (shown as "c" or "fewer than ..."); 5 unless you say otherwise' }),
      })
      .meta({ description: 'How small numbers are protected so that children cannot be identified' })
      .optional()
      .meta({ setting: true }),
    safeguarding_partners: z
      .array(safeguardingPartner)
      .min(1, { error: 'needs at least one partner: the local authority, the ICB and the police' })
      .meta({ description: 'The statutory safeguarding partners' }),
    relevant_agencies: z
      .array(relevantAgency)
      .meta({ description: 'Relevant agencies that take part (schools, health providers, charities...)' })
      .optional(),
    chair: person.optional().meta({ description: 'The independent chair or partnership chair (a Local Safeguarding Children Board\'s independent chair before 2019)' }),
    scrutineer: person.optional().meta({ description: 'The independent scrutineer' }),
    business_manager: person.optional().meta({ description: 'The partnership business manager' }),
  })
  .meta({
    title: 'Safeguarding children partnership',
    description: 'What lasts from year to year: name, area, partners, chair, scrutineer, branding',
  });

export type Partnership = z.infer<typeof partnershipSchema>;
export type SafeguardingPartner = z.infer<typeof safeguardingPartner>;

export const COMPARATORS = ['england', 'region', 'statistical_neighbours'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** What each comparator is called in this partnership's tables, charts and sentences. */
export function comparatorNames(partnership: Partnership): Record<Comparator, string> {
  return {
    england: partnership.comparator_names?.england ?? 'England',
    region: partnership.comparator_names?.region ?? partnership.region ?? 'Region',
    statistical_neighbours: partnership.comparator_names?.statistical_neighbours ?? 'Statistical neighbours',
  };
}
