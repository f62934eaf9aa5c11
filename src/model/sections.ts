/**
 * The sections of a report, in the order readers meet them: the one list of section ids. Each
 * has a view (src/render/sections/<id>.ts) and a partial (templates/partials/<id>.hbs); the
 * statutory checks name them to say where a requirement is met.
 */
export const SECTION_IDS = [
  'foreword',
  'at-a-glance',
  'about',
  'what-we-did',
  'priorities',
  'performance',
  'reviews',
  'audits',
  'training',
  'voice',
  'subgroups',
  'child-deaths',
  'lado',
  'scrutiny',
  'effectiveness',
  'funding',
  'next-year',
  'glossary',
  'compliance',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

/** Where in the report a requirement can be met: a section, or "About this report" at the end. */
export type ReportPlace = SectionId | 'about-this-report';
