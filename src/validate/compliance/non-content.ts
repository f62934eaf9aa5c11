/**
 * Non-content: what a careful reader would not count as the report saying anything. A check
 * reads contentOf(text).content, so a field padded with placeholders, template prompts,
 * unanswered questions, empty bullets or pointers to appendices the report does not have is
 * not credited for its words. Plain regexes, line by line; anything doubtful is kept as prose.
 */
import { rememberedBy } from '../../util/remembered.js';

export interface Removed { kind: 'placeholder' | 'unanswered-question' | 'empty-item' | 'template-residue' | 'missing-reference'; text: string }
type Kind = Removed['kind'];

const words = (text: string) => text.split(/\s+/).filter((word) => /\w/.test(word)).length;

// Whole lines: lorem ipsum paragraphs and notes to the author ("Guidance: ...", "[Note to authors: ...").
const LINE_RULES: Array<[Kind, RegExp]> = [
  ['placeholder', /\blorem ipsum\b/i],
  ['template-residue', /^[[(]?\s*(?:guidance(?: notes?)?|template (?:guidance|notes?)|notes? (?:to|for) (?:the )?(?:authors?|writers?)|author'?s? notes?|prompts?|instructions?)\s*[:–—-]/i],
];
// Prompts inside a line, removed on their own: "[insert ...]", "<add ...>", "(please give details)", Word's content controls.
const TOKENS = [
  /\[\s*(?:(?:insert|add|enter|include|type|name|date|number|details?|tb[cad]|xx)\b[^\]]*|[^\]]{0,40}\b(?:name|date|here))\](?!\()/gi, // not a Markdown link
  /<\s*(?:insert|add|enter|include|type|name|date|number)\b[^>]*>/gi,
  /\(\s*please (?:give|provide|specify|state|describe|insert|add|list|explain|detail|include|complete|enter|confirm)\b[^)]*\)/gi,
  /\b(?:click or tap|click|tap)(?: here)? to enter (?:text|a date)\.?/gi,
  /\bchoose an item\.?/gi,
  /\b(?:enter|type|add|insert)(?: your)? text here\.?/gi,
];
// A sentence holding one of these is waiting for its fact, so the whole sentence goes.
const PLACEHOLDERS = [
  /(?<![A-Z]{2,} )\bTO BE (?:COMPLETED|CONFIRMED|ADDED|AGREED|UPDATED|WRITTEN)\b/, // shouted, but not inside a capitalised heading
  /(?:^|[[(:–—-]\s*)(?:\w+ )?to be (?:completed|confirmed|added|agreed|updated|written)\W*$/i, // on its own: "Impact: to be added"
  /(?<!Council \()\bTB[CAD]\b(?!['’]s\b)/i, // not "Tamworth Borough Council (TBC)" or "TBC's housing team"
  /\bTODO\b/i,
  /(?<![A-Z]{2,} )\bTO DO\b/, // "WHAT WE STILL NEED TO DO" is a heading
  /^to do\W*$/i,
  /(?<!\w)[Xx]{2,}(?!\w)/, // "XX children", "xx%", "£X,XXX": a number not yet written
];
// Instructions to the writer. Action lists are imperatives too ("Ensure...", "Strengthen..."),
// so only verbs about writing, or a verb with an object about writing, count.
const RESIDUE = [
  /^(?:please\s+)?(?:insert|describe|explain|summari[sz]e|enter (?:text|details|here|your)|write (?:a|an|the|here|your|about|up)\b|tell us|answer (?:the|these|this)|complete (?:this|the (?:box|section|table))|consider the following|outline (?:how|what|why|where|which|whether|any|your|the (?:key|main)))\b/i,
  /^(?:please\s+)?(?:provide|include|set out|give|add|list|state|detail)\s+(?:(?:a|an|the|any|some|your)\s+)?(?:(?:brief|short|clear|concise)\s+)?(?:summary|overview|details?|description|examples?|narrative|commentary|account|how|what|why|whether|where|which|the following|here|below)\b/i,
  /^(?:please\s+)?(?:delete|remove|replace|overwrite)\s+(?:this|these|the)\s+(?:\w+\s+)?(?:text|guidance|notes?|prompts?|box|paragraph|placeholder|instructions?)\b/i,
  /\b(?:delete|remove)\b.*\bbefore (?:publishing|publication|submission)\b/i,
  /^(?:you (?:should|may wish|might|could|need|must|can)|this (?:section|box|space|field) (?:should|must|needs|will need|is (?:for|where))|use this (?:section|space|box))\b/i,
];
// A part of the report: "Appendix 3", "appendices A and B", "Figure 2", "Table 1", "page 14", "p. 14", "an appendix to this paper".
const REF = /\b(appendix|appendices|annexe?s?|figures?|fig\.|tables?|charts?|graphs?|pages?|pp?\.)\s*([A-Za-z]|\d{1,3}[a-z]?)\b(?!%|\.\d|\d)(?:\s*(?:and|&|to|-|–|,)\s*(?:[A-Z]|\d+)\b)*|\b(?:as|in|at) (?:an|the) (?:appendix|appendices|annexe?)\b|\bappended\b/gi;
const LINK = /https?:\/\/|www\.|\]\(/;
// What may stand before a reference and goes with it: "(see", "as shown in", ", at".
const BEFORE_REF = /(?:,\s*)?(?:\(\s*)?(?:\b(?:(?:please )?see|refer to|as \w+ (?:in|at|on|by)|shown (?:in|at)|in|at|on|within))?\s*(?:\bthe\s+)?$/i;
const AFTER_REF = /^(?:\s+(?:below|above|overleaf|(?:to|of|in) (?:this|the) (?:report|paper|document)))?(?:\s*\)|,)?/i;
// A sentence that only says where something is: "See page 14 for...", or one ending on the reference
// ("Details ... are included within the report at Appendix A."). Otherwise only the reference goes.
const SEE = /^(?:(?:please )?(?:see|refer to)|for (?:more|further|full) (?:details?|information)(?:,? see)?)\b/i;
const POINTER = /\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?(?:(?:found|included|detailed|set out|provided|attached|shown|listed|given|available|appended|outlined|contained|presented|summari[sz]ed|reported|enclosed|described)\b[^,;]*|(?:at|in|on|within)\s+(?:the\s+)?)?$/i;
const INTERROGATIVE = /^(?:what|how|why|who|whom|whose|when|where|which|is|are|was|were|do|does|did|has|have|had|can|could|should|would|will|shall|to what extent|in what ways?)\b/i;
// A list item's marker: "-", "*", "•", "1.", "a)", "(ii)", or several ("- 1.").
const MARKER = /^\s*(?:(?:[-*•·◦▪–]|\d{1,2}[.)](?=\s|$)|[a-z][.)](?=\s|$)|\((?:\d{1,2}|[a-z]|[ivx]+)\)(?=\s|$))\s*)+/;
const HEADING = /^\s{0,3}(#{1,6})(?:\s+|$)/;

const appendixId = (name: string) => /^(?:appendix|annexe?)?\s*([A-Z]|\d+)\b/i.exec(name.trim())?.[1]?.toUpperCase();

/**
 * The missing references in a sentence, as [start, end] spans. The report lays out its own pages
 * and charts, so a page, figure or table number written in the text never points at them; an
 * appendix is there only when context.appendices names it. A sentence with a link points at a published document.
 */
function missingRefs(sentence: string, appendices: string[]): Array<[number, number]> {
  if (LINK.test(sentence)) return [];
  const have = new Set(appendices.map(appendixId));
  const spans: Array<[number, number]> = [];
  for (const match of sentence.matchAll(REF)) {
    const [all, what, id] = match;
    const after = sentence.slice(match.index + all.length);
    if (id && /^[a-z]$/.test(id)) continue; // "the table a group uses"
    if (/^\s+(?:of|in)\s+(?!(?:this|the|our)\s+(?:report|paper|document))(?:the\s+)?[A-Z]/.test(after)) continue; // another document's
    if (/^(?:append|annex)/i.test(what ?? all.replace(/^\w+ \w+ /, ''))) {
      if (id ? have.has(id.toUpperCase()) : have.size > 0) continue; // the report has it
    }
    spans.push([match.index, match.index + all.length]);
  }
  return spans;
}

/** One sentence cleaned: null when it all goes, else what is left. */
function cleanSentence(sentence: string, appendices: string[], drop: (kind: Kind, text: string) => void): string | null {
  if (PLACEHOLDERS.some((pattern) => pattern.test(sentence))) return drop('placeholder', sentence), null;
  if (RESIDUE.some((pattern) => pattern.test(sentence))) return drop('template-residue', sentence), null;
  let text = sentence;
  for (const [start, end] of missingRefs(sentence, appendices).reverse()) {
    const before = text.slice(0, start);
    const endsSentence = /^\W*$/.test(text.slice(end).replace(AFTER_REF, ''));
    if (SEE.test(sentence) || (endsSentence && !/\([^()]*$/.test(before) && (!before.trim() || POINTER.test(before)))) return drop('missing-reference', sentence), null;
    const from = start - (BEFORE_REF.exec(before)?.[0].length ?? 0);
    const to = end + (AFTER_REF.exec(text.slice(end))?.[0].length ?? 0);
    drop('missing-reference', text.slice(from, to).trim());
    text = text.slice(0, from) + text.slice(to);
  }
  return text;
}

interface Line { marker: string; text: string; heading: number; gone: boolean }
const isQuestion = (text: string) => !/^['"‘“]/.test(text) && INTERROGATIVE.test(text.replace(/^\*+/, '')) && /\?['"’”)*]*$/.test(text.trim());
const isLabel = (line: Line) => !line.heading && /:\**$/.test(line.text) && words(line.text) <= 6;

export function contentOf(text: string, context: { appendices?: string[] } = {}): Readonly<{ content: string; removed: readonly Removed[] }> {
  const appendices = context.appendices ?? [];
  const found = contentFound(text);
  const key = appendices.join('\n');
  let content = found.get(key);
  if (!content) {
    content = findContent(text, { appendices });
    found.set(key, content);
  }
  return content;
}

/** What is left of each text, by the appendices it may point to (remembered.ts). */
const contentFound = rememberedBy((_text: string) => new Map<string, { content: string; removed: Removed[] }>());

function findContent(text: string, context: { appendices?: string[] }): { content: string; removed: Removed[] } {
  const removed: Removed[] = [];
  const drop = (kind: Kind, fragment: string) => void (fragment.trim() && removed.push({ kind, text: fragment.trim() }));
  // 1. Each line on its own: whole-line rules, then prompts, then sentence by sentence.
  const lines: Line[] = text.split(/\r?\n/).map((raw) => {
    const heading = HEADING.exec(raw)?.[1]?.length ?? 0;
    const marker = heading ? HEADING.exec(raw)![0] : MARKER.exec(raw)?.[0] ?? '';
    let body = raw.slice(marker.length).trim();
    const wasEmpty = !/\w/.test(body);
    const rule = LINE_RULES.find(([, pattern]) => pattern.test(body));
    if (rule) drop(rule[0], body), (body = '');
    for (const token of TOKENS) body = body.replace(token, (found) => (drop('placeholder', found), ''));
    const sentences = body.split(/(?<=[.?!]['"’”)\]]*)\s+(?=['"‘“(\[]?[A-Z0-9£])/);
    body = sentences.map((s) => cleanSentence(s, context.appendices ?? [], drop)).filter((s): s is string => s !== null).join(' ');
    body = body.replace(/\(\s*\)/g, '').replace(/\s+([,.;:?!)])/g, '$1').replace(/^[\s,;]+/, '').replace(/\s{2,}/g, ' ').trim();
    const gone = !/\w/.test(body) && raw.trim() !== '';
    // A bullet, number or heading with nothing after it; one emptied above is already recorded.
    if (gone && wasEmpty && (marker.trim() || heading)) drop('empty-item', raw);
    return { marker, text: body, heading, gone };
  });
  // 2. Questions with no answer before the next question, heading or the end. A run of
  // questions that a sentence introduces ("asking them the following:") is what was asked.
  const units: Array<{ line: Line; text: string; index: number }> = [];
  for (const line of lines.filter((l) => !l.gone && /\w/.test(l.text))) {
    if (line.heading) units.push({ line, text: line.text, index: -1 });
    else line.text.split(/(?<=\?['"’”)]*)\s+(?=\S)|(?<=[.!]['"’”)]*)\s+(?=['"‘“(]?[A-Z0-9])/).forEach((text, index) => units.push({ line, text, index }));
  }
  const asked = new Set<number>();
  for (let i = 0; i < units.length; i++) {
    const before = units[i - 1];
    if (isQuestion(units[i]!.text) && before && !isQuestion(before.text) && /:$/.test(before.text) && words(before.text) >= 4 && /\b(?:ask\w*|question\w*|survey\w*|consult\w*|posed|the following)\b/i.test(before.text)) {
      for (let j = i; j < units.length && isQuestion(units[j]!.text); j++) asked.add(j);
    }
  }
  const unanswered = new Set<number>();
  units.forEach((unit, i) => {
    const next = units[i + 1];
    if (unit.index >= 0 && isQuestion(unit.text) && !asked.has(i) && (!next || next.index < 0 || isQuestion(next.text))) unanswered.add(i);
  });
  for (const line of lines) {
    const own = units.map((unit, i) => [unit, i] as const).filter(([unit]) => unit.line === line && unit.index >= 0);
    if (!own.some(([, i]) => unanswered.has(i))) continue;
    for (const [unit, i] of own) if (unanswered.has(i)) drop('unanswered-question', unit.text);
    line.text = own.filter(([, i]) => !unanswered.has(i)).map(([unit]) => unit.text).join(' ');
    line.gone = !/\w/.test(line.text);
  }
  // 3. Labels ("Impact:") and headings with nothing under them: no content before the next
  // label or heading (for a heading, the next of its level or higher), or the end.
  const isContent = (line: Line) => !line.gone && !line.heading && !isLabel(line) && /\w/.test(line.text);
  lines.forEach((line, i) => {
    if (line.gone || !(line.heading || isLabel(line))) return;
    let has = false;
    for (const next of lines.slice(i + 1)) {
      if (isContent(next)) { has = true; break; }
      if (next.gone || !/\w/.test(next.text)) continue;
      if (line.heading ? next.heading && next.heading <= line.heading : next.heading || isLabel(next)) break;
    }
    if (has) return;
    drop(line.heading && /\?\W*$/.test(line.text) ? 'unanswered-question' : 'empty-item', line.marker + line.text);
    line.gone = true;
  });
  const content = lines.map((line) => (line.gone ? null : line.marker + line.text)).filter((l): l is string => l !== null)
    .join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { content, removed };
}

/** The number of words a reader would count as content. */
export function contentWords(text: string, context?: { appendices?: string[] }): number {
  return words(contentOf(text, context).content);
}

/** What is left to count as content, or undefined when that is fewer than three words of real text. */
export function writtenContent(text: string, context?: { appendices?: string[] }): string | undefined {
  const { content } = contentOf(text, context);
  return words(content) < 3 ? undefined : content;
}

/** Nothing left that a reader would count as content: fewer than three words of real text. */
export function isOnlyNonContent(text: string, context?: { appendices?: string[] }): boolean {
  return writtenContent(text, context) === undefined;
}
