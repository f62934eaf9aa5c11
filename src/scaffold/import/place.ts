/**
 * Where each block of an imported document goes. Headings are read in order: one whose words
 * say what it is about (sections.ts) starts that section, and what follows it, with its own
 * sub-headings, goes into the section's field; a priority's heading becomes a priority, and
 * its "what we did" and "what difference it made" parts go where they belong. A table of
 * figures by year becomes indicators wherever it is. Everything else, in document order, is
 * left for the user to place: a heading no rule knows, text the document does not separate
 * enough to say where it belongs, a table that is not figures. Nothing is dropped and nothing
 * is added: every value written is the document's own text.
 */
import type { YearFileName } from '../../model/report-year.js';
import { escapeText, type Block } from './read-word.js';
import { figuresOf, slug, uniqueId, type ImportedIndicator, type Names } from './figure-table.js';
import { isPoints, priorityPartOf, scrutinyPartOf, sectionOf, SECTIONS, type PriorityPart, type SectionKey, type ScrutinyPart } from './sections.js';

/** A part of the document left for the user to place: its heading and its text, as Markdown. */
export interface UnplacedPart {
  heading: string;
  blocks: string[];
}

/** What went where, for the summary the importer prints. */
export interface Tally {
  /** By section name ("foreword", "priorities", "indicators"...): the file and what it received. */
  sections: Map<string, { file: string; paragraphs: number; lists: number; tables: number; items: number; itemWord: string }>;
  /** Tables kept as text, and why they were not read as figures. */
  tablesAsText: Array<{ heading: string; reason: string }>;
  /** Each heading that started a section, and the section. */
  headings: Array<{ heading: string; section: string }>;
}

export interface Placed {
  /** The year files' data, only what the document gave. */
  files: Partial<Record<YearFileName, Record<string, unknown>>>;
  unplaced: UnplacedPart[];
  tally: Tally;
}

type Target =
  | { kind: 'section'; key: SectionKey; level: number }
  | { kind: 'unplaced'; level: number };

interface ListEntry { title: string; why?: string; activity?: string[]; impact?: Array<{ evidence: string }>; actions?: string[] }

const BEFORE_FIRST_HEADING = 'Before the first heading';

