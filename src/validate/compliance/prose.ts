/**
 * The narrative read against the data: every Markdown text field of the year, its sentences
 * and clauses, the indicators a sentence names and the figures it quotes. Shared by the checks
 * that compare what the report says in words with what its figures say (same-measure-one-value,
 * narrative-direction, comparison-needs-figure, text-dates-in-period, reviews-named-in-text,
 * feedback-changed).
 */
import { rememberedBy } from '../../util/remembered.js';
import { YEAR_FILE_NAMES, YEAR_FILES, type Indicator, type YearFileName } from '../../model/report-year.js';
import type { ReportData } from '../../model/checked-report.js';
import { descriptionAt } from '../../model/schema-fields.js';
import { figureValue, figureWhen } from '../../model/stated-figure.js';
import { yearBefore } from '../../model/years.js';
import { stringsOf } from '../strings-of.js';

export { yearBefore };

export interface Prose {
  file: YearFileName;
  path: Array<string | number>;
  text: string;
  /** The text belongs to an item marked context: true (outside the period on purpose). */
  context: boolean;
  /** The index of the indicator whose notes these are, for text in indicators[i].notes. */
  indicator?: number;
}

/** Every Markdown text field of the year's files: what the report says in words. */
/** Every check that reads the narrative reads the same pieces: found once a report. */
export const proseOf: (report: ReportData) => readonly Prose[] = rememberedBy((report: ReportData) => [...findProse(report)], { perRun: true });

function* findProse(report: ReportData): Generator<Prose> {
  for (const file of YEAR_FILE_NAMES) {
    const data = report.sections[file];
    if (data === undefined) continue;
    const schema = YEAR_FILES[file].schema;
    for (const [text, path] of stringsOf(data)) {
      if (!descriptionAt(schema, path)?.endsWith('(Markdown)')) continue;
      const context = path.some((_, n) => (valueAt(data, path.slice(0, n)) as { context?: unknown } | undefined)?.context === true);
      const indicator = file === 'indicators' && path[0] === 'indicators' && path[2] === 'notes' ? (path[1] as number) : undefined;
      yield { file, path, text, context, ...(indicator === undefined ? {} : { indicator }) };
    }
  }
}

function valueAt(data: unknown, path: Array<string | number>): unknown {
  let value = data;
  for (const segment of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  return value;
}

/** Markdown as plain words: link texts kept, addresses, emphasis and heading marks dropped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[*_`]+/g, '')
    .replace(/^\s{0,3}#{1,6}\s*/gm, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"');
}

/**
 * The sentences of a Markdown text: each paragraph and list item on its own, split where a
 * sentence ends (a full stop, question or exclamation mark followed by a capital or a digit).
 */
