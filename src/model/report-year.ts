/**
 * data/<year>/*.yaml: one year's report, split into files an editor can own separately.
 * Each exported `...File` schema is the whole of one file; `YEAR_FILES` maps file names to them.
 */
import { z } from 'zod';
import {
  count,
  eventDate,
  identifier,
  isoDate,
  link,
  markdown,
  money,
  oneOf,
  outsidePeriodIsContext,
  percentage,
  person,
  points,
  setting,
  text,
  yearLabel,
} from './primitives.js';

/* ---------------------------------------------------------------- report.yaml */

export const REPORT_STATUSES = ['draft', 'final'] as const;

export const reportFile = z
  .strictObject({
    title: setting(text('The report\'s title; defaults to "Annual report <year>"')),
    subtitle: setting(text('A line under the title, e.g. what the report demonstrates')),
    status: z
      .enum(REPORT_STATUSES, { error: 'expected draft or final' })
      .meta({ description: 'draft while writing; final when it is ready to publish' }),
    period: z
      .strictObject({
        start: isoDate('First day of the reporting period, e.g. 2022-04-01'),
        end: isoDate('Last day of the reporting period, e.g. 2023-03-31'),
      })
      .refine((period) => period.start < period.end, {
        error: 'the period must end after it starts',
        path: ['end'],
      })
      .meta({ description: 'The twelve months the report covers' }),
    publication: z
      .strictObject({
        date: eventDate('When the report is (or will be) published').optional(),
        version: setting(text('Version, e.g. "1.0"')),
        author: text('Who prepared the report, e.g. the business unit').optional(),
        sent_to_national_panel: isoDate(
          'Date a copy was sent to the Child Safeguarding Practice Review Panel',
        ).optional(),
        sent_to_what_works_centre: isoDate(
          'Date a copy was sent to the What Works Centre for Children\'s Social Care (Foundations)',
        ).optional(),
      })
      .meta({ description: 'Publication details' })
      .optional(),
    foreword: z
      .strictObject({
        author: person.optional().meta({ description: 'Who signed the foreword, when the report names them' }),
        text: markdown('The foreword'),
      })
      .meta({ description: 'Foreword, usually by the independent chair; leave out when the report has none' })
      .optional(),
    at_a_glance: points('Key messages from the year, a sentence each').optional(),
    area: z
      .strictObject({
        child_population: count('Number of children under 18 living in the area'),
        population_source: text('Where the population figure comes from, e.g. "ONS mid-2021 estimates"'),
        description: markdown('What the area and its children are like: deprivation, diversity, needs'),
      })
      .meta({ description: 'The area and its children' })
      .optional(),
    arrangements: z
      .strictObject({
        summary: markdown('How the safeguarding arrangements work: the partners, the board, subgroups, the business unit').optional(),
        what_the_partners_did: points(
          'What the partners have done as a result of the arrangements this year',
        ).optional(),
        education: markdown('How schools, colleges and other education settings are involved').optional(),
      })
      .meta({ description: 'How the arrangements work and what the partners did because of them' })
      .optional(),
    effectiveness: z
      .strictObject({
        assessment: markdown('The partners\' overall judgement of how effective the arrangements have been in practice').optional(),
        strengths: points('What works well').optional(),
        little_or_no_progress: markdown(
          'Where there has been little or no evidence of progress on agreed priorities, and why; or a statement that there were none',
        ).optional(),
        challenges: points('Barriers and challenges').optional(),
      })
      .meta({ description: 'How effective the arrangements have been' })
      .optional(),
    inspections: z
      .array(
        z.strictObject({
          name: text('The inspection, e.g. "Ofsted ILACS inspection"'),
          date: eventDate('When it took place').optional(),
          context: outsidePeriodIsContext,
          findings: markdown('What it found and what it means for the partnership'),
          link: link.optional(),
        }),
      )
      .meta({ description: 'Inspections during the year (ILACS, JTAI...)' })
      .optional(),
  })
  .meta({ title: 'Annual report: main file', description: 'Period, publication, foreword, arrangements and effectiveness' });

/* ---------------------------------------------------------------- priorities.yaml */