export function placeBlocks(blocks: Block[], options: { year: string; names: Names; only?: SectionKey }): Placed {
  const files: Placed['files'] = {};
  const unplaced: UnplacedPart[] = [];
  const tally: Tally = { sections: new Map(), tablesAsText: [], headings: [] };
  const indicatorIds = new Set<string>();
  const fileOf = (name: YearFileName) => (files[name] ??= {});

  const count = (section: string, file: YearFileName, what: 'paragraphs' | 'lists' | 'tables' | 'items', itemWord = 'items', n = 1) => {
    const entry = tally.sections.get(section) ?? { file: `${file}.yaml`, paragraphs: 0, lists: 0, tables: 0, items: 0, itemWord };
    entry[what] += n;
    if (what === 'items') entry.itemWord = itemWord;
    tally.sections.set(section, entry);
  };

  // Where the text goes now.
  let target: Target = options.only ? { kind: 'section', key: options.only, level: 0 } : { kind: 'unplaced', level: 0 };
  let lastHeading = options.only ? SECTIONS[options.only].name : BEFORE_FIRST_HEADING;
  let lastLevel = 0;
  // Within priorities or next year's: the list of them, the heading level (or label) they use, the part being read.
  let entry: ListEntry | undefined;
  let entryLevel: number | 'label' | undefined;
  let part: PriorityPart | ScrutinyPart | undefined;
  let inspection: { name: string; findings: string } | undefined;
  let sawEntries = false;

  const leaveUnplaced = (heading: string) => {
    unplaced.push({ heading, blocks: [] });
  };
  const unplacedText = (markdown: string, heading = lastHeading) => {
    const last = unplaced.at(-1);
    if (!last || last.heading !== heading) unplaced.push({ heading, blocks: [markdown] });
    else last.blocks.push(markdown);
  };
  if (!options.only) leaveUnplaced(BEFORE_FIRST_HEADING);

  const seen = new Set<SectionKey>();
  const startSection = (key: SectionKey, level: number, heading: string) => {
    target = { kind: 'section', key, level };
    tally.headings.push({ heading, section: SECTIONS[key].name });
    entry = undefined;
    entryLevel = undefined;
    // The heading may itself name the part it starts ("Areas where scrutiny has identified learning").
    part = key === 'scrutiny' ? scrutinyPartOf(heading) : key === 'training' ? trainingPartOf(heading) : undefined;
    inspection = undefined;
    sawEntries = false;
    if (key === 'inspections') {
      inspection = { name: heading, findings: '' };
      const report = fileOf('report');
      ((report.inspections ??= []) as Array<typeof inspection>).push(inspection);
      count('inspections', 'report', 'items', 'inspections');
    } else if (seen.has(key) && !isPoints(key) && key !== 'glossary' && key !== 'scrutiny') {
      // A section met again further on keeps its heading, so its text is not run into the text before it.
      textInto(`#### ${escapeText(heading)}`, 'none');
    }
    seen.add(key);
  };

  const startEntry = (key: 'priorities' | 'next-year', title: string, level: number | 'label') => {
    const file = fileOf(key);
    const list = (file.priorities ??= []) as Array<ListEntry & { id?: string }>;
    entryLevel = level;
    part = undefined;
    sawEntries = true;
    // A priority the document listed first by name, then wrote about under its own heading, is one priority.
    const same = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const named = list.find((item) => same(item.title) === same(title) && Object.keys(item).every((field) => field === 'id' || field === 'title'));
    if (named) {
      entry = named;
      return;
    }
    entry = key === 'priorities' ? { id: uniqueId(slug(title), new Set(list.flatMap((item) => (item.id ? [item.id] : [])))), title } as ListEntry : { title };
    list.push(entry);
    count(SECTIONS[key].name, key, 'items', 'priorities');
  };

  for (const block of blocks) {
    if (block.kind === 'title') {
      // A whole report's title is not part of any section; a contribution's heads it.
      if (options.only) textInto(`#### ${escapeText(block.text)}`, 'none');
      else unplacedText(escapeText(block.text));
      continue;
    }
    if (block.kind === 'heading' || block.kind === 'label') {
      const level = block.kind === 'heading' ? block.level : lastLevel + 1;
      const text = block.text;
      const current: Target = target;
      // Inside priorities: sub-headings are priorities, and their parts.
      if (current.kind === 'section' && (current.key === 'priorities' || current.key === 'next-year') && (level > current.level || block.kind === 'label')) {
        const isPart = entry !== undefined && (entryLevel === 'label' || block.kind === 'label' || level > (entryLevel as number)) ? (current.key === 'priorities' ? priorityPartOf(text) : nextYearPartOf(text)) : undefined;
        if (isPart) {
          part = isPart;
        } else if (entry === undefined || entryLevel === (block.kind === 'label' ? 'label' : level) || (typeof entryLevel === 'number' && block.kind === 'heading' && level < entryLevel)) {
          startEntry(current.key, text, block.kind === 'label' ? 'label' : level);
        } else {
          // A heading inside a priority that is not one of its parts: kept with the text it heads.
          textInto(`**${escapeText(text)}**`, 'paragraphs');
        }
        if (block.kind === 'heading') lastLevel = level;
        lastHeading = text;
        continue;
      }
      const key = options.only ? undefined : sectionOf(text, options.year);
      // A heading below a section's own about the same thing ("Areas where scrutiny found learning" under "Independent scrutiny") is part of it.
      const within = current.kind === 'section' && current.key === key && (level > current.level || block.kind === 'label');
      if (key && !within) {
        startSection(key, block.kind === 'heading' ? level : lastLevel + 1, text);
      } else if (current.kind === 'section' && (level > current.level || block.kind === 'label')) {
        if (current.key === 'scrutiny') {
          part = scrutinyPartOf(text);
          if (!part) leaveUnplaced(text);
        } else if (current.key === 'training') {
          // The difference training made is its impact on practice; any other sub-heading is the training offer.
          part = trainingPartOf(text);
          textInto(`#### ${escapeText(text)}`, 'none');
        } else if (current.key === 'glossary') {
          // A glossary's own dividers ("A", "B"...) are not terms: left to place, like any text that is not one.
          leaveUnplaced(text);
        } else if (isPoints(current.key)) {
          textInto(`**${escapeText(text)}**`, 'none');
        } else {
          // A sub-heading in a section's text: kept, as a heading inside it.
          textInto(`#### ${escapeText(text)}`, 'none');
        }
      } else {
        target = { kind: 'unplaced', level };
        leaveUnplaced(text);
      }
      if (block.kind === 'heading') lastLevel = level;
      lastHeading = text;
      continue;
    }

    // A table of figures by year is indicators, wherever it stands (not in a glossary or the funding).
    if (block.kind === 'table' && !(target.kind === 'section' && (target.key === 'glossary' || target.key === 'funding'))) {
      const read = figuresOf(block.rows, lastHeading === BEFORE_FIRST_HEADING ? 'Figures' : lastHeading, options.names, indicatorIds);
      if ('indicators' in read) {
        for (const indicator of read.indicators) indicatorIds.add(indicator.id);
        ((fileOf('indicators').indicators ??= []) as ImportedIndicator[]).push(...read.indicators);
        count('indicators', 'indicators', 'items', 'indicators', read.indicators.length);
        count('indicators', 'indicators', 'tables');
        continue;
      }
      tally.tablesAsText.push({ heading: lastHeading, reason: read.reason });
    }
    textInto(block.markdown, block.kind === 'paragraph' ? 'paragraphs' : block.kind === 'list' ? 'lists' : 'tables', block);
  }

  /** Puts one block's Markdown where the text goes now. */
  function textInto(markdown: string, what: 'paragraphs' | 'lists' | 'tables' | 'none', block?: Block): void {
    const current: Target = target;
    if (current.kind === 'unplaced') return unplacedText(markdown);
    const key = current.key;
    const section = SECTIONS[key];
    const counted = (file: YearFileName) => {
      if (what !== 'none') count(section.name, file, what);
    };
    if (key === 'priorities' || key === 'next-year') {
      const file = fileOf(key);
      if (!entry) {
        // A short list straight under the heading, before any priority: the priorities' names.
        if (block?.kind === 'list' && !sawEntries && block.items.every((item) => !item.includes('\n') && item.length <= 120)) {
          for (const item of block.items) {
            startEntry(key, item.replace(/[,;:]+$/, '').trim(), 'label');
            entry = undefined;
          }
          entryLevel = undefined;
          return;
        }
        append(file, ['introduction'], markdown);
        return counted(key);
      }
      const at = part === 'impact' && key === 'priorities' ? 'impact' : part === 'activity' ? (key === 'priorities' ? 'activity' : 'actions') : part === 'why' ? 'why' : undefined;
      if (!at) return unplacedText(markdown, `${section.name === 'priorities' ? 'Priority' : 'Next year\'s priority'}: ${entry.title}`);
      if (at === 'why') entry.why = joined(entry.why, markdown);
      else for (const point of pointsOf(markdown, block)) {
        if (at === 'impact') (entry.impact ??= []).push({ evidence: point });
        else (entry[at] ??= []).push(point);
      }
      return counted(key);
    }
    if (key === 'inspections' && inspection) {
      inspection.findings = joined(inspection.findings || undefined, markdown);
      return counted('report');
    }
    if (key === 'scrutiny') {
      if (!part) return unplacedText(markdown);
      const file = fileOf('scrutiny');
      if (part === 'arrangements' || part === 'statement') append(file, [part], markdown);
      else for (const point of pointsOf(markdown, block)) ((file[part] ??= []) as string[]).push(point);
      return counted('scrutiny');
    }
    if (key === 'training' && part === 'impact') {
      append(fileOf('training'), ['evaluation', 'impact_on_practice'], markdown);
      return counted('training');
    }
    if (key === 'glossary') {
      const terms = block ? termsOf(block) : undefined;
      if (!terms) return unplacedText(markdown);
      ((fileOf('glossary').terms ??= []) as Array<{ term: string; meaning: string }>).push(...terms);
      count(section.name, 'glossary', 'items', 'terms', terms.length);
      return;
    }
    if (key === 'funding' && block?.kind === 'table') {
      const money = contributionsOf(block.rows);
      if (money) {
        const file = fileOf('funding');
        if (money.contributions.length > 0) ((file.contributions ??= []) as unknown[]).push(...money.contributions);
        if (money.total !== undefined && file.total === undefined) file.total = money.total;
        count(section.name, 'funding', 'items', 'contributions', money.contributions.length);
        return;
      }
      tally.tablesAsText.push({ heading: lastHeading, reason: 'its rows are not a partner and an amount in pounds' });
    }
    const file = fileOf(section.file);
    if (isPoints(key)) {
      const field = section.field[0] as string;
      for (const point of pointsOf(markdown, block)) ((file[field] ??= []) as string[]).push(point);
    } else {
      append(file, [...section.field], markdown);
    }
    counted(section.file);
  }

  return { files, unplaced: unplaced.filter((part) => part.blocks.length > 0 || part.heading !== BEFORE_FIRST_HEADING), tally };
}

