/**
 * What a heading in a Word report is about, in the words reports use: "Foreword", "Learning
 * from practice reviews", "Multi-agency training", "Child death overview panel", "Our
 * priorities for 2023-24". Each rule says which section a heading starts and the field its
 * text goes into. A heading no rule recognises is never guessed at: what follows it is left
 * for the user to place.
 */
import type { YearFileName } from '../../model/report-year.js';

/** The sections the importer can fill, each a place in one year file. */
export const SECTIONS = {
  foreword: { file: 'report', field: ['foreword', 'text'], name: 'foreword' },
  'at-a-glance': { file: 'report', field: ['at_a_glance'], name: 'the year at a glance', points: true },
  arrangements: { file: 'report', field: ['arrangements', 'summary'], name: 'about the partnership' },
  education: { file: 'report', field: ['arrangements', 'education'], name: 'education settings' },
  effectiveness: { file: 'report', field: ['effectiveness', 'assessment'], name: 'effectiveness' },
  inspections: { file: 'report', field: ['inspections'], name: 'inspections' },
  priorities: { file: 'priorities', field: ['introduction'], name: 'priorities' },
  reviews: { file: 'reviews', field: ['summary'], name: 'reviews' },
  audits: { file: 'audits', field: ['summary'], name: 'audits and quality assurance' },
  training: { file: 'training', field: ['summary'], name: 'training' },
  voice: { file: 'voice', field: ['summary'], name: 'voice of children and families' },
  scrutiny: { file: 'scrutiny', field: [], name: 'independent scrutiny' },
  funding: { file: 'funding', field: ['summary'], name: 'funding' },
  'child-deaths': { file: 'child-deaths', field: ['summary'], name: 'child deaths' },
  lado: { file: 'lado', field: ['summary'], name: 'LADO' },
  'next-year': { file: 'next-year', field: ['introduction'], name: 'next year\'s priorities' },
  glossary: { file: 'glossary', field: ['terms'], name: 'glossary' },
} as const satisfies Record<string, { file: YearFileName; field: readonly string[]; name: string; points?: boolean }>;

export type SectionKey = keyof typeof SECTIONS;

/** Whether a section's field is a list of points (each paragraph or list item one), not Markdown text. */
export const isPoints = (key: SectionKey): boolean => 'points' in SECTIONS[key];
export const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];

/**
 * Rules in order: the first that matches wins, so the narrower come first ("priorities for
 * next year" before "priorities"; "learning and development" before "learning from reviews").
 */
