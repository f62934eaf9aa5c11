/**
 * The shape of a requirement catalogue (schemas/requirements/*.yaml): the statutory guidance as
 * editable data. Each requirement has a stable id, the guidance reference, must or should, the
 * requirement in plain words, and the checks that enforce it.
 */
import { z } from 'zod';
import { identifier, oneOf, text } from './primitives.js';

export const BUILT_IN = ['wt2018', 'wt2023'] as const;
export const requirementSchema = z
  .strictObject({
    id: identifier('A stable id for the requirement, e.g. effectiveness'),
    reference: text('Where the requirement comes from, e.g. "Working Together 2018, chapter 3, Reporting"'),
    level: oneOf(['must', 'should'], 'must: a statutory duty (a failure stops publication); should: what the guidance expects'),
    requirement: text('The requirement in plain words'),
    checks: z.array(identifier('The id of a check')).meta({ description: 'The checks that enforce it; none means it is confirmed by hand' }),
  })
  .meta({ description: 'One requirement' });

export const catalogueSchema = z
  .strictObject({
    id: identifier('A short id for the catalogue, e.g. wt2018'),
    title: text('The guidance in full, e.g. "Working Together to Safeguard Children 2018"'),
    short_title: text('How the report names it, e.g. "Working Together 2018"'),
    source: text('The legislation and guidance behind it').optional(),
    extends: oneOf(BUILT_IN, 'A built-in catalogue whose requirements this one adds to').optional(),
    requirements: z.array(requirementSchema),
  })
  .meta({ title: 'Requirement catalogue', description: 'The requirements a yearly report is checked against' });

export type Requirement = z.infer<typeof requirementSchema>;
export interface Catalogue {
  id: string;
  title: string;
  shortTitle: string;
  requirements: Requirement[];
}
