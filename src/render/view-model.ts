/**
 * The view model: everything the templates show, computed once from checked data.
 * Templates only present it; all wording of figures and dates, all Markdown rendering and
 * every decision about which sections appear is made here.
 */
import { oneLine } from '../control-characters.js';
import { comparatorNames, type Partnership } from '../model/partnership.js';
import type { ReportYear } from '../model/report-year.js';
import type { ComplianceReport, RequirementStatus } from '../model/compliance.js';
import type { ReportData } from '../model/checked-report.js';
import type { ChartSpec } from './chart-spec.js';
import { formatCount, formatDate, formatEventDate, formatMoney, formatPercent, SUPPRESSED } from './format.js';
import { DEFAULT_THRESHOLD, fewerThan, protectCount, type SmallNumberPolicy } from './small-numbers.js';
import { breakdownView, indicatorView, type BreakdownView, type IndicatorView, type TableView } from './indicator-view.js';
import { renderInlineMarkdown, renderMarkdown, type SafeHtml } from './markdown.js';
import type { Theme } from './theme.js';

export interface SectionView {
  id: string;
  number: number;
  title: string;
  /** The partial in templates/partials that presents this section. */
  partial: string;
  data: unknown;
}

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
  /** For search engines and link previews. */
  description: string;
  /** Where the report is published, when --base-url gives it. */
  canonicalUrl?: string;
  /** The logo as an absolute address, for link previews. */
  imageUrl?: string;
  /** The PDF beside the page; its size is filled in once it has been printed. */
  pdf?: { href: string; size?: string };
  publication: Array<{ label: string; value: string }>;
  sections: SectionView[];
  charts: ChartSpec[];
}

export interface ViewOptions {
  theme: Theme;
  stylesheetHref: string;
  /** Where the output folder is published, e.g. https://www.example.org.uk/reports/ */
  baseUrl?: string;
  /** Where the logo will be in the output, relative to index.html. */
  logoHref?: string;
  /** The PDF's file name, when a PDF is built beside the HTML. */
  pdfFileName?: string;
  /** The compliance outcome, for the appendix. */
  compliance?: ComplianceReport;
  /** Mark every page as a draft, whatever the data's status. */
  draft?: boolean;
}

const md = (text: string | undefined): SafeHtml | undefined => (text === undefined ? undefined : renderMarkdown(text));
const mdList = (items: string[] | undefined): SafeHtml[] | undefined => items?.map(renderInlineMarkdown);

const PROGRESS_WORDS = { good: 'Good progress', some: 'Some progress', little: 'Little progress', none: 'No progress' } as const;
const PARTNER_TYPE_WORDS = {
  'local-authority': 'Local authority',
  'integrated-care-board': 'Integrated care board',
  police: 'Police',
  other: 'Safeguarding partner',
} as const;
const REVIEW_KIND_WORDS = {
  'rapid-review': 'Rapid review',
  lcspr: 'Local child safeguarding practice review',
  national: 'National review',
  other: 'Other review',
} as const;
const STATUS_WORDS = { 'not-started': 'Not started', 'in-progress': 'In progress', complete: 'Complete', completed: 'Completed', published: 'Published' } as const;
const AUDIT_KIND_WORDS = {
  'multi-agency': 'Multi-agency audit',
  'single-agency': 'Single-agency audit',
  'section-11': 'Section 11 audit',
  'section-175': 'Section 175 audit',
  thematic: 'Thematic audit',
  other: 'Audit',
} as const;
const CONTINUUM_WORDS = {
  'early-help': 'Early help',
  'children-in-need': 'Children in need',
  'child-protection': 'Child protection',
  'looked-after-children': 'Children in care',
  'care-leavers': 'Care leavers',
} as const;

/**
 * Text for inside a double-quoted CSS string in a <style> element, on one line: control
 * characters (newlines among them, which would end the string) become spaces or go, and
 * quotes, backslashes and angle brackets are written as CSS escapes, so nothing can end the
 * string, the rule or the style element.
 */
