/**
 * Where every number on the page comes from (issue 13): the checker behind
 * test/provenance.test.ts. A number printed in the HTML or the PDF is accounted for when it is
 *
 * - stated in the data: any number in any YAML or CSV file of the data folder, as a value or
 *   inside text (keys too: "2022-23", "Q1"), the parts of every date there, and the numbers of
 *   the requirement catalogues (schemas/requirements/*.yaml), which the compliance appendix
 *   quotes; printed at any precision (52.4 may be printed 52, 23 may be printed 23.0);
 * - produced by one of the named derivations below, each worked out from the data's structure
 *   (a rate from an indicator's count, a share from a breakdown's part and its total), never
 *   from any pair of numbers that happens to fit. A derived number that is not whole counts
 *   only when printed to at least one decimal place, as src/render/format.ts prints rates and
 *   percentages, so a whole number the page invents is not excused by some unrelated ratio
 *   that rounds to it;
 * - a year label ("2022-23") that the data uses, or the one the report's period gives;
 * - part of the page's structure, recognised by its shape and checked: a section's number
 *   before its title, the PDF's "Page X of Y" footer (X is the page it is on, Y the page
 *   count), a contents entry's page, a "page N" reference in the compliance appendix, and the
 *   PDF's size in the download link (it must be the size of the PDF written);
 * - one of the tool's own fixed words (fixedWords(): each phrase with a number that the
 *   templates or the view code write, and the file that writes it).
 *
 * Anything else is reported with the number, the text around it and where it was.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parse as parseYaml } from 'yaml';
import type { ComplianceReport, ReportData } from '../src/index.js';

export type Output = 'HTML' | 'PDF';

/** A run of text from one output, and where it is (an HTML section, a PDF page). */
export interface Block {
  text: string;
  where: string;
}

export interface Unaccounted {
  number: string;
  output: Output;
  where: string;
  snippet: string;
}

/* ------------------------------------------------------------------ reading numbers in text */

export interface Token {
  start: number;
  end: number;
  raw: string;
  kind: 'number' | 'year-label' | 'date';
  /** The number (for a year label, its first year; for a date, unused). */
  value: number;
  /** Digits after the decimal point as printed: "23.0" has 1. */
  decimals: number;
  /** A year label as "2022-23"; a date's parts. */
  label?: string;
  parts?: number[];
}

// A date (2023-03-31); a year label (2022-23, 2022/23, 2022–23, or "2022-" at the end of a PDF
// line and "23" at the start of the next); or a number with optional thousands separators and
// decimals. £, %, signs and units around it are not part of it.
const TOKEN = /(\d{4})-(\d{2})-(\d{2})(?!\d)|(\d{4})[-–/](?:\n[ \t]*)?(\d{2})(?![\d/-])|(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?(?!\d)/g;

export function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1] !== undefined) {
      found.push({ start, end, raw: match[0], kind: 'date', value: NaN, decimals: 0, parts: [Number(match[1]), Number(match[2]), Number(match[3])] });
    } else if (match[4] !== undefined) {
      found.push({ start, end, raw: match[0], kind: 'year-label', value: Number(match[4]), decimals: 0, label: `${match[4]}-${match[5]}` });
    } else {
      const whole = match[6]!.replace(/,/g, '');
      const decimals = match[7]?.length ?? 0;
      found.push({ start, end, raw: match[0], kind: 'number', value: Number(decimals ? `${whole}.${match[7]}` : whole), decimals });
    }
  }
  return found;
}

/** "2022-23" -> 2023, the year the label ends in. */
function endYear(label: string): number {
  const start = Number(label.slice(0, 4));
  const end = Number(label.slice(5, 7));
  return start - (start % 100) + end + (end < start % 100 ? 100 : 0);
}

/* ------------------------------------------------------------ what the data states */

/** Numbers the data states, and the year labels it uses. */
export interface Stated {
  numbers: number[];
  yearLabels: Set<string>;
}

