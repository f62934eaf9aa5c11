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

const regimeSchema = z
  .strictObject({
    period: text(
      'When the guidance is in force, completing "the period 2014-15 …", e.g. "is before the partnership arrangements of 2019"',
    ),
    report: text('Which report the period\'s is, and under which guidance, e.g. "the board\'s report under Working Together 2015"'),
  })
  .meta({
    description:
      'How the output says why a period is checked against this catalogue: "the period <year> <period>: <report>". Without it the output gives the dates that chose it',
  });

const transitionSchema = z
  .strictObject({
    from: isoDate(
      'The first period start of the transition: a period starting on or after it and before applies_from straddles the change, and is checked against the catalogue in force before this one, with the requirements in advised added as advice',
    ),
    period: text('What such a period does, completing "the period 2023-24 …", e.g. "straddles the change to Working Together 2023"'),
    note: text(
      'Why it is not yet held to this catalogue, in plain words, e.g. "Working Together 2023 was published in December 2023 and partnerships had until December 2024 to put it in place"',
    ),
    advised: z
      .array(identifier('The id of one of this catalogue\'s requirements'))
      .min(1, { error: 'name at least one requirement to advise' })
      .meta({ description: 'The requirements of this catalogue a straddling period is advised, not required, to meet: a shortfall is a reminder' }),
  })
  .meta({ description: 'A year that straddles the change to this guidance: checked against the guidance before it, with what this one adds advised, not required' });

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
    regime: regimeSchema.optional(),
    transition: transitionSchema.optional(),
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
  /** How the output says why a period is checked against it (see regimeSchema). */
  regime?: { period: string; report: string };
  /** The year that straddles the change to it (see transitionSchema). */
  transition?: { from: string; period: string; note: string; advised: string[] };
  requirements: Requirement[];
}

/**
 * When the bodies and roles some checks ask about came into being, from our reading of the
 * guidance (../shared/DOMAIN.md, "Which rules applied when"), so that no period is asked for a
 * body or role that did not exist then: the first day each counts from, and how the messages
 * say it.
 */
export const LANDMARKS = {
  /**
   * The first reporting year of the safeguarding partners' yearly report (Children Act 2004
   * s16G, Working Together 2018): the partnership arrangements replaced Local Safeguarding
   * Children Boards during 2019 (published by June, in place by September). Earlier periods
   * are the boards' reports (s14A, Working Together 2015), which the partners' duty to send a
   * copy to the Child Safeguarding Practice Review Panel and the What Works Centre (both set up
   * in 2018) does not cover.
   */
  partnersReport: { from: '2019-04-01', when: '2019' },
  /** Integrated care boards replaced clinical commissioning groups as the health partner (Health and Care Act 2022). */
  integratedCareBoards: { from: '2022-07-01', when: '1 July 2022' },
  /**
   * Working Together 2023 published and in force: lead and delegated safeguarding partners,
   * the partnership chair, the scrutineer evaluating the report. Partnerships had until
   * December 2024 to put it in place.
   */
  workingTogether2023: { from: '2023-12-15', when: 'December 2023' },
  /** The What Works Centre for Children's Social Care became Foundations. */
  foundations: { from: '2024-01-01', when: '2024' },
} as const;