/** A training heading about the difference it made ("What difference did training make on practice?"). */
function trainingPartOf(heading: string): 'impact' | undefined {
  return /\b(difference|impact|outcomes?|changed? (in|to) practice)\b/i.test(heading) ? 'impact' : undefined;
}

function nextYearPartOf(heading: string): PriorityPart | undefined {
  if (/\b(why|rationale|background)\b/i.test(heading)) return 'why';
  if (/\b(actions?|what we will do|how we will|activities|plans?|deliver)\b/i.test(heading)) return 'activity';
  return undefined;
}

/** Text added to a Markdown field, after what is there. */
function append(data: Record<string, unknown>, path: string[], markdown: string): void {
  let node = data;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  const last = path.at(-1)!;
  node[last] = joined(node[last] as string | undefined, markdown);
}

const joined = (before: string | undefined, markdown: string) => (before ? `${before}\n\n${markdown}` : markdown);

/** A block as points: a list's items each, or the block's text as one. */
function pointsOf(markdown: string, block: Block | undefined): string[] {
  return block?.kind === 'list' ? block.items : [markdown];
}


/**
 * A glossary's terms: a table of two columns (term, meaning), or lines like "MASH – Multi-agency
 * safeguarding hub" or "MASH: Multi-agency safeguarding hub". Anything else is not terms.
 */
