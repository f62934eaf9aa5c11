/**
 * The view model: everything the templates show, computed once from checked data and complete
 * before anything is rendered. Templates only present it; all wording of figures and dates,
 * all Markdown rendering and every decision about which sections appear is made here and in
 * the section views (src/render/sections/<id>.ts, one per section, in the order the model's
 * SECTION_IDS gives; the appendix on how the report meets the guidance is one of them).
 */
import { oneLine } from '../control-characters.js';
import type { ReportData } from '../model/checked-report.js';
import type { ComplianceReport } from '../model/compliance.js';
import type { Partnership } from '../model/partnership.js';
import { SECTION_IDS } from '../model/sections.js';
import { figuresOf, smallNumberPolicy, type Figures } from './figures.js';
import { formatDate } from './format.js';
import { SECTION_VIEWS, type SectionView } from './sections/index.js';
import type { SectionContext } from './sections/section.js';
import type { Theme } from './theme.js';

export type { SectionView };

export interface ReportView {
  lang: 'en-GB';
  title: string;
  subtitle?: string;
  /** The HTML <title> and PDF document title. */
  documentTitle: string;
  /** The running footer text, already escaped for a CSS string. */
  footerCss: string;
  isDraft: boolean;
  year: string;
  periodText: string;
  partnership: {
    name: string;
    shortName?: string;
    area: string;
    website?: string;
    logoHref?: string;
    contact?: Partnership['contact'];
  };
  theme: Theme;
  /** The stylesheet, under a name that changes with its content. */
  stylesheetHref: string;
  /** The page's icon, likewise. */
  iconHref?: string;
  /** For search engines and link previews. */
  description: string;
  /** Where the report is published, when --base-url gives it. */
  canonicalUrl?: string;
  /** The logo as an absolute address, for link previews. */
  imageUrl?: string;
  /** The PDF beside the page, and its size once it has been printed. */
  pdf?: { href: string; size?: string };
  publication: Array<{ label: string; value: string }>;
  sections: SectionView[];
}

export interface ViewOptions {
  theme: Theme;
  stylesheetHref: string;
  iconHref?: string;
  /** The indicators and breakdowns with their charts placed; by default made here, the charts at their unfingerprinted names. */
  figures?: Figures;
  /** Where the output folder is published, e.g. https://www.example.org.uk/reports/ */
  baseUrl?: string;
  /** Where the logo will be in the output, relative to index.html. */
  logoHref?: string;
  /** The PDF beside the page: its file name, and its size when it has been printed. */
  pdf?: { href: string; size?: string };
  /** The compliance outcome, for the appendix. */
  compliance?: ComplianceReport;
  /** Mark every page as a draft, whatever the data's status. */
  draft?: boolean;
}

/**
 * Text for inside a double-quoted CSS string in a <style> element, on one line: control
 * characters (newlines among them, which would end the string) become spaces or go, and
 * quotes, backslashes and angle brackets are written as CSS escapes, so nothing can end the
 * string, the rule or the style element.
 */
export function cssString(text: string): string {
  return oneLine(text).replace(/["'\\<>&]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

export function buildView(report: ReportData, options: ViewOptions): ReportView {
  const { partnership, sections: s, year } = report;
  const title = s.report.title ?? `Annual report ${year}`;
  const context: SectionContext = {
    partnership,
    data: s,
    year,
    figures: options.figures ?? figuresOf(report, options.theme),
    policy: smallNumberPolicy(report),
    ...(options.compliance ? { compliance: options.compliance } : {}),
  };
  // Each section in the model's order; one with nothing to show is left out, and the rest numbered in turn.
  const sections: SectionView[] = [];
  for (const id of SECTION_IDS) {
    const definition = SECTION_VIEWS[id];
    const data = definition.view(context, sections);
    if (data === undefined) continue;
    const heading = typeof definition.title === 'string' ? definition.title : definition.title(context);
    sections.push({ id, number: sections.length + 1, title: heading, partial: id, data } as SectionView);
  }

  const publication = s.report.publication;
  const isDraft = s.report.status === 'draft' || options.draft === true;
  const canonicalUrl = options.baseUrl ? new URL(`${year}/`, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).href : undefined;
  const footer = `${partnership.short_name ?? partnership.name}: ${title}${isDraft ? ' (DRAFT)' : ''}`;
  return {
    lang: 'en-GB',
    title,
    ...(s.report.subtitle ? { subtitle: s.report.subtitle } : {}),
    documentTitle: `${partnership.name}: ${title}`,
    footerCss: cssString(footer),
    isDraft,
    year,
    periodText: `${formatDate(s.report.period.start)} to ${formatDate(s.report.period.end)}`,
    partnership: {
      name: partnership.name,
      ...(partnership.short_name ? { shortName: partnership.short_name } : {}),
      area: partnership.area,
      ...(partnership.website ? { website: partnership.website } : {}),
      ...(options.logoHref ? { logoHref: options.logoHref } : {}),
      ...(partnership.contact ? { contact: partnership.contact } : {}),
    },
    theme: options.theme,
    stylesheetHref: options.stylesheetHref,
    ...(options.iconHref ? { iconHref: options.iconHref } : {}),
    description: `${partnership.name}: the yearly report for ${year} on what the safeguarding partners in ${partnership.area} did, the difference it made for children and families, and how effective their arrangements have been.`,
    ...(canonicalUrl ? { canonicalUrl } : {}),
    ...(canonicalUrl && options.logoHref ? { imageUrl: new URL(options.logoHref, canonicalUrl).href } : {}),
    ...(options.pdf ? { pdf: options.pdf } : {}),
    publication: [
      ['Reporting period', `${formatDate(s.report.period.start)} to ${formatDate(s.report.period.end)}`],
      ['Published', publication?.date && formatDate(publication.date)],
      ['Version', publication?.version],
      ['Prepared by', publication?.author],
      ['Sent to the Child Safeguarding Practice Review Panel', publication?.sent_to_national_panel && formatDate(publication.sent_to_national_panel)],
      ['Sent to the What Works Centre for Children\'s Social Care', publication?.sent_to_what_works_centre && formatDate(publication.sent_to_what_works_centre)],
    ]
      .filter((row): row is [string, string] => Boolean(row[1]))
      .map(([label, value]) => ({ label, value })),
    sections,
  };
}