export const PROGRESS_RATINGS = ['good', 'some', 'little', 'none'] as const;
export const IMPACT_KINDS = ['indicator', 'audit', 'evaluation', 'feedback', 'inspection', 'observation'] as const;
export const CONTINUUM_STAGES = [
  'early-help',
  'children-in-need',
  'child-protection',
  'looked-after-children',
  'care-leavers',
] as const;

export const impactEvidence = z
  .strictObject({
    evidence: markdown('The change for children, families or practice, and how you know'),
    kind: oneOf(IMPACT_KINDS, 'What kind of evidence this is: an indicator movement, an audit finding, an evaluated outcome...; leave out when the report does not say (its words are then read instead)').optional(),
    indicator: identifier('The id of an indicator in indicators.yaml that shows this change').optional(),
  })
  .meta({ description: 'Evidence of impact on outcomes for children and families' });

export const priority = z
  .strictObject({
    id: identifier('A short id for the priority, e.g. neglect'),
    title: text('The priority, e.g. "Tackling neglect"'),
    why: markdown('Why this is a priority').optional(),
    activity: points('What the partners and agencies did on this priority').optional(),
    impact: z
      .array(impactEvidence)
      .meta({ description: 'Evidence of the difference it made (not counts of meetings held)' })
      .optional(),
    progress: oneOf(PROGRESS_RATINGS, 'How much progress the report says was made: good, some, little or none; leave out when the report gives no rating').optional(),
    progress_analysis: markdown('Why progress was little or none, and what will change').optional(),
    continuum: z
      .array(oneOf(CONTINUUM_STAGES, 'A stage: early-help, children-in-need, child-protection, looked-after-children or care-leavers'))
      .meta({ description: 'Which parts of the continuum from early help to care leavers this covers' })
      .optional(),
  })
  .meta({ description: 'One of the year\'s priorities' });

export const prioritiesFile = z
  .strictObject({
    introduction: markdown('How the priorities were chosen').optional(),
    priorities: z.array(priority).meta({ description: 'The priorities; may be empty' }),
  })
  .meta({ title: 'Priorities', description: 'The year\'s priorities, what was done and the impact' });

/* ---------------------------------------------------------------- indicators.yaml */

export const INDICATOR_UNITS = ['count', 'percentage', 'rate-per-10000'] as const;
export const POLARITIES = ['higher-is-better', 'lower-is-better', 'neither'] as const;

/** A figure, or "c" where it is suppressed because it is small enough to identify children. */
export const figure = z
  .union([z.number(), z.literal('c')], {
    error: 'expected a number, like 23.0, or c for a suppressed value',
  })
  .meta({ description: 'A number, or c where the value is suppressed' });

/**
 * When a figure applies, as the report states it: a snapshot on a date (31 March, the end of
 * July) or part of a year (April to December). Without either, a figure is for the whole year.
 */
const figureWhen = {
  as_at: setting(eventDate('The date the figure is a snapshot of, e.g. 2023-03-31')),
  from: setting(eventDate('The start of the part of the year the figure covers, e.g. 2022-04')),
  to: setting(eventDate('The end of the part of the year the figure covers, e.g. 2022-12')),
};

/** Both ends of a part of a year, and not a snapshot at the same time. */
function oneWhen(when: { as_at?: string; from?: string; to?: string }, ctx: z.RefinementCtx) {
  if ((when.from === undefined) !== (when.to === undefined)) {
    ctx.addIssue({ code: 'custom', path: [when.from === undefined ? 'from' : 'to'], message: 'give both from and to for a part of a year' });
  }
  if (when.as_at !== undefined && when.from !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['as_at'], message: 'a figure is either a snapshot (as_at) or for part of a year (from and to), not both' });
  }
  if (when.from !== undefined && when.to !== undefined && when.from > when.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'the part of the year must end after it starts' });
  }
}

/** A figure with the period or date it applies to, when that is not the whole reporting year. */
export const datedFigure = z
  .strictObject({
    value: figure,
    ...figureWhen,
    note: setting(text('What a reader needs to know about this one figure')),
  })
  .superRefine(oneWhen)
  .meta({ description: 'A figure with when it applies: { value: 412, as_at: 2023-03-31 } for a snapshot, or { value: 120, from: 2022-04, to: 2022-12 } for part of a year' });

/** A figure as the report states it: a plain number (for the whole year), or with its own date or period. */
export const statedFigure = z
  .union([figure, datedFigure], {
    error: 'expected a number, c, or a figure with its date like { value: 412, as_at: 2023-03-31 }',
  })
  .meta({ description: 'A number or c; or { value, as_at } for a snapshot; or { value, from, to } for part of a year' });

