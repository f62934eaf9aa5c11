/** Training and its impact on practice: courses, e-learning, who was trained, and what it changed. */
import type { ReportYear } from '../../model/report-year.js';
import { formatCount, formatPercent } from '../format.js';
import type { TableView } from '../indicator-view.js';
import type { SafeHtml } from '../markdown.js';
import { md, unlessEmpty, type SectionDefinition } from './section.js';

type Training = NonNullable<ReportYear['training']>;
type Course = NonNullable<Training['courses']>[number];

export interface TrainingView {
  summaryHtml?: SafeHtml;
  courses?: TableView;
  elearning?: TableView;
  byAgency?: TableView;
  evaluation?: {
    methodHtml?: SafeHtml;
    /** The average scores before and after, and which way they moved (worked out from the two; none when they are the same as printed). */
    knowledge?: { before: string; after: string; verb?: 'rose' | 'fell' };
    satisfactionHtml?: SafeHtml;
    impactHtml?: SafeHtml;
  };
}

const table = (caption: string, columns: string[], rows: TableView['rows']): TableView => ({ caption, columns, rows });

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

/** The scores as printed, and the word for how they moved, which only the numbers decide. */
function knowledge(before: number, after: number): NonNullable<NonNullable<TrainingView['evaluation']>['knowledge']> {
  const shown = { before: formatPercent(before), after: formatPercent(after) };
  if (shown.before === shown.after) return shown;
  return { ...shown, verb: after > before ? 'rose' : 'fell' };
}

export const training: SectionDefinition<TrainingView> = {
  title: 'Training and its impact on practice',
  view({ data }) {
    const file = data.training;
    if (!file) return undefined;
    const { evaluation } = file;
    return unlessEmpty({
      summaryHtml: md(file.summary),
      courses: file.courses?.length ? coursesTable(file.courses) : undefined,
      elearning: file.elearning?.length
        ? table('E-learning modules completed', ['Completions'], file.elearning.map((module) => ({ header: module.title, cells: [formatCount(module.completions)] })))
        : undefined,
      byAgency: file.delegates_by_agency?.length
        ? table('People trained, by agency', ['People trained'], file.delegates_by_agency.map((row) => ({ header: row.agency, cells: [formatCount(row.delegates)] })))
        : undefined,
      evaluation:
        evaluation &&
        unlessEmpty({
          methodHtml: md(evaluation.method),
          knowledge:
            evaluation.knowledge_before !== undefined && evaluation.knowledge_after !== undefined
              ? knowledge(evaluation.knowledge_before, evaluation.knowledge_after)
              : undefined,
          satisfactionHtml: md(evaluation.satisfaction),
          impactHtml: md(evaluation.impact_on_practice),
        }),
    });
  },
};
