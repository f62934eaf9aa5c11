/**
 * Reviews the text names have a record in reviews.yaml: a named review ("Child K", "Baby D",
 * the 'Sarah' review, the SC LCSPR), or reviews the text says were held ("six rapid reviews",
 * "a serious case review was commissioned") when reviews.yaml records none of that kind.
 * Without the record, review-recommendations cannot track what was done about them.
 */
import type { ReviewsFile } from '../../../model/report-year.js';
import { outcome, type Check, type Finding } from '../check.js';
import { excerpt, proseOf, sentencesOf, type Prose } from '../prose.js';

type Review = NonNullable<ReviewsFile['reviews']>[number];
type Kind = 'serious-case-review' | 'rapid-review' | 'lcspr' | 'learning-review';

/** Letters matched in either case, inside a pattern whose names must keep their capitals. */
const anyCase = (words: string) => words.replace(/(?<!\\)[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
/** The review words, as reports write them, in any case. */
const REVIEW_WORDS = `(?:${anyCase('(?:local\\s+)?child\\s+safeguarding\\s+practice\\s+review|practice\\s+review|serious\\s+case\\s+review|safeguarding\\s+adults?\\s+review|learning\\s+review|rapid\\s+review|case\\s+review|review')}|L?CSPR|LSCPR|SCR)s?`;
const QUOTE = `['"‘’“”]`;

/**
 * A review's name: "Child K", "Baby D", "Child 1", "Sibling Group B"; a quoted name beside
 * review words (the 'Sarah' review, CSPR 'Sarah'); initials before an acronym ("the SC
 * LCSPR", "YS CSPR") or in brackets after one ("CSPR (SD)").
 */
const NAMED: RegExp[] = [
  /\b((?:Child|Baby|Infant|Sibling(?:s| Group)?|Family|Young Person|Siblings)\s+(?:[A-Z]{1,2}|\d{1,2}))\b(?![\w-])(?!['’](?!s\b))/g,
  new RegExp(`${REVIEW_WORDS}\\s*(?:\\(|,)?\\s*${QUOTE}([A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?)${QUOTE}`, 'g'),
  new RegExp(`${QUOTE}([A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?)${QUOTE}\\s*${REVIEW_WORDS}\\b`, 'g'),
  /\b([A-Z]{1,3})\s+(?:L?CSPR|LSCPR|SCR)s?\b/g,
  // "the YS review", "the SC thematic review": a child's two initials.
  /\bthe\s+([A-Z]{2})\s+(?:(?:local|thematic|practice|learning)\s+)?review\b/g,
  /\b(?:L?CSPR|LSCPR|SCR|review)\s*\(\s*([A-Z]{1,3})\s*\)/g,
];
/** Capitals that are bodies and acronyms, not a child's initials. */
const NOT_INITIALS = new Set(['A', 'THE', 'NEW', 'ONE', 'NHS', 'WT', 'UK', 'DFE', 'CCG', 'ICB', 'LA', 'RR', 'SEN', 'DA', 'EH', 'HR', 'IT', 'CP', 'GP', 'QA', 'EY', 'VCS', 'CSE', 'CCE', 'DSL', 'EHA', 'ICPC', 'MASH', 'LADO', 'CDOP', 'JAR', 'PCC', 'CEB', 'SSHP']);

/** Reviews of other areas that reports cite for their national learning, by where they were held. */
const ELSEWHERE: Record<string, string> = { 'baby p': 'haringey', 'child q': 'hackney' };

/** A review held, in words: "six rapid reviews", "a serious case review was commissioned". */
const KINDS: Array<[Kind, string]> = [
  ['serious-case-review', '(?:serious\\s+case\\s+reviews?|SCRs?)'],
  ['rapid-review', 'rapid\\s+reviews?'],
  ['lcspr', '(?:local\\s+child\\s+safeguarding\\s+practice\\s+reviews?|L?CSPRs?|LSCPRs?)'],
  ['learning-review', '(?:multi-agency\\s+)?learning\\s+reviews?'],
];
const COUNT = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)';
const HELD = '(?:held|completed|commissioned|carried\\s+out|undertaken|conducted|started|initiated|begun|ratified|published|concluded|finished|convened)';
/** "We held two rapid reviews", "six rapid reviews were completed", "a serious case review was commissioned". */
function heldPattern(kind: string): RegExp {
  return new RegExp(
    `\\b(?:${HELD}|undertook)\\s+(?:(?:a|an|the|its|our)\\s+)?${COUNT}?\\s*(?:(?:further|new|local|thematic|joint|multi-agency)\\s+)*${kind}\\b|\\b${COUNT}\\s+(?:(?:further|new|local|thematic|joint|multi-agency)\\s+)*${kind}\\s+(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+${HELD}\\b`,
    'i',
  );
}

const HELD_PATTERNS = KINDS.map(([kind, words]) => [kind, heldPattern(words)] as const);

/** What a review's record is known by: its title's words and its id's parts, lower case. */
function knownAs(review: Review): string {
  return ` ${`${review.title} ${review.id.replace(/-/g, ' ')}`.toLowerCase().replace(/[‘’'"“”]/g, '').replace(/[^a-z0-9]+/g, ' ')} `;
}

function recorded(name: string, reviews: Review[]): boolean {
  const key = ` ${name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
  return reviews.some((review) => knownAs(review).includes(key));
}

interface Named {
  name: string;
  prose: Prose;
  sentence: string;
}

export const reviewsNamedInText: Check = {
  id: 'reviews-named-in-text',
  paths: ['every Markdown text field', 'reviews.yaml reviews[].title, id', 'reviews.yaml rapid_reviews, practice_reviews_started'],
  sections: ['reviews'],
  run({ report, at }) {
    const file = report.sections.reviews;
    const reviews = file?.reviews ?? [];
    const area = report.partnership.area.toLowerCase();
    const named = new Map<string, Named>();
    const held = new Map<Kind, Named>();
    for (const prose of proseOf(report)) {
      for (const sentence of sentencesOf(prose.text)) {
        for (const pattern of NAMED) {
          for (const match of sentence.matchAll(pattern)) {
            const name = match[1]!.trim();
            if (NOT_INITIALS.has(name.toUpperCase()) && !/\s/.test(name)) continue;
            // "the Child Q review (City and Hackney)": another area's review, named for its learning.
            const after = sentence.slice(match.index + match[0].length, match.index + match[0].length + 60);
            const place = /^\s*(?:L?CSPR|LSCPR|SCR|review)?\s*(?:\(|,\s*|\s+(?:in|from|by)\s+)([A-Z][\w&' ]+)/.exec(after)?.[1];
            if (place && !place.toLowerCase().includes(area) && !/^(?:the\s+)?(?:rapid|local|national|child|review|panel|published)/i.test(place)) continue;
            const key = name.toLowerCase().replace(/\s+/g, ' ');
            const home = ELSEWHERE[key];
            if (home && !`${report.partnership.area} ${report.partnership.name}`.toLowerCase().includes(home)) continue;
            if (!named.has(key)) named.set(key, { name, prose, sentence });
          }
        }
        for (const [kind, pattern] of HELD_PATTERNS) {
          if (!held.has(kind) && pattern.test(sentence)) held.set(kind, { name: kind, prose, sentence });
        }
      }
    }

    const missing: Finding[] = [];
    for (const { name, prose, sentence } of named.values()) {
      if (recorded(name, reviews)) continue;
      missing.push({
        message: `The text names the review "${name}", but reviews.yaml has no entry for it: add it to reviews.yaml with its kind, what it found and the actions taken, or use the title it has there`,
        where: at(prose.file, prose.path),
        quote: excerpt(sentence),
      });
    }
    const words: Record<Kind, string> = { 'serious-case-review': 'a serious case review', 'rapid-review': 'rapid reviews', lcspr: 'a local child safeguarding practice review', 'learning-review': 'a learning review' };
    for (const [kind, { prose, sentence }] of held) {
      const some =
        reviews.some((r) => r.kind === kind || (kind === 'serious-case-review' && r.kind === 'lcspr') || (kind === 'lcspr' && r.kind === 'serious-case-review') || (kind === 'learning-review' && r.kind === 'other')) ||
        (kind === 'rapid-review' && (file?.rapid_reviews ?? 0) > 0) ||
        (kind === 'lcspr' && (file?.practice_reviews_started ?? 0) > 0);
      if (some) continue;
      missing.push({
        message: `The text says ${words[kind]} ${kind === 'rapid-review' ? 'were' : 'was'} held, but reviews.yaml records none: add ${kind === 'rapid-review' ? 'each one (or rapid_reviews: with the number)' : 'it'} to reviews.yaml, so what was learned and done can be tracked`,
        where: at(prose.file, prose.path),
        quote: excerpt(sentence),
      });
    }
    const counted = named.size + held.size;
    if (counted === 0) return outcome([], [{ message: 'The text names no review that reviews.yaml should record' }]);
    return outcome(missing, [{ message: `${counted - missing.length} review${counted - missing.length === 1 ? '' : 's'} named in the text ${counted - missing.length === 1 ? 'has its' : 'have their'} record in reviews.yaml`, where: at('reviews') }]);
  },
};