const byYear = (description: string) =>
  z.record(yearLabel, statedFigure).meta({ description: `${description}, by reporting year (e.g. 2022-23: 23.0, or 2022-23: { value: 412, as_at: 2023-03-31 })` });

export const indicator = z
  .strictObject({
    id: identifier('A short id for the indicator, e.g. re-referrals'),
    label: text('The indicator\'s name, e.g. "Re-referrals within 12 months"'),
    definition: text('What it measures, in plain English').optional(),
    group: text('The heading it sits under, e.g. "The front door"'),
    area: setting(text('The part of the area the figure is for, e.g. a district such as "Wyre Forest"; leave out for the whole area')),
    unit: oneOf(INDICATOR_UNITS, 'count, percentage, or rate-per-10000 (children under 18)'),
    polarity: oneOf(POLARITIES, 'Whether a higher value is better, worse, or neither; leave out when the report does not say (no better or worse is then claimed)').optional(),
    values: byYear('The local figure'),
    counts: z
      .record(yearLabel, count('Number of children'))
      .meta({ description: 'For a rate per 10,000: the number of children it is worked out from, by reporting year, so the rate can be checked against the child population' })
      .optional(),
    quarters: z
      .strictObject({
        Q1: figure.optional(),
        Q2: figure.optional(),
        Q3: figure.optional(),
        Q4: figure.optional(),
      })
      .meta({ description: 'This year\'s figure by quarter' })
      .optional(),
    comparators: z
      .strictObject({
        england: byYear('The England average').optional(),
        region: byYear('The regional average').optional(),
        statistical_neighbours: byYear('The statistical neighbours\' average').optional(),
        others: z
          .array(
            z.strictObject({
              name: text('The comparator as the report names it, e.g. "Core cities" or "Herefordshire"'),
              values: byYear('Its figure'),
            }),
          )
          .meta({ description: 'Comparators of the partnership\'s own choosing' })
          .optional()
          .meta({ setting: true }),
      })
      .meta({ description: 'Comparators, each by the year they relate to' })
      .optional(),
    source: text('Where the figure comes from').optional(),
    notes: markdown('Anything a reader needs to interpret the figure').optional(),
    headline: z.boolean({ error: 'expected true or false' }).meta({ description: 'Show in "the year at a glance"' }).optional(),
  })
  .meta({ description: 'A performance indicator' });

export const breakdown = z
  .strictObject({
    id: identifier('A short id, e.g. contacts-by-source'),
    label: text('What is broken down, e.g. "Contacts to the front door by source"'),
    group: text('The heading it sits under'),
    unit: oneOf(['count', 'percentage'], 'count or percentage'),
    parts: z
      .array(
        z.strictObject({
          label: text('The part, e.g. "Police"'),
          value: figure,
        }),
      )
      .min(2, { error: 'needs at least two parts' }),
    total: figure
      .meta({ description: 'The total as the report states it (kept even when the parts do not add up to it)' })
      .optional(),
    year: setting(yearLabel.meta({ description: 'The reporting year the figures are for, when not this report\'s year' })),
    ...figureWhen,
    area: setting(text('The part of the area the figures are for, e.g. a district; leave out for the whole area')),
    source: text('Where the figures come from').optional(),
    notes: markdown('Anything a reader needs to interpret the figures').optional(),
  })
  .superRefine(oneWhen)
  .meta({ description: 'A figure broken into parts (by source, by age, by placement...)' });

export const indicatorsFile = z
  .strictObject({
    introduction: markdown('What the figures show overall').optional(),
    indicators: z.array(indicator).meta({ description: 'The indicators; may be empty' }),
    breakdowns: z.array(breakdown).optional(),
  })
  .meta({ title: 'Performance indicators', description: 'Figures with last year\'s values and comparators' });

/* ---------------------------------------------------------------- reviews.yaml */

export const REVIEW_KINDS = ['rapid-review', 'lcspr', 'national', 'serious-case-review', 'learning-review', 'other'] as const;
export const ACTION_STATUSES = ['not-started', 'in-progress', 'complete'] as const;
export const REVIEW_STATUSES = ['in-progress', 'completed', 'published'] as const;