function addText(text: string, into: Stated): void {
  for (const token of tokens(text)) {
    if (token.kind === 'date') into.numbers.push(...token.parts!);
    else if (token.kind === 'year-label') {
      into.yearLabels.add(token.label!);
      // "2022-25" states 2022 and 2025; "2022-05" (a month) states only 2022.
      const end = endYear(token.label!);
      into.numbers.push(token.value, ...(end > token.value && end <= token.value + 10 ? [end] : []));
    } else into.numbers.push(token.value);
  }
}

function addValue(value: unknown, into: Stated): void {
  if (typeof value === 'number') into.numbers.push(value);
  else if (typeof value === 'string') addText(value, into);
  else if (Array.isArray(value)) for (const item of value) addValue(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      addText(key, into);
      addValue(item, into);
    }
  }
}

function filesIn(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesIn(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/** Every YAML file of the folder parsed (comments are not data), and every CSV file as text. */
export function dataFiles(folder: string): { yaml: unknown[]; csv: string[] } {
  return {
    yaml: filesIn(folder, /\.ya?ml$/i).map((path) => parseYaml(readFileSync(path, 'utf8')) as unknown),
    csv: filesIn(folder, /\.csv$/i).map((path) => readFileSync(path, 'utf8')),
  };
}

/** The numbers stated in a data folder and in the requirement catalogues. */
export function statedNumbers(dataFolder: string, catalogueFolder: string): Stated {
  const stated: Stated = { numbers: [], yearLabels: new Set() };
  const data = dataFiles(dataFolder);
  for (const file of data.yaml) addValue(file, stated);
  for (const file of data.csv) addText(file, stated);
  for (const file of dataFiles(catalogueFolder).yaml) addValue(file, stated);
  return stated;
}

/* ------------------------------------------------------------ named derivations */

export interface Derived {
  value: number;
  /** Which derivation, of what. */
  name: string;
}

/** A figure's number: a plain number, or the value of a figure stated with its date ({ value: 412, as_at: 2023-03-31 }); not "c". */
function plain(figure: unknown): number | undefined {
  if (typeof figure === 'number') return figure;
  if (figure && typeof figure === 'object' && typeof (figure as { value?: unknown }).value === 'number') return (figure as { value: number }).value;
  return undefined;
}

/** A series of figures by year (or quarter), as [key, number] in key order, leaving out suppressed ones. */
function numeric(series: object | undefined): Array<[string, number]> {
  return Object.entries(series ?? {})
    .map(([key, figure]) => [key, plain(figure)] as const)
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** An indicator's comparators by name: england, region, statistical_neighbours, and any of the partnership's own ("others"). */
function comparators(indicator: { comparators?: object }): Array<[string, object]> {
  return Object.entries(indicator.comparators ?? {}).flatMap(([key, values]: [string, unknown]) =>
    Array.isArray(values)
      ? values.map((other: { name?: string; values?: object }) => [String(other.name), other.values ?? {}] as [string, object])
      : [[key, (values ?? {}) as object] as [string, object]],
  );
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Rate per 10,000 children: an indicator's or breakdown's count over the area's child population. */
export function ratesPer10000(report: ReportData): Derived[] {
  const population = report.sections.report.area?.child_population;
  if (!population) return [];
  const counts: Array<[string, number]> = [];
  for (const indicator of report.sections.indicators?.indicators ?? []) {
    for (const [year, count] of numeric(indicator.counts)) counts.push([`${indicator.id} count ${year}`, count]);
    if (indicator.unit === 'count') {
      for (const [year, count] of numeric(indicator.values)) counts.push([`${indicator.id} ${year}`, count]);
      for (const [quarter, count] of numeric(indicator.quarters)) counts.push([`${indicator.id} ${quarter}`, count]);
    }
  }
  for (const breakdown of report.sections.indicators?.breakdowns ?? []) {
    if (breakdown.unit !== 'count') continue;
    for (const [label, count] of breakdown.parts.map((part) => [part.label, plain(part.value)] as const)) if (count !== undefined) counts.push([`${breakdown.id} ${label}`, count]);
    const total = plain(breakdown.total);
    if (total !== undefined) counts.push([`${breakdown.id} total`, total]);
  }
  return counts.map(([name, count]) => ({ value: (count / population) * 10000, name: `rate per 10,000 of ${name}` }));
}

/** Each pair of consecutive years with a figure, in an indicator's own series and each comparator's, and the LADO's referrals this year and last. */
function consecutiveYears(report: ReportData): Array<{ name: string; before: number; after: number }> {
  const pairs: Array<{ name: string; before: number; after: number }> = [];
  for (const indicator of report.sections.indicators?.indicators ?? []) {
    const series: Array<[string, object]> = [[indicator.id, indicator.values], ...comparators(indicator).map(([name, values]) => [`${indicator.id} ${name}`, values] as [string, object])];
    for (const [name, values] of series) {
      const years = numeric(values);
      for (let i = 1; i < years.length; i++) pairs.push({ name: `${name} ${years[i - 1]![0]} to ${years[i]![0]}`, before: years[i - 1]![1], after: years[i]![1] });
    }
  }
  const lado = report.sections.lado;
  if (lado?.referrals !== undefined && lado.referrals_last_year !== undefined) pairs.push({ name: 'LADO referrals last year to this', before: lado.referrals_last_year, after: lado.referrals });
  return pairs;
}

/** Percentage change between consecutive years: (after - before) / before. */
export function percentageChanges(report: ReportData): Derived[] {
  return consecutiveYears(report)
    .filter((pair) => pair.before !== 0)
    .map((pair) => ({ value: Math.abs(((pair.after - pair.before) / pair.before) * 100), name: `percentage change of ${pair.name}` }));
}

/**
 * The difference between consecutive years, and between each year's figure and a comparator's
 * for that year or the latest before it (as src/render/indicator-facts.ts picks it), both as
 * the raw numbers give it and as the figures printed to one decimal place give it.
 */
export function differences(report: ReportData): Derived[] {
  const derived: Derived[] = [];
  const both = (a: number, b: number, name: string) => {
    derived.push({ value: Math.abs(b - a), name }, { value: Math.abs(oneDecimal(b) - oneDecimal(a)), name: `${name}, as printed` });
  };
  for (const pair of consecutiveYears(report)) both(pair.before, pair.after, `difference of ${pair.name}`);
  for (const indicator of report.sections.indicators?.indicators ?? []) {
    for (const [year, value] of numeric(indicator.values)) {
      for (const [comparator, values] of comparators(indicator)) {
        const latest = numeric(values).filter(([y]) => y <= year).at(-1);
        if (latest) both(latest[1], value, `difference of ${indicator.id} ${year} from ${comparator} ${latest[0]}`);
      }
    }
  }
  return derived;
}

/** A breakdown part's share of the total the data states, or of the sum of its parts when it states none. */
export function breakdownShares(report: ReportData): Derived[] {
  return (report.sections.indicators?.breakdowns ?? []).flatMap((breakdown) => {
    if (breakdown.unit !== 'count') return [];
    const parts = breakdown.parts.map((part) => plain(part.value)).filter((value): value is number => value !== undefined);
    const whole = plain(breakdown.total) ?? parts.reduce((sum, value) => sum + value, 0);
    return whole > 0 ? parts.map((part) => ({ value: (part / whole) * 100, name: `share of ${breakdown.id}` })) : [];
  });
}

/** A partner's contribution as a share of the budget's stated total, or of the contributions' sum when none is stated. */
export function fundingShares(report: ReportData): Derived[] {
  const funding = report.sections.funding;
  const contributions = (funding?.contributions ?? []).flatMap((row) => {
    const amount = plain(row.amount);
    return amount === undefined ? [] : [{ partner: row.partner, amount }];
  });
  const whole = plain(funding?.total) ?? contributions.reduce((sum, row) => sum + row.amount, 0);
  return whole > 0 ? contributions.map((row) => ({ value: (row.amount / whole) * 100, name: `share of the budget from ${row.partner}` })) : [];
}

/**
 * Counts of listed items: the length of every list in the data (priorities, reviews, each
 * review's recommendations, courses...), the number of items in each list of records that share
 * a value of a short field (recommendations "complete", priorities with "good" progress), and
 * the requirements of the compliance appendix, in all and by level and status.
 */
export function listCounts(files: unknown[], compliance?: ComplianceReport): Derived[] {
  const derived: Derived[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      derived.push({ value: value.length, name: `number of ${path}` });
      const byField = new Map<string, number>();
      for (const item of value) {
        if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
        for (const [key, field] of Object.entries(item)) {
          if ((typeof field === 'string' && field.length <= 40) || typeof field === 'boolean') byField.set(`${key}=${String(field)}`, (byField.get(`${key}=${String(field)}`) ?? 0) + 1);
        }
      }
      for (const [field, count] of byField) derived.push({ value: count, name: `number of ${path} with ${field}` });
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
    }
  };
  files.forEach((file) => visit(file, ''));
  if (compliance) {
    const outcomes = compliance.outcomes;
    derived.push({ value: outcomes.length, name: 'number of requirements' });
    const groups = new Map<string, number>();
    for (const outcome of outcomes) {
      for (const key of [outcome.status, outcome.requirement.level, `${outcome.requirement.level} ${outcome.status}`]) groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const [key, count] of groups) derived.push({ value: count, name: `number of requirements ${key}` });
  }
  return derived;
}

/** The rows of every CSV file (each row an item, such as an indicator). */
export function csvRowCounts(csv: string[]): Derived[] {
  return csv.map((text) => ({ value: text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1, name: 'number of rows of a CSV file' }));
}

/** Every named derivation of a report's data. */
export function derivedNumbers(report: ReportData, files: { yaml: unknown[]; csv: string[] }, compliance?: ComplianceReport): Derived[] {
  return [
    ...ratesPer10000(report),
    ...percentageChanges(report),
    ...differences(report),
    ...breakdownShares(report),
    ...fundingShares(report),
    ...listCounts(files.yaml, compliance),
    ...csvRowCounts(files.csv),
  ];
}

/** Year labels the report's period gives: the year it starts and ends, as "2022-23". */
export function periodYearLabels(report: ReportData): string[] {
  const { start, end } = report.sections.report.period;
  const label = (first: number) => `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
  return [...new Set([report.year, label(Number(start.slice(0, 4))), label(Number(end.slice(0, 4)) - 1)])];
}

/* ------------------------------------------------------------ the tool's own words */

/**
 * Each phrase the templates or the view code write with a number of their own, where it is
 * written, and the pattern that finds it (the number in a group). Nothing else the tool writes
 * has a number of its own: the rest comes from the data.
 */
export function fixedWords(threshold: number): Array<{ pattern: RegExp; origin: string }> {
  return [
    { pattern: /per (10,000) children/gi, origin: 'fixed words: src/render/format.ts (sayFigure, unitLabel), src/render/sections/at-a-glance.ts' },
    { pattern: /children and young people under (18) live in the area/g, origin: 'fixed words: templates/partials/about.hbs' },
    { pattern: /Section (11) audit/g, origin: 'fixed words: src/render/sections/audits.ts' },
    { pattern: /Section (175) audit/g, origin: 'fixed words: src/render/sections/audits.ts' },
    // The small-number threshold: the partnership's small_numbers.threshold, or the tool's default 5.
    { pattern: new RegExp(`fewer than (${threshold + 1})(?!\\d)`, 'g'), origin: 'fixed words: src/render/small-numbers.ts (fewerThan)' },
    { pattern: new RegExp(`Counts of (1) to (${threshold}) are not shown`, 'g'), origin: 'fixed words: src/render/sections/performance.ts' },
  ];
}

/* ------------------------------------------------------------ the page's structure */

interface Span {
  start: number;
  end: number;
}

/** What the structural rules need to know about the built report. */
export interface Structure {
  /** Section titles by number, as the HTML's headings give them. */
  sections: Map<number, string>;
  /** For the PDF. */
  pageCount?: number;
  /** The PDF page (1-based) the compliance appendix starts on. */
  appendixPage?: number;
  /** The size of the PDF written, in bytes. */
  pdfBytes?: number;
  threshold: number;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The groups (all, or those listed) of each match of `pattern` in `text` that `accept` accepts. */
function groupSpans(text: string, pattern: RegExp, accept: (match: RegExpMatchArray) => boolean, groups?: number[]): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('d') ? pattern.flags : `${pattern.flags}d`))) {
    if (!accept(match)) continue;
    for (const group of groups ?? Array.from({ length: match.length - 1 }, (_, i) => i + 1)) {
      const range = match.indices?.[group];
      if (range) spans.push({ start: range[0], end: range[1] });
    }
  }
  return spans;
}

/** "3. About the partnership": a section's number before its title (or, where a line wraps, the start of it). */
function sectionNumbers(text: string, structure: Structure): Span[] {
  return groupSpans(text, /(?<![\d.,])(\d{1,2})\.[ \t]+(?=\S)/gm, (match) => {
    const title = structure.sections.get(Number(match[1]));
    if (!title) return false;
    const rest = squash(text.slice(match.index! + match[0].length).split(/\n|[ \t]{2,}/)[0]!);
    return rest.length >= 2 && (title.startsWith(rest) || rest.startsWith(title));
  });
}

/** The PDF's size as the download link says it, "(PDF, 2.1 MB)", which must be the size of the PDF written (src/build.ts, fileSize). */
function pdfSize(text: string, structure: Structure): Span[] {
  return groupSpans(text, /\(PDF, (\d+(?:\.\d)?) (?:MB|KB)\)/g, (match) => {
    if (structure.pdfBytes === undefined) return false;
    const bytes = structure.pdfBytes;
    const said = bytes >= 1_000_000 ? `(PDF, ${(bytes / 1_000_000).toFixed(1)} MB)` : `(PDF, ${Math.max(1, Math.round(bytes / 1000))} KB)`;
    return match[0] === said;
  });
}

/** The structural spans of an HTML block. */
function htmlStructure(text: string, structure: Structure): Span[] {
  return [...sectionNumbers(text, structure), ...pdfSize(text, structure)];
}

/**
 * The structural spans of PDF page `page`: its footer "Page X of Y" (templates/report.css,
 * @bottom-right), contents entries "3. About the partnership ... 5" (on the page headed
 * Contents), the appendix's "page N" (templates/report.css, .page-ref::before),
 * and section numbers.
 */
function pdfStructure(text: string, page: number, structure: Structure): Span[] {
  const count = structure.pageCount ?? 0;
  const spans = [
    ...sectionNumbers(text, structure),
    ...groupSpans(text, /Page (\d+) of (\d+)[ \t]*$/gm, (match) => Number(match[1]) === page && Number(match[2]) === count),
  ];
  if (structure.appendixPage !== undefined && page >= structure.appendixPage) {
    spans.push(...groupSpans(text, /\bpage[ \t]+(\d{1,3})(?!\d)/gm, (match) => Number(match[1]) >= 1 && Number(match[1]) <= count));
  }
  if (/^[ \t]*Contents[ \t]*$/m.test(text)) {
    const titles = [...structure.sections.values()];
    const isPage = (ref: string) => Number(ref) >= 1 && Number(ref) <= count;
    spans.push(
      // "3. About the partnership   5"; or, where a long title wraps, its last words and the page.
      ...groupSpans(text, /^[ \t]*(?:(\d{1,2})\.[ \t]+)?(\S.*?)[ \t]+(\d{1,3})[ \t]*$/gm, (m) => {
        const title = squash(m[2]!);
        const whole = m[1] !== undefined && title === structure.sections.get(Number(m[1]));
        const tail = m[1] === undefined && titles.some((t) => t !== title && t.endsWith(` ${title}`));
        return (whole || tail) && isPage(m[3]!);
      }, [1, 3]),
      // pdftotext sometimes reads an entry's page before its title.
      ...groupSpans(text, /^[ \t]*(\d{1,2})\.[ \t]+(\d{1,3})[ \t]+(\S.*?)[ \t]*$/gm, (m) => squash(m[3]!) === structure.sections.get(Number(m[1])) && isPage(m[2]!), [1, 2]),
    );
  }
  return spans;
}

/* ------------------------------------------------------------ the check */

/** The numbers a report may print: stated, derived, and the year labels it may use. */
export interface Sources {
  stated: Stated;
  derived: Derived[];
  yearLabels: Set<string>;
}

function sorted(values: number[]): Float64Array {
  return Float64Array.from(values.map(Math.abs)).sort();
}

/** The index of the first value in `values` (sorted) at least `low`. */
function firstAtLeast(values: Float64Array, low: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < low) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How a token is accounted for ("stated", "derived: rate per 10,000 of ..."), or undefined. */
export function matcher(sources: Sources): (token: Token) => string | undefined {
  const stated = sorted(sources.stated.numbers);
  const derived = sources.derived.map((d) => ({ ...d, value: Math.abs(d.value) }));
  const whole = derived.filter((d) => Math.abs(d.value - Math.round(d.value)) < 1e-9).sort((a, b) => a.value - b.value);
  const other = derived.filter((d) => Math.abs(d.value - Math.round(d.value)) >= 1e-9).sort((a, b) => a.value - b.value);
  const wholeValues = sorted(whole.map((d) => d.value));
  const otherValues = sorted(other.map((d) => d.value));
  const labels = new Set([...sources.stated.yearLabels, ...sources.yearLabels]);
  // The derivation nearest the printed number, to name it.
  const named = (list: Derived[], values: Float64Array, low: number, high: number) => {
    let best: number | undefined;
    for (let index = firstAtLeast(values, low); index < values.length && values[index]! <= high; index++) {
      if (best === undefined || Math.abs(values[index]! - (low + high) / 2) < Math.abs(values[best]! - (low + high) / 2)) best = index;
    }
    return best === undefined ? undefined : `derived: ${list[best]!.name}`;
  };
  return (token) => {
    if (token.kind === 'year-label') return labels.has(token.label!) ? 'year label' : undefined;
    const values = token.kind === 'date' ? token.parts! : [token.value];
    // Rounded to the printed precision: 23.0 is 23; 52 may be 52.4 printed without decimals.
    const half = 0.5 * 10 ** -token.decimals + 1e-9;
    const reasons = values.map((value) => {
      const [low, high] = [value - half, value + half];
      if (firstAtLeast(stated, low) < stated.length && stated[firstAtLeast(stated, low)]! <= high) return 'stated';
      return named(whole, wholeValues, low, high) ?? (token.decimals >= 1 ? named(other, otherValues, low, high) : undefined);
    });
    return reasons.every(Boolean) ? reasons.join(', ') : undefined;
  };
}

export interface Accounted {
  token: Token;
  output: Output;
  where: string;
  /** How it is accounted for; undefined when nothing accounts for it. */
  reason?: string;
  snippet: string;
}

/** Every number in `blocks`, and how it is accounted for. For the PDF, each block is a page, in order. */
export function accountFor(blocks: Block[], output: Output, sources: Sources, structure: Structure): Accounted[] {
  const accounted = matcher(sources);
  const words = fixedWords(structure.threshold);
  return blocks.flatMap((block, index) => {
    const { text } = block;
    const structural = output === 'HTML' ? htmlStructure(text, structure) : pdfStructure(text, index + 1, structure);
    const fixed = words.map(({ pattern, origin }) => ({ origin, spans: groupSpans(text, pattern, () => true) }));
    return tokens(text).map((token) => {
      const within = (span: Span) => span.start <= token.start && token.end <= span.end;
      const reason = structural.some(within) ? 'structure' : fixed.find(({ spans }) => spans.some(within))?.origin ?? accounted(token);
      return { token, output, where: block.where, ...(reason ? { reason } : {}), snippet: snippet(text, token) };
    });
  });
}

/** The numbers in `blocks` that nothing accounts for. */
export function unaccounted(blocks: Block[], output: Output, sources: Sources, structure: Structure): Unaccounted[] {
  return accountFor(blocks, output, sources, structure)
    .filter((entry) => entry.reason === undefined)
    .map(({ token, where, snippet: text }) => ({ number: token.raw.replace(/\s+/g, ''), output, where, snippet: text }));
}

function snippet(text: string, token: Token): string {
  const before = text.slice(Math.max(0, token.start - 60), token.start).replace(/\s+/g, ' ').trimStart();
  const after = text.slice(token.end, token.end + 60).replace(/\s+/g, ' ').trimEnd();
  return `${token.start > 60 ? '…' : ''}${before}«${token.raw.replace(/\s+/g, '')}»${after}${token.end + 60 < text.length ? '…' : ''}`;
}

/** The list a failing test prints. */
export function describeUnaccounted(list: Unaccounted[]): string {
  if (list.length === 0) return 'every number is accounted for';
  return [`${list.length} number(s) on the page are neither in the data nor produced by a named derivation:`, ...list.map((u) => `  ${u.output} ${u.where}: ${u.number}   "${u.snippet}"`)].join('\n');
}

/* ------------------------------------------------------------ the outputs' text */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD']);

/**
 * The HTML's visible text as blocks (a paragraph, a list item, a table cell, a heading...), each
 * with where it is: the title, every text node of the body, and each image's alt text. No other
 * attribute, and nothing in <script>, <style> or <template>.
 */
export function htmlBlocks(html: string): Block[] {
  const { document } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
  const blocks: Block[] = [{ text: document.title, where: '<title>' }];
  let text = '';
  let where = '';
  const placeOf = (element: Element): string => {
    const section = element.closest('section[id]')?.id;
    const near = element.closest('[id]')?.id;
    return [section ? `section #${section}` : element.closest('header, nav, footer')?.tagName.toLowerCase() ?? 'body', near && near !== section ? `#${near}` : ''].filter(Boolean).join(' ');
  };
  const flush = () => {
    if (text.trim()) blocks.push({ text: squash(text), where });
    text = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      if (!text.trim()) where = placeOf(node.parentElement!);
      text += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (SKIPPED_TAGS.has(element.tagName)) return;
    if (element.tagName === 'IMG') {
      flush();
      const alt = element.getAttribute('alt');
      if (alt) blocks.push({ text: squash(alt), where: `${placeOf(element)} img alt` });
      return;
    }
    const block = BLOCK_TAGS.has(element.tagName);
    if (block) flush();
    for (const child of element.childNodes) walk(child);
    if (block) flush();
  };
  walk(document.body);
  flush();
  return blocks;
}

/** The section titles by number, from the HTML's numbered headings. */
export function sectionTitles(html: string): Map<number, string> {
  const { document } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
  const titles = new Map<number, string>();
  for (const heading of document.querySelectorAll('main section > h2')) {
    const number = heading.querySelector('.number')?.textContent ?? '';
    titles.set(Number(number.replace(/\.$/, '')), squash((heading.textContent ?? '').slice(number.length)));
  }
  return titles;
}

/** The PDF's text (pdftotext -layout) as one block per page. */
export function pdfBlocks(layoutText: string): Block[] {
  const pages = layoutText.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((text, index) => ({ text, where: `page ${index + 1}` }));
}
