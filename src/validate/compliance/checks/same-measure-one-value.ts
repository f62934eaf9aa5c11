/**
 * The same measure given two values: two indicators that are one measure (the same label or
 * definition, for the same area, unit and date) with different figures for a year, and a
 * sentence of the narrative that quotes an indicator's figure for the report's year
 * differently from indicators.yaml.
 *
 * The text helpers here (the year's prose, its sentences, the indicators a sentence names and
 * the figures it quotes) are shared by the other checks that read the narrative against the
 * data: narrative-direction, comparison-needs-figure, text-dates-in-period and
 * reviews-named-in-text.
 */
import { YEAR_FILE_NAMES, YEAR_FILES, type Indicator, type YearFileName } from '../../../model/report-year.js';
import type { ReportData } from '../../../model/checked-report.js';
import { descriptionAt } from '../../../model/schema-fields.js';
import { figureValue, figureWhen } from '../../../model/stated-figure.js';
import { stringsOf } from '../../strings-of.js';
import { outcome, type Check, type Finding } from '../check.js';

/* ------------------------------------------------------------------ the year's prose */

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
export function* proseOf(report: ReportData): Generator<Prose> {
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
export function sentencesOf(markdown: string): string[] {
  const blocks = plainText(markdown)
    .split(/\n\s*\n|\n(?=\s*(?:[-*+•]|\d+[.)])\s)/)
    .map((block) => block.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return blocks.flatMap((block) => block.split(/(?<=[.!?]["')]?)\s+(?=["'(]?[A-Z0-9])/)).map((s) => s.trim()).filter(Boolean);
}

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
export function normalise(text: string): string {
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
}

/** Words after which a label's head is qualified: "Contacts | to the front door". */
const QUALIFIERS = new Set(['to', 'within', 'by', 'from', 'received', 'completed', 'held', 'made', 'issued', 'started', 'offered', 'led', 'with', 'who', 'whose', 'that', 'about', 'for', 'on', 'at', 'per', 'aged', 'as', 'subject', 'open', 'assessed', 'seen', 'identified', 'where', 'which']);
/** Heads too general to stand for one measure on their own. */
const GENERAL = new Set(['child', 'children', 'young', 'people', 'young people', 'families', 'family', 'case', 'number', 'total', 'percentage', 'rate', 'share', 'proportion']);
/** Words that, straight after a measure's name, make it part of the measure: "contacts from the police". */
const SUBSET = new Set(['from', 'among', 'amongst', 'involving', 'aged', 'by', 'for', 'about', 'with', 'whose', 'of', 'in', 'at', 'under', 'over', 'who', 'that', 'where', 'which', 'living', 'placed', 'during', 'between']);

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

function yearForms(year: string): string[] {
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
  const { end } = report.sections.report.period;
  const endMonth = new Date(`${end}T00:00:00Z`).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  // "at the end of March 2023", "on 31 March 2023": the period's end, for a snapshot.
  const text = withoutLabel(clause, label).replace(new RegExp(`\\b(?:(?:at\\s+)?the\\s+end\\s+of|on|at|as\\s+at|by)\\s+(?:${end.slice(8).replace(/^0/, '')}(?:st|nd|rd|th)?\\s+)?${endMonth}\\s+${end.slice(0, 4)}\\b`, 'gi'), ' ');
  if (ELSEWHEN.test(text) || new RegExp(`\\b${MONTHS}\\b`, 'i').test(text)) return false;
  const forms = yearForms(report.year);
  for (const match of text.matchAll(YEARISH)) {
    const said = match[0].replace(/\s+/g, '');
    if (!forms.some((form) => form.replace(/\s+/g, '') === said)) return false;
  }
  return true;
}

/** The clause names no year but this one and the one before, and no part of a year. */
function onlyTheseYears(clause: string, report: ReportData): boolean {
  if (/\b(?:quarter(?:ly)?|Q[1-4]|(?:each|per|a|every|the|that) month|monthly|month on month|week|weekly|since)\b/i.test(clause)) return false;
  const previous = yearBefore(report.year);
  const forms = [...yearForms(report.year), ...(previous ? yearForms(previous) : [])].map((f) => f.replace(/\s+/g, ''));
  return [...clause.matchAll(YEARISH)].every((m) => forms.includes(m[0].replace(/\s+/g, '')));
}

const pretty = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
const unitWords = (indicator: Indicator, value: number) =>
  indicator.unit === 'percentage' ? `${pretty(value)}%` : indicator.unit === 'rate-per-10000' ? `${pretty(value)} per 10,000` : pretty(value);

/** The reporting year before `year`: 2021-22 for 2022-23. */
export function yearBefore(year: string): string | undefined {
  const start = Number(year.slice(0, 4));
  return Number.isFinite(start) ? `${start - 1}-${String(start % 100).padStart(2, '0')}` : undefined;
}

/** A sentence shortened to quote as the evidence (at most about 200 characters). */
export function excerpt(sentence: string, length = 200): string {
  return sentence.length > length ? `${sentence.slice(0, length - 1).trimEnd()}…` : sentence;
}

interface ChangePair {
  now: Quoted;
  before: Quoted;
}

/**
 * "rose from 64.9% to 78.4%", "41.5%, up from 33.2%", "39.6%, compared with 41.2% in
 * 2021-22": this year's figure and last year's, and the clause without them (which may
 * still say something about another time or place).
 */
function changesIn(clause: string, previousYear: string | undefined): { pairs: ChangePair[]; rest: string } {
  const figures = figuresIn(clause);
  const pairs: ChangePair[] = [];
  const spans: Array<[number, number]> = [];
  const previous = previousYear ? `(?:${yearForms(previousYear).map((f) => f.replace(/[/]/g, '\\/')).join('|')})` : '(?!)';
  for (let n = 0; n + 1 < figures.length; n++) {
    const [a, b] = [figures[n]!, figures[n + 1]!];
    const between = clause.slice(a.index + a.text.length, b.index);
    const before = clause.slice(0, a.index);
    const after = clause.slice(b.index + b.text.length);
    let pair: ChangePair | undefined;
    let span: [number, number] = [a.index, b.index + b.text.length];
    if (/\bfrom\s*$/i.test(before) && new RegExp(`^\\s*(?:in\\s+${previous}\\s+)?to\\s*$`, 'i').test(between)) {
      pair = { before: a, now: b };
      span = [before.search(/\bfrom\s*$/i), span[1]];
    } else if (/\bto\s*$/i.test(before) && /^\s*from\s*$/i.test(between)) {
      pair = { now: a, before: b };
    } else if (/^\s*(?:\([^)]*\))?,?\s*(?:up|down)\s+from\s*$/i.test(between)) {
      pair = { now: a, before: b };
    } else if (/^\s*(?:\([^)]*\))?,?\s*compared\s+(?:with|to)\s*$/i.test(between) && new RegExp(`^\\s*in\\s+${previous}\\b`, 'i').test(after)) {
      pair = { now: a, before: b };
      span = [span[0], b.index + b.text.length + (new RegExp(`^\\s*in\\s+${previous}`, 'i').exec(after)?.[0].length ?? 0)];
    }
    if (!pair) continue;
    // "from 448.1 to 469.3 per 10,000": the unit said once is both figures'.
    const kind = pair.now.kind !== 'number' ? pair.now.kind : pair.before.kind;
    pairs.push({ now: { ...pair.now, kind }, before: { ...pair.before, kind } });
    spans.push(span);
    n++;
  }
  let rest = '';
  let from = 0;
  for (const [start, end] of spans) {
    rest += `${clause.slice(from, start)} `;
    from = end;
  }
  rest += clause.slice(from);
  return { pairs, rest: spans.length ? rest.replace(/\s+/g, ' ').trim() : clause };
}

function ofUnit(quoted: Quoted, indicator: Indicator): boolean {
  return indicator.unit === 'percentage' ? quoted.kind === 'percentage' : indicator.unit === 'rate-per-10000' ? quoted.kind === 'rate' : quoted.kind === 'number';
}

/**
 * Whether a figure is close enough to where the clause names the measure to be its figure: at
 * most eight words between them, not counting words of the measure's own label ("re-referrals
 * to children's social care within 12 months fell from 22.9% to 20.4%").
 */
function nearMention(clause: string, quoted: Quoted, mention: Mention): boolean {
  const words = normalise(clause.slice(0, quoted.index)).split(' ').filter(Boolean);
  if (!mention.form) return words.length <= 12;
  const label = new Set(normalise(mention.indicator.label).split(' '));
  const text = normalise(clause);
  const at = text.indexOf(mention.form);
  const [mentionStart, mentionEnd] = [wordsIn(text.slice(0, at)), wordsIn(text.slice(0, at + mention.form.length))];
  const start = words.length;
  const end = start + wordsIn(normalise(quoted.text));
  const all = text.split(' ').filter(Boolean);
  const between = end <= mentionStart ? all.slice(end, mentionStart) : all.slice(mentionEnd, start);
  return between.filter((word) => !label.has(word) && !/^\d+$/.test(word)).length <= 8;
}

/**
 * The figures in a clause that can only be the indicator's own: of its unit, a few words from
 * where the clause names it, and for a count followed by its name ("4,194 referrals", not
 * "20 contacts from family members"). Figures after "to" may be a target ("raise it to 50%"):
 * they can agree with the data but never contradict it, and in a clause that gives a share of
 * a whole ("15.2% of all contacts"), a count is the whole's only when it follows "of".
 */
function quotedFor(clause: string, mention: Mention): { agreeing: Quoted[]; contradicting: Quoted[] } {
  const { indicator, form } = mention;
  const near = (q: Quoted) => nearMention(clause, q, mention);
  let figures = figuresIn(clause).filter(near);
  if (indicator.unit === 'percentage') figures = figures.filter((f) => f.kind === 'percentage');
  else if (indicator.unit === 'rate-per-10000') figures = figures.filter((f) => f.kind === 'rate');
  else {
    if (!form) return { agreeing: [], contradicting: [] };
    // "7,010 contacts (23.7%) had an outcome": a clause with a share speaks of a part.
    const share = /%|per\s*cent|\bof (?:all|the total|total)\b/i.test(clause);
    figures = figures.filter((f) => {
      if (f.kind !== 'number') return false;
      const after = normalise(f.after.replace(/^(?:total|in total)\s+/i, ''));
      if (!after.startsWith(form) || SUBSET.has(after.slice(form.length).split(' ')[0] ?? '')) return false;
      // "18 of 20 contacts", "an audit of 30 contacts": a sample, not the year's count.
      if (/\d\s+of\s+$|\b(?:audit(?:ed)?|sampled?|check(?:ed)?|review(?:ed)?|survey(?:ed)?|looked at)\s+(?:of\s+)?(?:the\s+)?$/i.test(f.before)) return false;
      return !share || /\bof (?:the )?$/i.test(f.before);
    });
  }
  // Named only by its head, a percentage or rate may be some other share of it ("35% of
  // re-referrals were for domestic abuse"): it can contradict only beside most of the label.
  if (indicator.unit !== 'count' && form && !covers(clause, indicator.label, form)) return { agreeing: figures, contradicting: [] };
  return { agreeing: figures, contradicting: figures.filter((f) => !/\bto\s*$/i.test(f.before)) };
}

/** Whether a clause has at least half the words of the label beyond the head it names it by. */
export function covers(clause: string, label: string, head: string): boolean {
  const text = normalise(clause);
  const headWords = new Set(head.trim().split(' '));
  const rest = normalise(label).trim().split(' ').filter((w) => !headWords.has(w) && (w.length > 3 || /^\d+$/.test(w)));
  return rest.length === 0 || rest.filter((w) => text.includes(` ${w} `)).length * 2 >= rest.length;
}

function wordsIn(normalised: string): number {
  return normalised.split(' ').filter(Boolean).length;
}

/* ------------------------------------------------------------------ the check */

/** Two indicators that are one measure: the same label or definition, area, unit and kind of date. */
function sameMeasure(a: Indicator, b: Indicator): boolean {
  if ((a.area ?? '') !== (b.area ?? '') || a.unit !== b.unit) return false;
  return normalise(a.label) === normalise(b.label) || (a.definition !== undefined && b.definition !== undefined && normalise(a.definition) === normalise(b.definition));
}

export const sameMeasureOneValue: Check = {
  id: 'same-measure-one-value',
  paths: ['indicators.yaml indicators[].label, definition, values', 'every Markdown text field'],
  sections: ['performance'],
  run({ report, at }) {
    const indicators = report.sections.indicators?.indicators ?? [];
    const missing: Finding[] = [];
    let compared = 0;

    // Two indicators for one measure.
    indicators.forEach((a, i) => {
      indicators.forEach((b, j) => {
        if (j <= i || !sameMeasure(a, b)) return;
        for (const year of Object.keys(a.values).sort()) {
          const [x, y] = [figureValue(a.values[year]), figureValue(b.values[year])];
          if (typeof x !== 'number' || typeof y !== 'number') continue;
          if (JSON.stringify(figureWhen(a.values[year]) ?? null) !== JSON.stringify(figureWhen(b.values[year]) ?? null)) continue;
          compared++;
          if (x === y) continue;
          const how = normalise(a.label) === normalise(b.label) ? 'the same label' : 'the same definition';
          missing.push({
            message: `"${a.label}" (${a.id}) and "${b.label}" (${b.id}) have ${how} but give ${year} as ${unitWords(a, x)} and ${unitWords(b, y)}: if they are one measure keep one figure; if not, say in each label or definition what makes them different`,
            where: at('indicators', ['indicators', j, 'values', year]),
            quote: `${a.id}: ${x}; ${b.id}: ${y}`,
          });
        }
      });
    });

    // A sentence quoting an indicator's figure for this year (or last year) differently.
    const forms = indicatorForms(report);
    const area = report.partnership.area;
    const previousYear = yearBefore(report.year);
    for (const prose of proseOf(report)) {
      for (const sentence of sentencesOf(prose.text)) {
        for (const clause of clausesOf(sentence)) {
          const mentions = mentionsIn(clause, forms, prose.indicator, area);
          // A clause naming two measures cannot tie a figure to either.
          if (mentions.length !== 1) continue;
          const [mention] = mentions as [Mention];
          const { indicator } = mention;
          const { pairs, rest } = changesIn(clause, previousYear);
          const thisYear = aboutThisYearOnly(rest, report, indicator.label);
          // A change from last year to this is about those two years, whatever else the clause compares.
          if (!thisYear && (pairs.length === 0 || !onlyTheseYears(rest, report))) continue;
          const said: Array<{ quoted: Quoted; year: string; mayContradict: boolean }> = [];
          // Named only by its head, a percentage or rate may be some other share of the measure.
          const named = indicator.unit === 'count' || !mention.form || covers(clause, indicator.label, mention.form);
          for (const pair of pairs) {
            if (!ofUnit(pair.now, indicator) || !nearMention(clause, pair.now, mention)) continue;
            said.push({ quoted: pair.now, year: report.year, mayContradict: named });
            if (previousYear) said.push({ quoted: pair.before, year: previousYear, mayContradict: named });
          }
          const { agreeing, contradicting } = quotedFor(rest, mention);
          if (said.length === 0 && thisYear) {
            said.push(...agreeing.map((quoted) => ({ quoted, year: report.year, mayContradict: contradicting.length === 1 && contradicting[0] === quoted })));
          }
          for (const year of new Set(said.map((s) => s.year))) {
            const stated = indicator.values[year];
            const value = figureValue(stated);
            if (typeof value !== 'number') continue;
            // A snapshot or part of a year may differ from a figure in words for the whole year.
            if (year !== report.year && JSON.stringify(figureWhen(stated) ?? null) !== JSON.stringify(figureWhen(indicator.values[report.year]) ?? null)) continue;
            const ofYear = said.filter((s) => s.year === year);
            if (ofYear.some((s) => agrees(s.quoted, value))) {
              compared++;
              continue;
            }
            const wrong = ofYear.filter((s) => s.mayContradict);
            if (wrong.length !== 1) continue;
            compared++;
            const [{ quoted }] = wrong as [(typeof wrong)[number]];
            missing.push({
              message: `The text gives ${quoted.text.trim()}${quoted.kind === 'rate' ? ' per 10,000' : ''} for "${indicator.label}" in ${year}, but indicators.yaml gives ${unitWords(indicator, value)}: correct one of them, or say in the sentence what the other figure measures (another date, part of the year or group)`,
              where: at(prose.file, prose.path),
              quote: excerpt(sentence),
            });
          }
        }
      }
    }
    if (compared === 0) return outcome([], [{ message: 'No measure is given twice, in indicators.yaml or in the text, so there is nothing to compare' }]);
    return outcome(missing, [{ message: `${compared} figure${compared === 1 ? '' : 's'} given more than once agree${compared === 1 ? 's' : ''}` }]);
  },
};