export const recommendation = z
  .strictObject({
    recommendation: markdown('The recommendation'),
    action: markdown('What is being done in response').optional(),
    owner: text('Who owns the action (an agency or a subgroup)').optional(),
    status: oneOf(ACTION_STATUSES, 'not-started, in-progress or complete').optional(),
    due: isoDate('When the action is due').optional(),
    improvement: markdown('The improvement that resulted, once complete').optional(),
  })
  .meta({ description: 'A recommendation and the action taken on it' });

export const review = z
  .strictObject({
    id: identifier('A short id, e.g. child-1'),
    kind: oneOf(REVIEW_KINDS, 'rapid-review, lcspr (local child safeguarding practice review), national, serious-case-review (before the 2018 arrangements), learning-review, or other (spotlight, tabletop...)'),
    title: text('How the review is known, e.g. "Child 1" or "Child Protection in England"'),
    date: eventDate('When the review met, started or was published').optional(),
    context: outsidePeriodIsContext,

    status: oneOf(REVIEW_STATUSES, 'in-progress, completed or published')
      .optional(),
    summary: markdown('What happened and why it was reviewed, anonymised').optional(),
    decision: markdown('For a rapid review: what was decided, and whether the National Panel agreed').optional(),
    learning: points('Key learning').optional(),
    recommendations: z.array(recommendation).optional(),
    link: link.optional(),
  })
  .meta({ description: 'A rapid review, local or national child safeguarding practice review' });

export const reviewsFile = z
  .strictObject({
    summary: markdown('An overview of the year\'s reviews').optional(),
    notifications: count('Serious incident notifications made to the National Panel in the year').optional(),
    rapid_reviews: count('Rapid reviews held in the year').optional(),
    practice_reviews_started: count('Local child safeguarding practice reviews started in the year').optional(),
    reviews: z.array(review).optional(),
  })
  .meta({ title: 'Learning from reviews', description: 'Rapid reviews, local and national practice reviews' });

/* ---------------------------------------------------------------- audits.yaml */

export const AUDIT_KINDS = ['multi-agency', 'single-agency', 'section-11', 'section-175', 'thematic', 'other'] as const;

export const auditsFile = z
  .strictObject({
    summary: markdown('How the partnership assures the quality of practice').optional(),
    audits: z
      .array(
        z.strictObject({
          title: text('The audit, e.g. "Multi-agency case file audit: physical abuse referrals"'),
          kind: oneOf(AUDIT_KINDS, 'multi-agency, single-agency, section-11, section-175, thematic or other'),
          date: eventDate('When it was completed').optional(),
          context: outsidePeriodIsContext,

          scope: markdown('What was audited and how many cases or agencies').optional(),
          findings: points('What it found').optional(),
          actions: points('What was done as a result').optional(),
          impact: markdown('The difference it made').optional(),
        }),
      )
      .meta({ description: 'The audits; may be empty' }),
  })
  .meta({ title: 'Multi-agency audits', description: 'Case file audits, section 11 and section 175 audits' });

/* ---------------------------------------------------------------- training.yaml */

export const trainingFile = z
  .strictObject({
    summary: markdown('The training offer and who it reached').optional(),
    courses: z
      .array(
        z.strictObject({
          title: text('The course'),
          sessions: count('Sessions run').optional(),
          places: count('Places available').optional(),
          booked: count('Places booked or allocated').optional(),
          delegates: count('People who attended').optional(),
          no_shows: count('People booked who did not attend').optional(),
        }),
      )
      .optional(),
    elearning: z
      .array(
        z.strictObject({
          title: text('The module'),
          completions: count('Times completed'),
        }),
      )
      .optional(),
    delegates_by_agency: z
      .array(
        z.strictObject({
          agency: text('The agency or sector'),
          delegates: count('People from it who attended'),
        }),
      )
      .optional(),
    evaluation: z
      .strictObject({
        method: markdown('How training is evaluated').optional(),
        knowledge_before: percentage('Average knowledge score before training').optional(),
        knowledge_after: percentage('Average knowledge score after training').optional(),
        satisfaction: markdown('What delegates said about the training').optional(),
        impact_on_practice: markdown('Evidence that practice changed as a result (follow-up, audit, case studies)').optional(),
      })
      .meta({ description: 'How the training was evaluated and its impact on practice' })
      .optional(),
  })
  .meta({ title: 'Training', description: 'Multi-agency training and its impact on practice' });

