/**
 * `report init`: starts a partnership's data folder, with partnership.yaml and a first year
 * holding every section, each field either filled from the answers given or marked "TO DO:"
 * with what belongs there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath } from '../util/display-path.js';
import { partnershipSchema, safeguardingPartner } from '../model/partnership.js';
import { YEAR_FILES, type YearFileName } from '../model/report-year.js';
import { yearLabel } from '../model/primitives.js';
import { TO_DO, toDo, whyFor, writeDataFile } from './yaml-writer.js';

export interface InitOptions {
  /** The folder to create the data in. */
  dir: string;
  name: string;
  area: string;
  /** The first reporting year, e.g. 2023-24. */
  year: string;
  localAuthority?: string;
  integratedCareBoard?: string;
  police?: string;
  region?: string;
  website?: string;
}

/**
 * The model's rule for each answer init asks for, so that an answer is checked as it is
 * given, in the words report validate would use about the same field.
 */
export const INIT_RULES = {
  name: partnershipSchema.shape.name,
  area: partnershipSchema.shape.area,
  region: partnershipSchema.shape.region.unwrap(),
  website: partnershipSchema.shape.website.unwrap(),
  year: yearLabel,
  partner: safeguardingPartner.shape.name,
};

/** April to March: 2023-24 -> 2023-04-01 to 2024-03-31. */
export function periodOf(year: string): { start: string; end: string } {
  const first = Number(year.slice(0, 4));
  return { start: `${first}-04-01`, end: `${first + 1}-03-31` };
}

const COMMON_TERMS: Array<[string, string]> = [
  ['CDOP', 'Child death overview panel'],
  ['CSPR', 'Child safeguarding practice review'],
  ['EHA', 'Early help assessment'],
  ['ICB', 'Integrated care board'],
  ['LADO', 'Local authority designated officer, who manages allegations against people who work with children'],
  ['LCSPR', 'Local child safeguarding practice review'],
  ['MASH', 'Multi-agency safeguarding hub, the front door for concerns about children'],
  ['Section 11 audit', 'A self-assessment of how well an agency meets its safeguarding duties under section 11 of the Children Act 2004'],
  ['Section 175 audit', 'The safeguarding self-assessment of schools, under section 175 of the Education Act 2002'],
];

/** The skeleton of each year file: what a partnership fills in. */
export function yearSkeletons(partners: string[], year: string): Record<YearFileName, unknown> {
  const t = (file: YearFileName, ...path: Array<string | number>) => toDo(YEAR_FILES[file].schema, path);
  return {
    report: {
      status: 'draft',
      period: periodOf(year),
      foreword: { author: { name: t('report', 'foreword', 'author', 'name'), role: 'Independent Chair' }, text: t('report', 'foreword', 'text') },
      at_a_glance: [t('report', 'at_a_glance')],
      arrangements: {
        summary: t('report', 'arrangements', 'summary'),
        what_the_partners_did: [t('report', 'arrangements', 'what_the_partners_did')],
        education: t('report', 'arrangements', 'education'),
      },
      effectiveness: {
        assessment: t('report', 'effectiveness', 'assessment'),
        little_or_no_progress: t('report', 'effectiveness', 'little_or_no_progress'),
      },
    },
    priorities: {
      priorities: [
        {
          id: 'priority-1',
          title: t('priorities', 'priorities', 0, 'title'),
          why: t('priorities', 'priorities', 0, 'why'),
          activity: [t('priorities', 'priorities', 0, 'activity')],
          impact: [{ evidence: t('priorities', 'priorities', 0, 'impact', 0, 'evidence'), kind: 'indicator' }],
          progress: 'some',
          continuum: ['early-help'],
        },
      ],
    },
    indicators: {
      indicators: [
        {
          id: 're-referrals',
          label: 'Re-referrals within 12 months',
          definition: 'Referrals about a child who had already been referred in the previous 12 months, as a share of all referrals',
          group: 'The front door',
          unit: 'percentage',
          polarity: 'lower-is-better',
          values: {},
          source: t('indicators', 'indicators', 0, 'source'),
        },
      ],
    },
    reviews: { summary: t('reviews', 'summary') },
    audits: {
      audits: [{ title: t('audits', 'audits', 0, 'title'), kind: 'multi-agency', scope: t('audits', 'audits', 0, 'scope'), findings: [t('audits', 'audits', 0, 'findings')] }],
    },
    training: {
      summary: t('training', 'summary'),
      evaluation: { method: t('training', 'evaluation', 'method'), impact_on_practice: t('training', 'evaluation', 'impact_on_practice') },
    },
    voice: {
      summary: t('voice', 'summary'),
      feedback: [{ title: t('voice', 'feedback', 0, 'title'), who: t('voice', 'feedback', 0, 'who'), heard: t('voice', 'feedback', 0, 'heard'), changed: t('voice', 'feedback', 0, 'changed') }],
    },
    scrutiny: {
      arrangements: t('scrutiny', 'arrangements'),
      activities: [t('scrutiny', 'activities')],
      findings: [t('scrutiny', 'findings')],
      statement: t('scrutiny', 'statement'),
    },
    funding: {
      summary: t('funding', 'summary'),
      contributions: partners.map((partner) => ({ partner, amount: 0 })),
      total: 0,
    },
    subgroups: {
      subgroups: [{ name: t('subgroups', 'subgroups', 0, 'name'), purpose: t('subgroups', 'subgroups', 0, 'purpose'), did: [t('subgroups', 'subgroups', 0, 'did')], difference: [t('subgroups', 'subgroups', 0, 'difference')] }],
    },
    'child-deaths': { panel: t('child-deaths', 'panel'), summary: t('child-deaths', 'summary') },
    lado: { summary: t('lado', 'summary') },
    'next-year': { priorities: [{ title: t('next-year', 'priorities', 0, 'title'), why: t('next-year', 'priorities', 0, 'why') }] },
    glossary: { terms: COMMON_TERMS.map(([term, meaning]) => ({ term, meaning })) },
  };
}

