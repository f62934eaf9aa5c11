/**
 * Dates written in the text belong to the reporting period, as dated fields do
 * (dates-in-period): "in May 2021", "April 2020 to March 2021", "during 2020/21" in a report
 * for 2022-23 is usually last year's text left in, or a figure for the wrong time.
 *
 * Conservative by design: a date set out as background ("since", "from", "until", "last
 * year", "previously"), a plan ("will", "by March 2024"), a publication or a titled document
 * ("Working Together 2018", "published in May 2022", "(March 2020)"), and any text of an item
 * marked context: true are left alone. A bare year counts only as "in 2019" beside a figure.
 */
import type { YearFileName } from '../../../model/report-year.js';
import { outcome, type Check, type Finding } from '../check.js';
import { excerpt, proseOf, sentencesOf, type Prose } from '../prose.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const SEASON = '(?:spring|summer|autumn|winter)';
const YEAR = '(?:19|20)\\d{2}';
const DAY = '(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)';

/** "7 June 2022", "May 2021", "winter 2022". */
const ONE_DATE = new RegExp(`\\b(${DAY})?(${MONTH}|${SEASON}),?\\s+(${YEAR})\\b`, 'gi');
/** "April 2020 to March 2021", "April to December 2021", "between January and March 2022". */
const RANGE = new RegExp(`\\b(?:between\\s+)?(${DAY})?(${MONTH})(?:,?\\s+(${YEAR}))?\\s*(?:to|until|till|-|–|—|and)\\s*(${DAY})?(${MONTH}),?\\s+(${YEAR})\\b`, 'gi');
/** "2019/20", "2019-20", "2019-2020", "19/20". */
const YEAR_LABEL = /\b((?:19|20)\d{2})\s*[-/–]\s*((?:19|20)?\d{2})\b|\b(\d{2})\/(\d{2})\b/g;
/** "in 2019", "during 2019": a calendar year as the time of an event. */
const BARE_YEAR = /\b(?:in|during|throughout)\s+((?:19|20)\d{2})\b(?!\s*[-/–]\s*\d)/gi;

/**
 * Words that set a date out as background, a plan, a publication, a source or the time of
 * writing, anywhere in the sentence.
 */
const ASIDE =
  /\b(?:since|until|till|previous(?:ly)?|last year|the year before|prior|former(?:ly)?|historically|in the past|used to|had been|originally|earlier|ago|back in|most recent(?:ly)?|will|would|shall|(?:was|were|is|are) to|planned|plans? to|planning to|due\s+(?:in|by|for|to\s+(?:be|start|begin|finish|complete|end|take|report|publish|meet|consider|go))|expected|expects?|next|coming|forthcoming|upcoming|future|intends?|aims?|scheduled|target|published|publication|publish(?:es)?|issued|came into force|in force|established|founded|formed|set up|launched|introduced|replaced|began|begun|first|history|comes? from|sources?|according to|at the time of writing|time of writing|after the (?:end|period|year)|since the end)\b/i;
