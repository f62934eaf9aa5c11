/**
 * Every section's view, by the id the model gives it (src/model/sections.ts, which also sets
 * their order). The type makes a view for every id a compile-time requirement; a section's
 * partial is templates/partials/<id>.hbs.
 */
import type { SectionId } from '../../model/sections.js';
import { about } from './about.js';
import { atAGlance } from './at-a-glance.js';
import { audits } from './audits.js';
import { childDeaths } from './child-deaths.js';
import { compliance } from './compliance.js';
import { effectiveness } from './effectiveness.js';
import { foreword } from './foreword.js';
import { funding } from './funding.js';
import { glossary } from './glossary.js';
import { lado } from './lado.js';
import { nextYear } from './next-year.js';
import { performance } from './performance.js';
import { priorities } from './priorities.js';
import { reviews } from './reviews.js';
import type { SectionDefinition } from './section.js';
import { scrutiny } from './scrutiny.js';
import { subgroups } from './subgroups.js';
import { training } from './training.js';
import { voice } from './voice.js';
import { whatWeDid } from './what-we-did.js';

export const SECTION_VIEWS = {
  foreword,
  'at-a-glance': atAGlance,
  about,
  'what-we-did': whatWeDid,
  priorities,
  performance,
  reviews,
  audits,
  training,
  voice,
  subgroups,
  'child-deaths': childDeaths,
  lado,
  scrutiny,
  effectiveness,
  funding,
  'next-year': nextYear,
  glossary,
  compliance,
} satisfies { [Id in SectionId]: SectionDefinition<unknown> };

type Views = typeof SECTION_VIEWS;

/** What the partial of section `Id` is given. */
export type SectionData<Id extends SectionId> = Views[Id] extends SectionDefinition<infer View> ? View : never;

/** A section as the page template sees it: numbered, titled, and its partial's data. */
export type SectionView = {
  [Id in SectionId]: { id: Id; number: number; title: string; partial: Id; data: SectionData<Id> };
}[SectionId];