function termsOf(block: Block): Array<{ term: string; meaning: string }> | undefined {
  if (block.kind === 'table') {
    const rows = block.rows.filter((row) => row.some(Boolean));
    if (!rows.every((row) => row.length === 2 && row[0] && row[1])) return undefined;
    const [first] = rows;
    const header = first && /^(term|abbreviation|acronym)s?$/i.test(first[0]!) && /^(meaning|definition|description|explanation)s?$/i.test(first[1]!);
    return (header ? rows.slice(1) : rows).map(([term, meaning]) => ({ term: term!, meaning: meaning! }));
  }
  const lines = block.kind === 'list' ? block.items : block.kind === 'paragraph' ? [block.text] : [];
  const terms = lines.map((line) => /^([^–—:\n]{1,60}?)\s*(?:\s[–—-]\s|:\s)\s*(.+)$/.exec(line.replace(/\*\*/g, '')));
  if (lines.length === 0 || terms.some((match) => !match)) return undefined;
  return terms.map((match) => ({ term: match![1]!.trim(), meaning: match![2]!.trim() }));
}

/** A funding table: partner and amount in pounds on each row, perhaps a total row. */
function contributionsOf(rows: string[][]): { contributions: Array<{ partner: string; amount: number }>; total?: number } | undefined {
  const money = (cell: string) => (/^£?\s*\d{1,3}(,\d{3})*(\.\d{1,2})?$|^£?\s*\d+(\.\d{1,2})?$/.test(cell.trim()) ? Number(cell.replace(/[£,\s]/g, '')) : undefined);
  const body = rows.filter((row) => row.length === 2);
  if (body.length !== rows.length) return undefined;
  const [first, ...rest] = body;
  const data = first && money(first[1]!) === undefined ? rest : body;
  const contributions: Array<{ partner: string; amount: number }> = [];
  let total: number | undefined;
  for (const [partner, cell] of data) {
    const amount = money(cell!);
    if (amount === undefined || !partner) return undefined;
    if (/^total\b/i.test(partner)) total = amount;
    else contributions.push({ partner, amount });
  }
  return contributions.length > 0 ? { contributions, ...(total !== undefined ? { total } : {}) } : undefined;
}
