/**
 * The shape of a requirement catalogue (schemas/requirements/*.yaml): the statutory guidance as
 * editable data. Each requirement has a stable id, the guidance reference, must or should, the
 * requirement in plain words, and the checks that enforce it. The catalogue also says from
 * which reporting period it applies, which law requires the yearly report, and why the guidance
 * wants each data file (the comment `report init` and `report new-year` write at its top), so
 * that no statutory wording lives in the code.
 */
import { z } from 'zod';
import { identifier, isoDate, oneOf, text } from './primitives.js';
import { YEAR_FILE_NAMES, type YearFileName } from './report-year.js';

/** Every data file a partnership writes: partnership.yaml, then each file of a year folder. */
export type DataFileName = 'partnership' | YearFileName;
export const DATA_FILE_NAMES: readonly DataFileName[] = ['partnership', ...YEAR_FILE_NAMES];

export const requirementSchema = z
  .strictObject({
    id: identifier('A stable id for the requirement, e.g. effectiveness'),
    reference: text('Where the requirement comes from, e.g. "Working Together 2018, chapter 3, Reporting"'),
    level: oneOf(['must', 'should'], 'must: a statutory duty (a failure stops publication); should: what the guidance expects'),
    requirement: text('The requirement in plain words'),
    checks: z.array(identifier('The id of a check')).meta({ description: 'The checks that enforce it; none means it is confirmed by hand' }),
  })
  .meta({ description: 'One requirement' });

const whySchema = z
  .strictObject(
    Object.fromEntries(
      DATA_FILE_NAMES.map((name) => [name, text(`Why the guidance wants ${name}.yaml, in a sentence or two for the person who fills it in`).optional()]),
    ) as Record<DataFileName, z.ZodOptional<ReturnType<typeof text>>>,
  )
  .meta({ description: 'Why the guidance wants each data file: the comment at the top of the files report init and report new-year write' });

export const catalogueSchema = z
  .strictObject({
    id: identifier('A short id for the catalogue, the same as its file name, e.g. wt2018'),
    title: text('The guidance in full, e.g. "Working Together to Safeguard Children 2018"'),
    short_title: text('How the report names it, e.g. "Working Together 2018"'),
    source: text('The legislation and guidance behind it').optional(),
    applies_from: isoDate(
      'The first reporting period start it applies to: by default a report is checked against the catalogue with the latest applies_from on or before its period start (needed unless it extends another)',
    ).optional(),
    required_by: text(
      'The law that requires the yearly report, as the report\'s appendix names it: "The yearly report is required by <required_by> and <title>." (needed unless it extends another)',
    ).optional(),
    why: whySchema.optional(),
    extends: identifier(
      'The id of a catalogue in schemas/requirements whose requirements this one adds to; applies_from, required_by and why texts this one leaves out are taken from it',
    ).optional(),
    requirements: z.array(requirementSchema),
  })
  .meta({ title: 'Requirement catalogue', description: 'The requirements a yearly report is checked against' });

export type Requirement = z.infer<typeof requirementSchema>;
export interface Catalogue {
  id: string;
  title: string;
  shortTitle: string;
  /** The first reporting period start (YYYY-MM-DD) it applies to. */
  appliesFrom: string;
  /** The law that requires the yearly report, as the appendix names it. */
  requiredBy: string;
  /** Why the guidance wants each data file, for the files the scaffold writes. */
  why: Record<DataFileName, string>;
  requirements: Requirement[];
}