/* ---------------------------------------------------------------- voice.yaml */

export const voiceFile = z
  .strictObject({
    summary: markdown('How the partners seek and use feedback from children and families').optional(),
    feedback: z
      .array(
        z.strictObject({
          title: text('The activity, e.g. "Young people\'s takeover of the partnership board"'),
          who: text('Whose views, e.g. "Young people from the SHAPE youth forum"'),
          date: eventDate('When').optional(),
          context: outsidePeriodIsContext,

          heard: markdown('What we heard').optional(),
          quotes: z
            .array(
              z.strictObject({
                text: text('Their words, exactly as the report gives them'),
                who: text('Who said it, e.g. "a young person at the takeover day"').optional(),
              }),
            )
            .meta({ description: 'Children\'s and families\' own words' })
            .optional(),
          changed: markdown('What changed as a result, when the report says').optional(),
          links: z.array(link).meta({ description: 'A video, a page or a document where more can be seen' }).optional(),
        }),
      )
      .meta({ description: 'What was heard from children and families; may be empty' }),
  })
  .meta({ title: 'Voice of children and families', description: 'What we heard and what we changed' });

/* ---------------------------------------------------------------- scrutiny.yaml */

export const scrutinyFile = z
  .strictObject({
    scrutineer: person.optional().meta({ description: 'The scrutineer, if not the one in partnership.yaml', setting: true }),
    arrangements: markdown('How independent scrutiny is arranged').optional(),
    activities: points('What the scrutineer did this year').optional(),
    findings: points('What the scrutiny found').optional(),
    recommendations: points('What the scrutineer recommends').optional(),
    statement: markdown('The scrutineer\'s own statement on the report and the arrangements').optional(),
  })
  .meta({ title: 'Independent scrutiny', description: 'The independent scrutineer\'s work and findings' });

/* ---------------------------------------------------------------- funding.yaml */

export const fundingFile = z
  .strictObject({
    summary: markdown('How the arrangements are funded, and any change from last year').optional(),
    contributions: z
      .array(
        z.strictObject({
          partner: text('Who contributed'),
          amount: money('How much, in pounds'),
        }),
      )
      .min(1, { error: 'needs at least one contribution' })
      .meta({ description: 'What each partner contributed' })
      .optional(),
    total: money('Total income, in pounds').optional(),
    spending: z
      .array(
        z.strictObject({
          item: text('What the money was spent on, e.g. "Business unit staffing"'),
          amount: money('How much, in pounds'),
        }),
      )
      .optional(),
  })
  .meta({ title: 'Funding', description: 'Contributions by partner and spending' });

/* ---------------------------------------------------------------- subgroups.yaml */

export const subgroupsFile = z
  .strictObject({
    subgroups: z
      .array(
        z.strictObject({
          name: text('The subgroup, e.g. "Learning from practice reviews"'),
          chair: text('Who chairs it').optional(),
          purpose: markdown('What it is for').optional(),
          did: points('What it did this year').optional(),
          difference: points('What difference it made').optional(),
          strengths: points('Strengths').optional(),
          challenges: points('Barriers and challenges').optional(),
          next: points('What it will do next year').optional(),
        }),
      )
      .meta({ description: 'The subgroups; may be empty' }),
  })
  .meta({ title: 'Subgroups', description: 'What each subgroup did and the difference it made' });

/* ---------------------------------------------------------------- child-deaths.yaml */

export const childDeathsFile = z
  .strictObject({
    panel: text('The child death overview panel, e.g. "Black Country Child Death Overview Panel"').optional(),
    summary: markdown('What the panel found this year').optional(),
    notifications: count('Child deaths notified in the area this year').optional(),
    panel_area_notifications: count('Child deaths notified across the whole panel area').optional(),
    joint_agency_responses: count('Deaths that needed a joint agency response').optional(),
    reviews_completed: count('Reviews the panel completed').optional(),
    themes: points('Themes and learning').optional(),
  })
  .meta({ title: 'Child deaths', description: 'The child death overview panel\'s year' });

/* ---------------------------------------------------------------- lado.yaml */