export const YEAR_FILE_COMMENTS: Partial<Record<YearFileName, Record<string, string>>> = {
  report: {
    status: 'draft while you write; final when it is ready to publish (a final report may have no TO DO left)',
    period: 'The twelve months the report covers',
    effectiveness: 'The partners\' own judgement, with evidence: how well did the arrangements work, and where did they not?',
  },
  priorities: { priorities: 'Copy the block below for each priority. progress is one of: good, some, little, none' },
  indicators: { indicators: 'Give values by year, e.g.\n  values:\n    2022-23: 21.0\n    2023-24: 23.0\nor export them from a spreadsheet as indicators.csv (see README)' },
  funding: { contributions: 'Amounts in pounds, without £ or commas' },
};

export async function initPartnership(options: InitOptions): Promise<string[]> {
  if (!yearLabel.safeParse(options.year).success) throw new UsageError(`--year ${options.year} is not a reporting year: write it like 2023-24.`);
  const partnershipPath = join(options.dir, 'partnership.yaml');
  if (existsSync(partnershipPath)) throw new UsageError(`${displayPath(partnershipPath)} already exists: report init starts a new partnership folder. Use report new-year to add a year.`);

  const why = await whyFor(periodOf(options.year).start);
  const written: string[] = [];
  const write = async (file: Parameters<typeof writeDataFile>[0]) => {
    await writeDataFile(file);
    written.push(displayPath(file.path));
  };
  const partners = await writePartnership(options, write);
  const skeletons = yearSkeletons(partners, options.year);
  for (const [name, data] of Object.entries(skeletons) as Array<[YearFileName, unknown]>) {
    await write({
      path: join(options.dir, options.year, `${name}.yaml`),
      dataDir: options.dir,
      schemaFile: `${name}.schema.json`,
      heading: `${options.name} ${options.year}: ${name.replace('-', ' ')}.\n${why[name]}`,
      data,
      ...(YEAR_FILE_COMMENTS[name] ? { comments: YEAR_FILE_COMMENTS[name] } : {}),
    });
  }
  return written;
}

/**
 * Writes partnership.yaml for a new data folder: the three statutory partners (named from the
 * answers, or marked TO DO), the chair and the scrutineer to name. Returns the partners' names.
 */
export async function writePartnership(options: InitOptions, write: (file: Parameters<typeof writeDataFile>[0]) => Promise<void>): Promise<string[]> {
  const partnershipPath = join(options.dir, 'partnership.yaml');
  const partners = [
    { name: options.localAuthority ?? `${options.area} Council`, type: 'local-authority' },
    { name: options.integratedCareBoard ?? `${TO_DO} the name of the integrated care board`, type: 'integrated-care-board' },
    { name: options.police ?? `${TO_DO} the name of the police force`, type: 'police' },
  ];
  const why = await whyFor(periodOf(options.year).start);
  await write({
    path: partnershipPath,
    dataDir: options.dir,
    schemaFile: 'partnership.schema.json',
    heading: `${options.name}: the details that last from year to year.\n${why.partnership}`,
    data: {
      name: options.name,
      area: options.area,
      ...(options.region ? { region: options.region } : {}),
      ...(options.website ? { website: options.website } : {}),
      safeguarding_partners: partners,
      chair: { name: toDo(partnershipSchema, ['chair', 'name']), role: 'Independent Chair' },
      scrutineer: { name: toDo(partnershipSchema, ['scrutineer', 'name']), role: 'Independent Scrutineer' },
    },
    comments: {
      safeguarding_partners: 'type is one of: local-authority, integrated-care-board, police, other',
      chair: 'Add website, contact, logo and colours when you have them (see README)',
    },
  });
  return partners.map((partner) => partner.name);
}