/** A document named just before its date: "a national report in July 2022", "the report for April 2019 to March 2021". */
const DOCUMENT = /\b(?:report|review|guidance|inquiry|briefing|paper|framework|strategy|act|bill|survey|profile|statistics|census|estimates?|plan|policy|protocol|procedures?|standards?|letter|minutes)(?:'s)?\s+(?:[\w'-]+\s+){0,2}(?:in|of|for|dated|from)?\s*$/i;
/** Words just before a date that make it a starting point, an end point or a deadline. */
const EDGE = /\b(?:since|from|until|till|before|after|by|prior to|up to|to|as of|beyond|starting|commencing|beginning|effective)\s+(?:the\s+)?(?:(?:start|end|beginning|middle)\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?$/i;
/** Words beside a year label that compare it: "(3,065 in 2021-22)", "up from 22.9%". */
const COMPARING = /\b(?:compared|comparison|than|from|up|down|rose|fell|increase[ds]?|decrease[ds]?|reduc(?:ed|tion)|change[ds]?|against|versus|vs|while|whereas|trend|before)\b/i;

type Span = { from: string; to: string };

function month(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The months a date written in words covers, as YYYY-MM (a day, when given, as YYYY-MM-DD). */
function spanOf(day: string | undefined, monthOrSeason: string, year: string): Span {
  const m = month(monthOrSeason);
  if (m > 0) {
    const d = day ? Number(/\d+/.exec(day)![0]) : undefined;
    const at = `${year}-${pad(m)}${d ? `-${pad(d)}` : ''}`;
    return { from: at, to: at };
  }
  const y = Number(year);
  const season = monthOrSeason.toLowerCase();
  if (season === 'spring') return { from: `${y}-03`, to: `${y}-05` };
  if (season === 'summer') return { from: `${y}-06`, to: `${y}-08` };
  if (season === 'autumn') return { from: `${y}-09`, to: `${y}-11` };
  // "Winter 2022" may be its first months or its last: either will do.
  return { from: `${y}-01`, to: `${y + 1}-02` };
}

/** Whether a date or span written in words shares any of it with the period (a month, any day of it). */
function overlaps(span: Span, start: string, end: string): boolean {
  const endsInOrAfter = span.to.length === 10 ? span.to >= start : span.to >= start.slice(0, 7);
  const startsInOrBefore = span.from.length === 10 ? span.from <= end : span.from <= end.slice(0, 7);
  return endsInOrAfter && startsInOrBefore;
}

/** Fields whose items can be marked context: true. */
function contextField(file: YearFileName, path: Array<string | number>): string | undefined {
  const lists: Array<[YearFileName, string]> = [['report', 'inspections'], ['reviews', 'reviews'], ['audits', 'audits'], ['voice', 'feedback']];
  const found = lists.find(([f, list]) => f === file && path[0] === list && typeof path[1] === 'number');
  return found ? `${found[1]}[${path[1]}]` : undefined;
}

interface Outside {
  said: string;
  sentence: string;
  /** After the period rather than before it. */
  after: boolean;
}

/** The report's own journey after the year: considered, approved, published, sent on. */
const ABOUT_THE_REPORT = /\b(?:consider(?:ed|s)?|approv(?:ed|es?)|sign(?:ed)? off|present(?:ed|s)?|went to|go(?:es)? to|scrutinis(?:ed|es?)|endors(?:ed|es?)|receiv(?:ed|es?)|shared)\b/i;

/**
 * The dates a sentence writes that fall outside the period and are not set out as background;
 * `aboutReport` when its text speaks of the report itself (whose route to publication is
 * after the year).
 */
export function datesOutside(sentence: string, start: string, end: string, reportYear: string, aboutReport = false): Outside[] {
  if (ASIDE.test(sentence)) return [];
  // A heading, a dateline or a version line: "September 2022", "Dated: 13th September 2022", "V.1 October 2023".
  if (/^\s*(?:dated?|version|v\.?\s*\d)\b/i.test(sentence)) return [];
  const rest = sentence.replace(new RegExp(ONE_DATE.source, 'gi'), ' ').split(/\s+/).filter((word) => /[a-z]/i.test(word));
  if (rest.length <= 1) return [];
  // Words without a verb are a heading or a label ("September 2022 - Family Hubs"), not an event.
  if (!/\b(?:is|are|was|were|has|have|had|be|been|being|did|do|does|took|made|met|held|ran|began|went|came|gave|found|told|saw|set|put|got|led|won|\w+ed)\b/i.test(sentence)) return [];
  // "priorities for 2022-23, agreed in March 2022": a date set beside the year itself.
  const label = new RegExp(`\\b${reportYear.slice(0, 4)}\\s*[-/–]\\s*(?:20)?${reportYear.slice(5)}\\b`);
  if (label.test(sentence)) return [];
  const found: Outside[] = [];
  const taken: Array<[number, number]> = [];
  const free = (index: number, length: number) => !taken.some(([a, b]) => index < b && index + length > a);
  const parenthesised = (index: number) => {
    const before = sentence.slice(0, index);
    return before.lastIndexOf('(') > before.lastIndexOf(')');
  };
  const consider = (index: number, text: string, span: Span) => {
    taken.push([index, index + text.length]);
    const before = sentence.slice(0, index);
    if (parenthesised(index) || EDGE.test(before) || DOCUMENT.test(before)) return;
    // "Dr Tomasz Brennan, Independent Scrutineer, September 2023": a dateline, not an event.
    if (/,\s*$/.test(before) && index + text.length >= sentence.replace(/[.\s]+$/, '').length && sentence.split(/\s+/).length <= 12) return;
    if (overlaps(span, start, end)) return;
    const after = span.from.slice(0, 7) > end.slice(0, 7);
    // "The scrutiny panel was to consider it on 7 July 2023": the report's route after the year.
    if (after && aboutReport && ABOUT_THE_REPORT.test(sentence)) return;
    found.push({ said: text.trim(), sentence, after });
  };
  for (const m of sentence.matchAll(RANGE)) {
    const [text, day1, month1, year1, day2, month2, year2] = m;
    const first = spanOf(day1, month1!, year1 ?? (month(month1!) <= month(month2!) ? year2! : String(Number(year2) - 1)));
    const last = spanOf(day2, month2!, year2!);
    consider(m.index, text, { from: first.from, to: last.to });
  }
  for (const m of sentence.matchAll(ONE_DATE)) {
    if (!free(m.index, m[0].length)) continue;
    const [text, day, monthOrSeason, year] = m;
    consider(m.index, text, spanOf(day, monthOrSeason!, year!));
  }
  const startYear = Number(start.slice(0, 4));
  const endYear = Number(end.slice(0, 4));
  for (const m of sentence.matchAll(YEAR_LABEL)) {
    if (!free(m.index, m[0].length)) continue;
    const first = Number(m[1] ?? `20${m[3]}`);
    const second = m[2] ?? m[4]!;
    const next = Number(second.length === 2 ? `${String(first).slice(0, 2)}${second}` : second);
    if (next !== first + 1) continue;
    taken.push([m.index, m.index + m[0].length]);
    // Only a year earlier than the report's, given as the time of what the sentence reports
    // ("during 2021/22, 40 audits were completed"), not as a comparison ("3,065 in 2021-22").
    const label = `${first}-${String(next).slice(2)}`;
    if (label >= reportYear || first >= startYear) continue;
    const before = sentence.slice(0, m.index);
    // "In 2021-22, 22.9% were..." is a baseline; "during 2021/22 we delivered..." is last year's text.
    if (!/\b(?:during|throughout|over the course of)\s+(?:the\s+)?(?:(?:year|period|financial year|reporting year)\s+)?$/i.test(before) || parenthesised(m.index)) continue;
    if (COMPARING.test(sentence) || /^\s*(?:annual\s+)?(?:report|plan|strategy|review|audit|survey|data|figures|statistics)\b/i.test(sentence.slice(m.index + m[0].length))) continue;
    found.push({ said: m[0], sentence, after: false });
  }
  for (const m of sentence.matchAll(BARE_YEAR)) {
    if (!free(m.index, m[0].length)) continue;
    const year = Number(m[1]);
    if (year >= startYear && year <= endYear) continue;
    // A year is clearly an event's date only beside the partnership's own doing: "the audit
    // was completed in 2021", "in 2021 we held..."; not "in 2016, 25.5% lived in poverty".
    const done = '(?:completed|held|carried out|undertaken|undertook|delivered|ran|run|audited|reviewed|commissioned|ratified|trained|met)';
    const event = new RegExp(`\\b(?:was|were|has been|have been)\\s+${done}\\s+${m[0]}\\b|${m[0]},?\\s+(?:the\\s+(?:[\\w'-]+\\s+){1,4}|we\\s+|partners?\\s+|agencies\\s+)?${done}\\b`, 'i');
    if (!event.test(sentence) || COMPARING.test(sentence) || parenthesised(m.index)) continue;
    found.push({ said: m[0].trim(), sentence, after: year > endYear });
  }
  return found;
}

function words(date: string): string {
  const [y, m, d] = date.split('-');
  const name = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(m) - 1];
  return `${d ? `${Number(d)} ` : ''}${name} ${y}`;
}

export const textDatesInPeriod: Check = {
  id: 'text-dates-in-period',
  paths: ['every Markdown text field'],
  sections: [],
  run({ report, at }) {
    const { start, end } = report.sections.report.period;
    const missing: Finding[] = [];
    let texts = 0;
    for (const prose of proseOf(report)) {
      // Next year's plans (next-year.yaml, a subgroup's next) are about the time after the period.
      if (prose.context || prose.file === 'next-year' || prose.path.includes('next')) continue;
      texts++;
      const aboutReport = /\b(?:this|the)\s+(?:annual\s+)?report\b/i.test(prose.text);
      for (const sentence of sentencesOf(prose.text)) {
        for (const outside of datesOutside(sentence, start, end, report.year, aboutReport)) {
          missing.push({ message: message(outside, prose, start, end), where: at(prose.file, prose.path), quote: excerpt(outside.sentence) });
        }
      }
    }
    return outcome(missing, [{ message: `The dates written in ${texts} text${texts === 1 ? '' : 's'} fall in the period ${words(start)} to ${words(end)}, or are set out as background` }]);
  },
};

function message(outside: Outside, prose: Prose, start: string, end: string): string {
  const item = contextField(prose.file, prose.path);
  const say = outside.after ? '"after the year ended" or "at the time of writing"' : '"before this year" or "previously"';
  const fix = item
    ? `correct the date; or, if this item is included as background, mark ${prose.file}.yaml ${item} context: true`
    : `correct the date; or, if it is ${outside.after ? 'news from after the year' : 'background'}, say so in the sentence (for example ${say})`;
  return `The text mentions ${outside.said}, outside the period ${words(start)} to ${words(end)}: ${fix}`;
}