export const sentencesOf = rememberedBy((markdown: string): readonly string[] => {
  const blocks = plainText(markdown)
    .split(/\n\s*\n|\n(?=\s*(?:[-*+•]|\d+[.)])\s)/)
    .map((block) => block.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return blocks.flatMap((block) => block.split(/(?<=[.!?]["')]?)\s+(?=["'(]?[A-Z0-9])/)).map((s) => s.trim()).filter(Boolean);
});

/**
 * Parts of a sentence that each make their own claim: split at semicolons, colons and
 * contrasts, and before a comparison set off by a comma ("23% of referrals were re-referrals,
 * above the England average").
 */
export function clausesOf(sentence: string): string[] {
  return sentence
    .split(/,\s+(?=(?:now\s+)?(?:above|below|higher than|lower than|in line with|better than|worse than|against)\b)/i)
    .flatMap((part) => part.split(/\s*[;:]\s+|,?\s+(?:while|whereas|but|although|though|however)\s+|,\s+and\s+|\s+(?:and|with)\s+(?=(?:the\s+)?(?:rate|number|share|proportion|percentage)\b)/i))
    .map((c) => c.trim())
    .filter(Boolean);
}

/* ------------------------------------------------------------------ naming an indicator */

/** Lower case, words only, each word without a plural s: what two wordings are compared by. */
export const normalise = rememberedBy((text: string): string => {
  return ` ${text
    .toLowerCase()
    .replace(/[‘’']/g, '')
    .replace(/&/g, ' and ')
    .replace(/(?<=[a-z])-(?=[a-z])/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ')} `;
});

/** Words after which a label's head is qualified: "Contacts | to the front door". */
const QUALIFIERS = new Set(['to', 'within', 'by', 'from', 'received', 'completed', 'held', 'made', 'issued', 'started', 'offered', 'led', 'with', 'who', 'whose', 'that', 'about', 'for', 'on', 'at', 'per', 'aged', 'as', 'subject', 'open', 'assessed', 'seen', 'identified', 'where', 'which']);
/** Heads too general to stand for one measure on their own. */
const GENERAL = new Set(['child', 'children', 'young', 'people', 'young people', 'families', 'family', 'case', 'number', 'total', 'percentage', 'rate', 'share', 'proportion']);
/** Words that, straight after a measure's name, make it part of the measure: "contacts from the police". */
export const SUBSET = new Set(['from', 'among', 'amongst', 'involving', 'aged', 'by', 'for', 'about', 'with', 'whose', 'of', 'in', 'at', 'under', 'over', 'who', 'that', 'where', 'which', 'living', 'placed', 'during', 'between']);

export interface IndicatorForms {
  index: number;
  indicator: Indicator;
  /** The label, and its head when the label qualifies it ("contact" for "Contacts to the front door"), normalised. */
  forms: string[];
  /** A head other indicators share: it names this one only in this one's own notes. */
  sharedHead?: string;
}

/** How the narrative may name each indicator; a head two indicators share names neither. */
export function indicatorForms(report: ReportData): IndicatorForms[] {
  const indicators = report.sections.indicators?.indicators ?? [];
  const all = indicators.map((indicator, index) => {
    const label = normalise(indicator.label.replace(/^(?:the |number of |percentage of |proportion of |share of )/i, ''));
    const words = label.trim().split(' ');
    const cut = words.findIndex((word, n) => n > 0 && QUALIFIERS.has(word));
    const head = cut > 0 ? ` ${words.slice(0, cut).join(' ')} ` : undefined;
    const headUsable = head !== undefined && !GENERAL.has(head.trim()) && (cut > 1 || head.trim().length >= 6);
    return { index, indicator, label, head: headUsable ? head : undefined };
  });
  const key = (i: Indicator) => i.area ?? '';
  return all.map(({ index, indicator, label, head }) => {
    const forms = [label];
    // A head is a name only when no indicator of another label for the same area shares it.
    const shared = head !== undefined && all.some((other) => other.index !== index && key(other.indicator) === key(indicator) && other.label !== label && (other.head === head || other.label === head));
    if (head && !shared) forms.push(head);
    return { index, indicator, forms, ...(head && shared ? { sharedHead: head } : {}) };
  });
}

export interface Mention {
  index: number;
  indicator: Indicator;
  /** The name the clause gives it, normalised; empty when a note's subject refers back to it. */
  form: string;
}

/** The subject that refers back to the indicator a note belongs to: "It", "The rate", "This rise". */
const REFERRING = /^(?:(?:overall,?\s+)?(?:it|this|that)\b|(?:the|our|this)\s+(?:overall\s+)?(?:figure|rate|number|percentage|proportion|share|total|count|result|results|level|performance)\b|(?:the|this|a)\s+(?:rise|fall|increase|decrease|reduction|drop|change|improvement)\b|overall\s+(?:results?|performance|outcomes?)\b)/i;

/**
 * The indicators a clause names: by label or head, followed by a verb rather than a
 * qualifier ("contacts rose", not "contacts from the police rose"); a district's indicator
 * only when the clause names the district. In an indicator's own notes, a clause whose
 * subject refers back ("It rose", "The rate is below England's") names that indicator.
 */
export function mentionsIn(clause: string, all: IndicatorForms[], own?: number, area?: string): Mention[] {
  const text = normalise(clause);
  const found: Mention[] = [];
  const named = (form: string) => {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (!SUBSET.has(text.slice(at + form.length).split(' ')[0] ?? '')) return true;
    }
    return false;
  };
  for (const { index, indicator, forms, sharedHead } of all) {
    if (indicator.area && !text.includes(normalise(indicator.area))) continue;
    const form = forms.find(named) ?? (index === own && sharedHead && named(sharedHead) ? sharedHead : undefined);
    if (form !== undefined) found.push({ index, indicator, form });
  }
  // Without a district named, an indicator for the whole area is meant, not its districts'.
  const wholeArea = found.filter((m) => m.indicator.area || !found.some((o) => o.indicator.area && o.indicator.label === m.indicator.label));
  if (wholeArea.length > 0 || own === undefined) return wholeArea;
  const subject = clause.replace(/^[^A-Za-z]+/, '');
  const areaSubject = area ? new RegExp(`^${area.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'s\\s+(?:figure|rate|number|percentage|proportion|share|performance|result)\\b`, 'i') : undefined;
  const ownIndicator = all.find((f) => f.index === own);
  if (ownIndicator && (REFERRING.test(subject) || areaSubject?.test(subject))) return [{ index: own, indicator: ownIndicator.indicator, form: '' }];
  return [];
}

/* ------------------------------------------------------------------ figures in words */

export interface Quoted {
  value: number;
  decimals: number;
  /** What follows it: '%', a rate per 10,000, or a plain number. */
  kind: 'percentage' | 'rate' | 'number';
  /** The words straight after the number (for counts: "children", "referrals"). */
  after: string;
  before: string;
  text: string;
  /** Where it starts in the sentence. */
  index: number;
}

const NUMBER = /(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w/-]|\.\d|,\d{3})(\s*(?:%|per\s*cent\b))?/gi;

/** The figures a sentence quotes, with what kind each is; years and dates are not figures. */
export function figuresIn(sentence: string): Quoted[] {
  const figures: Quoted[] = [];
  for (const match of sentence.matchAll(NUMBER)) {
    const [text, whole, fraction, percent] = match;
    const value = Number(`${whole!.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
    const start = match.index;
    const before = sentence.slice(Math.max(0, start - 40), start);
    const after = sentence.slice(start + text.length, start + text.length + 120);
    if (!percent && !fraction && !whole!.includes(',') && value >= 1990 && value <= 2039) continue;
    if (!percent && /^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/i.test(after)) continue;
    if (/(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$/i.test(before) && !percent) continue;
    const kind = percent ? 'percentage' : /^\s*(?:children\s+|young people\s+)?(?:per|in every|for every|in each|out of every)\s+10,?000\b/i.test(after) ? 'rate' : 'number';
    figures.push({ value, decimals: fraction?.length ?? 0, kind, after: after.trim(), before, text, index: start });
  }
  return figures;
}

/**
 * Whether the figures a clause quotes could be the indicator's: no percentage or rate beside
 * an indicator of another unit, leaving aside a change "by 4.4%", numbers of its own label
 * ("within 72 hours") and durations. "22.9% of referrals were for children referred again"
 * is not about a rate of referrals.
 */
export function figuresFit(clause: string, indicator: Indicator): boolean {
  const kind = indicator.unit === 'percentage' ? 'percentage' : indicator.unit === 'rate-per-10000' ? 'rate' : 'number';
  const label = normalise(indicator.label);
  // A plain number may be a count beside any measure, or a rate written without "per 10,000".
  return figuresIn(clause).every(
    (f) => f.kind === kind || f.kind === 'number' || /\bby\s*$/i.test(f.before) || label.includes(` ${f.text.trim()} `) || /^\s*(?:working\s+)?(?:hours?|days?|weeks?|months?|years?)\b/i.test(f.after),
  );
}

/** Whether a figure in words is the data's figure, as the text would round (or cut) it. */
export function agrees(quoted: Quoted, value: number): boolean {
  const step = 10 ** -quoted.decimals;
  if (Math.abs(quoted.value - value) <= step / 2 + 1e-9) return true;
  // "39 young people in every 10,000" for 39.8: the whole number, not rounded.
  return Math.abs(quoted.value - Math.trunc(value / step) * step) < 1e-9;
}

/** A clause about another time or place than this year's local figure. */
const ELSEWHEN = /\b(?:last year|previous(?:ly)?|the year before|prior|before|since|compared|than|from|target|aim|ambition|expected|forecast|will|would|quarter|Q[1-4]|months?|monthly|weeks?|weekly|days?|daily|each year|per year|a year|national(?:ly)?|England|average|neighbou?rs?|region(?:al)?|similar areas|West Midlands|trend|increase of|decrease of|up by|down by|rose by|fell by|by \d)/i;
const YEARISH = /\b(?:19|20)\d{2}(?:\s*[-/–]\s*(?:19|20)?\d{2})?\b|\b\d{2}\/\d{2}\b/g;

export function yearForms(year: string): string[] {
  const [start, end] = [year.slice(0, 4), year.slice(5)];
  return [`${start}-${end}`, `${start}/${end}`, `${start}–${end}`, `${start}-20${end}`, `${start}/20${end}`, `${start} - 20${end}`, `${start.slice(2)}/${end}`, `${start} to 20${end}`];
}

/** Words of the measure's own name ("within 12 months"), which say nothing of the time a figure is for. */
function withoutLabel(clause: string, label: string | undefined): string {
  if (!label) return clause;
  const words = new Set(normalise(label).split(' ').filter((w) => w.length > 3 || /^\d+$/.test(w)));
  return clause.replace(/[A-Za-z0-9'’-]+/g, (word) => (words.has(normalise(word).trim()) ? ' ' : word));
}

const MONTHS = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/**
 * The clause speaks of the report's year (or of no year at all), and of nothing but the local
 * figure: no other year, month, week or quarter (but the end of the period, "31 March 2023"),
 * no comparator, target or earlier time. The words of the measure's own label do not count.
 */
export function aboutThisYearOnly(clause: string, report: ReportData, label?: string): boolean {
  const { periodEnd, forms } = yearWords(report);
  // "at the end of March 2023", "on 31 March 2023": the period's end, for a snapshot.
  const text = withoutLabel(clause, label).replace(periodEnd, ' ');
  if (ELSEWHEN.test(text) || ANY_MONTH.test(text)) return false;
  for (const match of text.matchAll(YEARISH)) {
    if (!forms.has(match[0].replace(/\s+/g, ''))) return false;
  }
  return true;
}

const ANY_MONTH = new RegExp(`\\b${MONTHS}\\b`, 'i');

/** How a report's text says its period's end, and its year (without spaces): made once a report. */
const yearWords = rememberedBy((report: ReportData) => {
  const { end } = report.sections.report.period;
  const endMonth = new Date(`${end}T00:00:00Z`).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return {
    periodEnd: new RegExp(`\\b(?:(?:at\\s+)?the\\s+end\\s+of|on|at|as\\s+at|by)\\s+(?:${end.slice(8).replace(/^0/, '')}(?:st|nd|rd|th)?\\s+)?${endMonth}\\s+${end.slice(0, 4)}\\b`, 'gi'),
    forms: new Set(yearForms(report.year).map((form) => form.replace(/\s+/g, ''))),
  };
}, { perRun: true });

/** The clause names no year but this one and the one before, and no part of a year. */
export function onlyTheseYears(clause: string, report: ReportData): boolean {
  if (/\b(?:quarter(?:ly)?|Q[1-4]|(?:each|per|a|every|the|that) month|monthly|month on month|week|weekly|since)\b/i.test(clause)) return false;
  const previous = yearBefore(report.year);
  const forms = [...yearForms(report.year), ...(previous ? yearForms(previous) : [])].map((f) => f.replace(/\s+/g, ''));
  return [...clause.matchAll(YEARISH)].every((m) => forms.includes(m[0].replace(/\s+/g, '')));
}

export const pretty = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
export const unitWords = (indicator: Indicator, value: number) =>
  indicator.unit === 'percentage' ? `${pretty(value)}%` : indicator.unit === 'rate-per-10000' ? `${pretty(value)} per 10,000` : pretty(value);

/** A sentence shortened to quote as the evidence (at most about 200 characters). */
export function excerpt(sentence: string, length = 200): string {
  return sentence.length > length ? `${sentence.slice(0, length - 1).trimEnd()}…` : sentence;
}


/** Whether a clause has at least half the words of the label beyond the head it names it by. */
export function covers(clause: string, label: string, head: string): boolean {
  const text = normalise(clause);
  const headWords = new Set(head.trim().split(' '));
  const rest = normalise(label).trim().split(' ').filter((w) => !headWords.has(w) && (w.length > 3 || /^\d+$/.test(w)));
  return rest.length === 0 || rest.filter((w) => text.includes(` ${w} `)).length * 2 >= rest.length;
}

export function wordsIn(normalised: string): number {
  return normalised.split(' ').filter(Boolean).length;
}