export function cssString(text: string): string {
  return oneLine(text).replace(/["'\\<>&]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

export function buildView(data: ReportData, options: ViewOptions): ReportView {
  const { partnership, sections: s, year } = data;
  const { theme } = options;
  const title = s.report.title ?? `Annual report ${year}`;
  const documentTitle = `${partnership.name}: ${title}`;
  const charts: ChartSpec[] = [];
  const names = comparatorNames(partnership);
  const policy: SmallNumberPolicy = { threshold: partnership.small_numbers?.threshold ?? DEFAULT_THRESHOLD };
  const indicatorContext = { area: partnership.area, year, names, theme, policy };
  const indicatorsById = new Map<string, IndicatorView>();
  for (const indicator of s.indicators?.indicators ?? []) {
    indicatorsById.set(indicator.id, indicatorView(indicator, indicatorContext, renderMarkdown));
  }

  const sections: Array<Omit<SectionView, 'number'> | undefined> = [
    section('foreword', 'Foreword', {
      html: md(s.report.foreword.text),
      author: s.report.foreword.author,
    }),
    atAGlance(s, indicatorsById),
    section('about', 'About the partnership', aboutView(partnership, s)),
    section('what-we-did', 'What the partners did this year', {
      intro: `What the safeguarding partners in ${partnership.area} have done as a result of the arrangements during ${year}.`,
      items: mdList(s.report.arrangements.what_the_partners_did),
      inspections: s.report.inspections?.map((inspection) => ({
        name: inspection.name,
        date: formatEventDate(inspection.date),
        html: md(inspection.findings),
        link: inspection.link,
      })),
    }),
    section('priorities', 'Our priorities and the difference they made', {
      introHtml: md(s.priorities.introduction),
      priorities: s.priorities.priorities.map((priority) => ({
        id: priority.id,
        title: priority.title,
        whyHtml: md(priority.why),
        activity: mdList(priority.activity),
        impact: priority.impact?.map((evidence) => ({
          html: renderInlineMarkdown(evidence.evidence),
          indicator: evidence.indicator ? indicatorsById.get(evidence.indicator) : undefined,
        })),
        progress: priority.progress,
        progressWords: PROGRESS_WORDS[priority.progress],
        analysisHtml: md(priority.progress_analysis),
        continuum: priority.continuum?.map((stage) => CONTINUUM_WORDS[stage]).join(', '),
      })),
    }),
    s.indicators && performanceView(s, indicatorsById, theme, policy, charts),
    s.reviews &&
      section('reviews', 'Learning from reviews', {
        summaryHtml: md(s.reviews.summary),
        figures: figureList([
          ['Serious incident notifications to the National Panel', s.reviews.notifications],
          ['Rapid reviews held', s.reviews.rapid_reviews],
          ['Local practice reviews started', s.reviews.practice_reviews_started],
        ]),
        reviews: s.reviews.reviews?.map((review) => ({
          id: review.id,
          title: review.title,
          kind: REVIEW_KIND_WORDS[review.kind],
          date: review.date ? formatEventDate(review.date) : undefined,
          status: review.status ? STATUS_WORDS[review.status] : undefined,
          summaryHtml: md(review.summary),
          decisionHtml: md(review.decision),
          learning: mdList(review.learning),
          recommendations: review.recommendations?.map((rec) => ({
            recommendation: renderInlineMarkdown(rec.recommendation),
            action: renderInlineMarkdown(rec.action),
            owner: rec.owner,
            status: STATUS_WORDS[rec.status],
            statusClass: rec.status,
            due: rec.due ? formatDate(rec.due) : undefined,
            improvement: rec.improvement ? renderInlineMarkdown(rec.improvement) : undefined,
          })),
          link: review.link,
        })),
      }),
    s.audits &&
      section('audits', 'Checking the quality of practice', {
        summaryHtml: md(s.audits.summary),
        audits: s.audits.audits.map((audit) => ({
          title: audit.title,
          kind: AUDIT_KIND_WORDS[audit.kind],
          date: audit.date ? formatEventDate(audit.date) : undefined,
          scopeHtml: md(audit.scope),
          findings: mdList(audit.findings),
          actions: mdList(audit.actions),
          impactHtml: md(audit.impact),
        })),
      }),
    s.training && trainingView(s.training),
    s.voice &&
      section('voice', 'Listening to children and families', {
        summaryHtml: md(s.voice.summary),
        feedback: s.voice.feedback.map((item) => ({
          title: item.title,
          who: item.who,
          date: item.date ? formatEventDate(item.date) : undefined,
          heardHtml: md(item.heard),
          changedHtml: md(item.changed),
        })),
      }),
    s.subgroups &&
      section('subgroups', 'The work of our subgroups', {
        subgroups: s.subgroups.subgroups.map((group) => ({
          name: group.name,
          chair: group.chair,
          purposeHtml: md(group.purpose),
          did: mdList(group.did),
          difference: mdList(group.difference),
          strengths: mdList(group.strengths),
          challenges: mdList(group.challenges),
          next: mdList(group.next),
        })),
      }),
    s['child-deaths'] &&
      section('child-deaths', 'Child deaths', {
        panel: s['child-deaths'].panel,
        summaryHtml: md(s['child-deaths'].summary),
        figures: figureList(
          [
            ['Child deaths notified in the area', s['child-deaths'].notifications],
            ['Child deaths notified across the panel\'s area', s['child-deaths'].panel_area_notifications],
            ['Deaths that needed a joint agency response', s['child-deaths'].joint_agency_responses],
            ['Reviews completed by the panel', s['child-deaths'].reviews_completed],
          ],
          policy,
        ),
        themes: mdList(s['child-deaths'].themes),
      }),
    s.lado &&
      section('lado', 'Allegations against people who work with children', {
        summaryHtml: md(s.lado.summary),
        figures: figureList([
          [`Referrals to the LADO in ${year}`, s.lado.referrals],
          ['Referrals the year before', s.lado.referrals_last_year],
        ]),
        bySector: s.lado.by_sector && {
          caption: 'Referrals to the LADO by the sector the person works in',
          columns: ['Referrals'],
          rows: s.lado.by_sector.map((row) => ({ header: row.sector, cells: [formatCount(row.referrals)] })),
        },
        themes: mdList(s.lado.themes),
      }),
    s.scrutiny && scrutinyView(partnership, s.scrutiny),
    section('effectiveness', 'How effective are our arrangements?', {
      assessmentHtml: md(s.report.effectiveness.assessment),
      strengths: mdList(s.report.effectiveness.strengths),
      littleProgressHtml: md(s.report.effectiveness.little_or_no_progress),
      challenges: mdList(s.report.effectiveness.challenges),
    }),
    s.funding && fundingView(s.funding),
    s['next-year'] &&
      section('next-year', 'Our priorities for next year', {
        introHtml: md(s['next-year'].introduction),
        priorities: s['next-year'].priorities.map((priority) => ({
          title: priority.title,
          whyHtml: md(priority.why),
          actions: mdList(priority.actions),
        })),
      }),
    s.glossary &&
      section('glossary', 'Glossary', {
        terms: [...s.glossary.terms].sort((a, b) => a.term.localeCompare(b.term, 'en-GB')),
      }),
  ];

  for (const indicator of indicatorsById.values()) charts.push(...indicator.charts);

  const numbered: SectionView[] = sections
    .filter((entry): entry is Omit<SectionView, 'number'> => entry !== undefined)
    .map((entry, index) => ({ ...entry, number: index + 1 }));
  if (options.compliance) numbered.push({ ...complianceAppendix(options.compliance, numbered), number: numbered.length + 1 });

  const publication = s.report.publication;
  const isDraft = s.report.status === 'draft' || options.draft === true;
  const canonicalUrl = options.baseUrl ? new URL(`${year}/`, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).href : undefined;
  const footer = `${partnership.short_name ?? partnership.name}: ${title}${isDraft ? ' (DRAFT)' : ''}`;
  return {
    lang: 'en-GB',
    title,
    ...(s.report.subtitle ? { subtitle: s.report.subtitle } : {}),
    documentTitle,
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
    theme,
    stylesheetHref: options.stylesheetHref,
    description: `${partnership.name}: the yearly report for ${year} on what the safeguarding partners in ${partnership.area} did, the difference it made for children and families, and how effective their arrangements have been.`,
    ...(canonicalUrl ? { canonicalUrl } : {}),
    ...(canonicalUrl && options.logoHref ? { imageUrl: new URL(options.logoHref, canonicalUrl).href } : {}),
    ...(options.pdfFileName ? { pdf: { href: options.pdfFileName } } : {}),
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
    sections: numbered,
    charts,
  };
}

const REQUIREMENT_STATUS_WORDS: Record<RequirementStatus, string> = {
  met: 'Met',
  'not-met': 'Not met',
  reminder: 'At publication',
  'not-checked': 'Confirmed by the partners',
};

/** The appendix: each requirement of the guidance, and the sections of this report that meet it. */
function complianceAppendix(compliance: ComplianceReport, sections: SectionView[]): Omit<SectionView, 'number'> {
  const titles = new Map(sections.map((entry) => [entry.id, `${entry.number}. ${entry.title}`]));
  titles.set('about-this-report', 'About this report');
  return section('compliance', `How this report meets ${compliance.catalogue.shortTitle}`, {
    catalogue: compliance.catalogue.title,
    requirements: compliance.outcomes.map((outcome) => ({
      reference: outcome.requirement.reference,
      level: outcome.requirement.level === 'must' ? 'Must' : 'Should',
      text: outcome.requirement.requirement,
      status: REQUIREMENT_STATUS_WORDS[outcome.status],
      statusClass: outcome.status,
      places: outcome.sections.filter((id) => titles.has(id)).map((id) => ({ id, title: titles.get(id)! })),
    })),
  });
}

function section(id: string, title: string, data: unknown): Omit<SectionView, 'number'> {
  return { id, title, partial: id, data };
}

/** Figures shown as tiles; with a policy, small counts about children are said as "fewer than 6". */
function figureList(rows: Array<[string, number | undefined]>, policy?: SmallNumberPolicy): Array<{ label: string; value: string }> | undefined {
  const present = rows.filter((row): row is [string, number] => row[1] !== undefined);
  const say = (value: number) => (policy && protectCount(value, policy) === SUPPRESSED ? fewerThan(policy) : formatCount(value));
  return present.length ? present.map(([label, value]) => ({ label, value: say(value) })) : undefined;
}

function atAGlance(s: ReportYear, indicators: Map<string, IndicatorView>) {
  const headlines = (s.indicators?.indicators ?? [])
    .filter((indicator) => indicator.headline)
    .map((indicator) => ({
      label: indicator.label,
      value: indicators.get(indicator.id)!.thisYear,
      unit: indicator.unit === 'rate-per-10000' ? 'per 10,000 children' : undefined,
    }))
    .filter((tile) => tile.value !== '');
  if (!s.report.at_a_glance && headlines.length === 0) return undefined;
  return section('at-a-glance', 'The year at a glance', { points: mdList(s.report.at_a_glance), headlines });
}

function aboutView(partnership: Partnership, s: ReportYear) {
  const people = [
    partnership.chair && { ...partnership.chair },
    partnership.scrutineer && { ...partnership.scrutineer },
    partnership.business_manager && { ...partnership.business_manager },
  ].filter(Boolean);
  return {
    area: s.report.area && {
      childPopulation: formatCount(s.report.area.child_population),
      source: s.report.area.population_source,
      html: md(s.report.area.description),
    },
    partners: partnership.safeguarding_partners.map((partner) => ({
      name: partner.name,
      shortName: partner.short_name,
      type: PARTNER_TYPE_WORDS[partner.type],
      lead: partner.lead,
      delegate: partner.delegate,
      roleHtml: md(partner.role),
    })),
    agencies: partnership.relevant_agencies?.map((agency) => ({
      name: agency.name,
      howHtml: agency.how_involved ? renderInlineMarkdown(agency.how_involved) : undefined,
    })),
    summaryHtml: md(s.report.arrangements.summary),
    educationHtml: md(s.report.arrangements.education),
    people,
  };
}

function performanceView(s: ReportYear, indicators: Map<string, IndicatorView>, theme: Theme, policy: SmallNumberPolicy, charts: ChartSpec[]) {
  const file = s.indicators!;
  const groups = new Map<string, { title: string; indicators: IndicatorView[]; breakdowns: BreakdownView[] }>();
  const groupFor = (title: string) => {
    let group = groups.get(title);
    if (!group) groups.set(title, (group = { title, indicators: [], breakdowns: [] }));
    return group;
  };
  for (const indicator of file.indicators) groupFor(indicator.group).indicators.push(indicators.get(indicator.id)!);
  for (const breakdown of file.breakdowns ?? []) {
    const view = breakdownView(breakdown, theme, policy, renderMarkdown);
    if (view.chart) charts.push(view.chart);
    groupFor(breakdown.group).breakdowns.push(view);
  }
  const anySuppressed = [...indicators.values()].some((view) => view.suppressed) || [...groups.values()].some((group) => group.breakdowns.some((view) => view.suppressed));
  return section('performance', 'What the figures tell us', {
    introHtml: md(file.introduction),
    suppressionKey: anySuppressed
      ? `c: not published, to protect children's privacy. Counts of 1 to ${policy.threshold} are not shown, nor any figure from which one could be worked out.`
      : undefined,
    groups: [...groups.values()].map((group, index) => ({ ...group, id: `performance-${index + 1}` })),
  });
}

function trainingView(training: NonNullable<ReportYear['training']>) {
  const table = (caption: string, columns: string[], rows: TableView['rows']): TableView => ({ caption, columns, rows });
  const totalDelegates = training.courses?.reduce((sum, course) => sum + course.delegates, 0);
  return section('training', 'Training and its impact on practice', {
    summaryHtml: md(training.summary),
    courses: training.courses && coursesTable(training.courses),
    totalDelegates: totalDelegates === undefined ? undefined : formatCount(totalDelegates),
    elearning:
      training.elearning &&
      table(
        'E-learning modules completed',
        ['Completions'],
        training.elearning.map((module) => ({ header: module.title, cells: [formatCount(module.completions)] })),
      ),
    byAgency:
      training.delegates_by_agency &&
      table(
        'People trained, by agency',
        ['People trained'],
        training.delegates_by_agency.map((row) => ({ header: row.agency, cells: [formatCount(row.delegates)] })),
      ),
    evaluation: {
      methodHtml: md(training.evaluation.method),
      knowledge:
        training.evaluation.knowledge_before !== undefined && training.evaluation.knowledge_after !== undefined
          ? { before: formatPercent(training.evaluation.knowledge_before), after: formatPercent(training.evaluation.knowledge_after) }
          : undefined,
      satisfactionHtml: md(training.evaluation.satisfaction),
      impactHtml: md(training.evaluation.impact_on_practice),
    },
  });
}

type Course = NonNullable<NonNullable<ReportYear['training']>['courses']>[number];

/** The courses table, with only the columns some course has a figure for. */
function coursesTable(courses: Course[]): TableView {
  const columns = (
    [
      ['Sessions', 'sessions'],
      ['Places', 'places'],
      ['Booked', 'booked'],
      ['Attended', 'delegates'],
      ['Did not attend', 'no_shows'],
    ] as const
  ).filter(([, key]) => courses.some((course) => course[key] !== undefined));
  return {
    caption: 'Multi-agency courses delivered',
    columns: columns.map(([label]) => label),
    rows: courses.map((course) => ({
      header: course.title,
      cells: columns.map(([, key]) => (course[key] === undefined ? '' : formatCount(course[key]))),
    })),
  };
}

function scrutinyView(partnership: Partnership, scrutiny: NonNullable<ReportYear['scrutiny']>) {
  return section('scrutiny', 'Independent scrutiny', {
    scrutineer: scrutiny.scrutineer ?? partnership.scrutineer,
    arrangementsHtml: md(scrutiny.arrangements),
    activities: mdList(scrutiny.activities),
    findings: mdList(scrutiny.findings),
    recommendations: mdList(scrutiny.recommendations),
    statementHtml: md(scrutiny.statement),
  });
}

function fundingView(funding: NonNullable<ReportYear['funding']>) {
  const contributions = funding.contributions ?? [];
  const contributed = contributions.reduce((sum, row) => sum + row.amount, 0);
  return section('funding', 'Funding', {
    summaryHtml: md(funding.summary),
    contributions: contributions.length > 0 && {
      caption: 'Contributions to the partnership\'s budget',
      columns: ['Amount', 'Share'],
      rows: contributions.map((row) => ({
        header: row.partner,
        cells: [formatMoney(row.amount), contributed > 0 ? formatPercent((row.amount / contributed) * 100) : ''],
      })),
      ...(funding.total !== undefined ? { total: formatMoney(funding.total) } : {}),
    },
    spending: funding.spending && {
      caption: 'How the budget was spent',
      columns: ['Amount'],
      rows: funding.spending.map((row) => ({ header: row.item, cells: [formatMoney(row.amount)] })),
    },
  });
}