const RULES: Array<[SectionKey, RegExp]> = [
  ['glossary', /\b(glossary|abbreviations|acronyms|terms used|jargon buster)\b/i],
  ['foreword', /\b(foreword|forward from|introduction from the (independent )?chair|chair'?s (introduction|welcome|message))\b/i],
  ['next-year', /\b(priorities|plans?|focus|direction of travel)\b.*\b(next|coming|ahead|future)\b|\b(next|coming|future)\b.*\b(priorities|year)\b|\blooking (ahead|forward)\b|\bdirection of travel\b|^(our )?next steps\b/i],
  ['at-a-glance', /\b(at a glance|key messages|headlines|highlights|key points|summary of (the|our) year|year in numbers)\b/i],
  // A council's overview and scrutiny committee is not the partnership's independent scrutiny.
  ['scrutiny', /(?<!overview (?:and|&) )\bscrutin(y|eer|ise|ize)\b/i],
  ['child-deaths', /\b(child deaths?|deaths? of children|CDOP|death overview)\b/i],
  ['lado', /\b(LADO|designated officer|allegations? against)\b/i],
  ['training', /\b(training|learning and development|L&D|workforce development|multi-agency learning offer)\b/i],
  ['reviews', /\b(rapid reviews?|practice reviews?|CSPRs?|LCSPRs?|serious case reviews?|learning from (reviews|practice|cases)|case reviews?|learning reviews?|serious incidents?)\b/i],
  ['audits', /\b(audits?|quality assurance|assurance|quality of practice|performance and quality|section 11|section 175)\b/i],
  ['voice', /\b(voice|views) of (the )?(child|children|young people|families|parents)|\b(lived experience|participation|takeover|youth (forum|council|voice)|hearing from children|what children (told|tell|said))\b/i],
  ['funding', /\b(funding|budget|finances?|contributions|income and expenditure)\b/i],
  ['inspections', /\b(inspections?|ofsted|ILACS|JTAI|HMICFRS|CQC)\b/i],
  ['effectiveness', /\b(effectiveness|how effective|how well (are|did|have) we)\b/i],
  ['education', /\b(education|schools?|colleges?|early years settings?)\b/i],
  ['priorities', /\bpriorit(y|ies)\b/i],
  ['arrangements', /\b(about (the|our|this) partnership|our partnership|partnership (arrangements|structure)|(?:safeguarding|partnership|multi-agency|local|structural) arrangements|governance|structure|how we work|who we are)\b/i],
];

/**
 * The section a heading starts, if any rule knows its words. Priorities or plans for a year
 * after the report's (`year`) are next year's, whatever else the heading says.
 */
export function sectionOf(heading: string, year?: string): SectionKey | undefined {
  if (year && /\b(priorit(y|ies)|plans?|focus|objectives)\b/i.test(heading) && yearsIn(heading).some((named) => named > year)) return 'next-year';
  return RULES.find(([, pattern]) => pattern.test(heading))?.[0];
}

/**
 * The reporting years a text names, as 2022-23: "2022-23", "2022/23", "2022 / 2023",
 * "2022-2023", "22/23", "22-23". Two years that do not follow on are not a reporting year.
 */
export function yearsIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<!\d|\d[.,]|£)((?:19|20)?\d{2})\s*[-/–]\s*((?:19|20)?\d{2})(?!\d|[.,]\d|%)/g)) {
    const first = match[1]!.length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
    const second = match[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(match[2]) : Number(match[2]);
    if (second === first + 1 && first >= 1990 && first < 2100) found.push(`${first}-${String(second % 100).padStart(2, '0')}`);
  }
  return found;
}

/** The parts of a priority a document may separate, by their heading or bold label. */
export type PriorityPart = 'why' | 'activity' | 'impact';

const PRIORITY_PARTS: Array<[PriorityPart, RegExp]> = [
  ['impact', /\b(difference|impact|outcomes?|what changed|what has changed|so what|how (do|did) we know|evidence|results?)\b/i],
  ['activity', /\b(what (we|did we|have we|has been) (did|do|done|achieved)|what we have done|activit(y|ies)|actions?|achievements?|progress|delivery|delivering|work (undertaken|done))\b/i],
  ['why', /\b(why|rationale|background|what (is|was) the (issue|concern)|the (issue|concern))\b/i],
];

export function priorityPartOf(heading: string): PriorityPart | undefined {
  return PRIORITY_PARTS.find(([, pattern]) => pattern.test(heading))?.[0];
}

/** The parts of the scrutiny section a document may separate; its other text is left to place. */
export type ScrutinyPart = 'arrangements' | 'activities' | 'findings' | 'recommendations' | 'statement';

const SCRUTINY_PARTS: Array<[ScrutinyPart, RegExp]> = [
  ['statement', /\b(statement|scrutineer'?s (view|conclusion|comments?))\b/i],
  ['recommendations', /\brecommend/i],
  ['findings', /\b(findings?|what (we|the scrutineer) found|identified learning|conclusions?)\b/i],
  ['activities', /\b(activit(y|ies)|what the scrutineer did|scrutiny (work|undertaken))\b/i],
  ['arrangements', /\b(arrangements?|how scrutiny (is|was) (arranged|organised)|role of the (independent )?scrutineer)\b/i],
];

export function scrutinyPartOf(heading: string): ScrutinyPart | undefined {
  return SCRUTINY_PARTS.find(([, pattern]) => pattern.test(heading))?.[0];
}