export const ladoFile = z
  .strictObject({
    summary: markdown('What the LADO does and what the year showed').optional(),
    referrals: count('Allegations referred to the LADO this year').optional(),
    referrals_last_year: count('The same figure last year').optional(),
    by_sector: z
      .array(
        z.strictObject({
          sector: text('Where the person works, e.g. "Education"'),
          referrals: count('Referrals'),
        }),
      )
      .optional(),
    themes: points('Themes and learning').optional(),
  })
  .meta({ title: 'Allegations against people who work with children (LADO)', description: 'The LADO\'s year' });

/* ---------------------------------------------------------------- next-year.yaml */

export const nextYearFile = z
  .strictObject({
    introduction: markdown('How next year\'s priorities were chosen').optional(),
    priorities: z
      .array(
        z.strictObject({
          title: text('The priority'),
          why: markdown('Why it matters').optional(),
          actions: points('What will be done').optional(),
        }),
      )
      .meta({ description: 'Next year\'s priorities; may be empty' }),
  })
  .meta({ title: 'Next year\'s priorities', description: 'What the partnership will focus on next' });

/* ---------------------------------------------------------------- glossary.yaml */

export const glossaryFile = z
  .strictObject({
    terms: z
      .array(
        z.strictObject({
          term: text('The term or abbreviation, e.g. "MASH"'),
          meaning: text('What it means'),
        }),
      )
      .min(1, { error: 'needs at least one term' }),
  })
  .meta({ title: 'Glossary', description: 'Abbreviations and terms used in the report' });

/* ---------------------------------------------------------------- the whole year */

/** Every file a year folder may hold, its schema, and whether it must be there. */
export const YEAR_FILES = {
  report: { schema: reportFile, required: true },
  priorities: { schema: prioritiesFile, required: true },
  indicators: { schema: indicatorsFile, required: false },
  reviews: { schema: reviewsFile, required: false },
  audits: { schema: auditsFile, required: false },
  training: { schema: trainingFile, required: false },
  voice: { schema: voiceFile, required: false },
  scrutiny: { schema: scrutinyFile, required: false },
  funding: { schema: fundingFile, required: false },
  subgroups: { schema: subgroupsFile, required: false },
  'child-deaths': { schema: childDeathsFile, required: false },
  lado: { schema: ladoFile, required: false },
  'next-year': { schema: nextYearFile, required: false },
  glossary: { schema: glossaryFile, required: false },
} as const;

export type YearFileName = keyof typeof YEAR_FILES;
export const YEAR_FILE_NAMES = Object.keys(YEAR_FILES) as YearFileName[];

export type ReportFile = z.infer<typeof reportFile>;
export type PrioritiesFile = z.infer<typeof prioritiesFile>;
export type IndicatorsFile = z.infer<typeof indicatorsFile>;
export type Indicator = z.infer<typeof indicator>;
export type Breakdown = z.infer<typeof breakdown>;
export type Figure = z.infer<typeof figure>;
export type StatedFigure = z.infer<typeof statedFigure>;
export type DatedFigure = z.infer<typeof datedFigure>;
export type ReviewsFile = z.infer<typeof reviewsFile>;
export type AuditsFile = z.infer<typeof auditsFile>;
export type TrainingFile = z.infer<typeof trainingFile>;
export type VoiceFile = z.infer<typeof voiceFile>;
export type ScrutinyFile = z.infer<typeof scrutinyFile>;
export type FundingFile = z.infer<typeof fundingFile>;
export type SubgroupsFile = z.infer<typeof subgroupsFile>;
export type ChildDeathsFile = z.infer<typeof childDeathsFile>;
export type LadoFile = z.infer<typeof ladoFile>;
export type NextYearFile = z.infer<typeof nextYearFile>;
export type GlossaryFile = z.infer<typeof glossaryFile>;

/** One year's report once every file has been checked. */
export interface ReportYear {
  report: ReportFile;
  priorities: PrioritiesFile;
  indicators?: IndicatorsFile;
  reviews?: ReviewsFile;
  audits?: AuditsFile;
  training?: TrainingFile;
  voice?: VoiceFile;
  scrutiny?: ScrutinyFile;
  funding?: FundingFile;
  subgroups?: SubgroupsFile;
  'child-deaths'?: ChildDeathsFile;
  lado?: LadoFile;
  'next-year'?: NextYearFile;
  glossary?: GlossaryFile;
}
