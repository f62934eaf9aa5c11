/**
 * What every section view is: a small unit that turns checked data into what its partial
 * (templates/partials/<id>.hbs) shows, with every word about figures and dates decided and
 * every Markdown field already rendered. A view returns undefined when the report has nothing
 * for its section, and the section is left out (and the others numbered without it).
 */
import type { ComplianceReport } from '../../model/compliance.js';
import type { Partnership } from '../../model/partnership.js';
import type { ReportYear } from '../../model/report-year.js';
import type { SectionId } from '../../model/sections.js';
import type { Figures } from '../figures.js';
import { formatCount, SUPPRESSED } from '../format.js';
import { renderInlineMarkdown, renderMarkdown, type SafeHtml } from '../markdown.js';
import { fewerThan, protectCount, type SmallNumberPolicy } from '../small-numbers.js';

export interface SectionContext {
  partnership: Partnership;
  /** This year's data files. */
  data: ReportYear;
  year: string;
  /** Every indicator and breakdown as presented, charts placed. */
  figures: Figures;
  policy: SmallNumberPolicy;
  /** The statutory checks' outcome, when the report has its appendix. */
  compliance?: ComplianceReport;
}

/** A section already placed in the report, as later sections (the appendix) refer to it. */
export interface PlacedSection {
  id: SectionId;
  number: number;
  title: string;
}

export interface SectionDefinition<View> {
  /** The heading, after its number. */
  title: string | ((context: SectionContext) => string);
  /** What the partial shows, or undefined to leave the section out. `earlier` are the sections before it. */
  view(context: SectionContext, earlier: PlacedSection[]): View | undefined;
}

export const md = (text: string | undefined): SafeHtml | undefined => (text === undefined ? undefined : renderMarkdown(text));
/** A list of Markdown points; none, and an empty list, show nothing. */
export const mdList = (items: string[] | undefined): SafeHtml[] | undefined => (items && items.length > 0 ? items.map(renderInlineMarkdown) : undefined);

/** A view with nothing in it (every field undefined) is no view: the section is left out. */
export function unlessEmpty<View extends object>(view: View): View | undefined {
  return Object.values(view).some((value) => value !== undefined) ? view : undefined;
}

export interface FigureTile {
  label: string;
  value: string;
}

/** Figures shown as tiles; with a policy, small counts about children are said as "fewer than 6". */
export function figureList(rows: Array<[string, number | undefined]>, policy?: SmallNumberPolicy): FigureTile[] | undefined {
  const present = rows.filter((row): row is [string, number] => row[1] !== undefined);
  const say = (value: number) => (policy && protectCount(value, policy) === SUPPRESSED ? fewerThan(policy) : formatCount(value));
  return present.length ? present.map(([label, value]) => ({ label, value: say(value) })) : undefined;
}

export const STATUS_WORDS = { 'not-started': 'Not started', 'in-progress': 'In progress', complete: 'Complete', completed: 'Completed', published: 'Published' } as const;
