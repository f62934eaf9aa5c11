/** The partnership's priorities: why each, what was done, the difference it made and how far it got. */
import type { ReportYear } from '../../model/report-year.js';
import type { IndicatorView } from '../indicator-view.js';
import { renderInlineMarkdown, type SafeHtml } from '../markdown.js';
import { md, mdList, type SectionDefinition } from './section.js';

const PROGRESS_WORDS = { good: 'Good progress', some: 'Some progress', little: 'Little progress', none: 'No progress' } as const;
const CONTINUUM_WORDS = {
  'early-help': 'Early help',
  'children-in-need': 'Children in need',
  'child-protection': 'Child protection',
  'looked-after-children': 'Children in care',
  'care-leavers': 'Care leavers',
} as const;

type Progress = ReportYear['priorities']['priorities'][number]['progress'];

export interface PrioritiesView {
  introHtml?: SafeHtml;
  priorities: Array<{
    id: string;
    title: string;
    whyHtml?: SafeHtml;
    activity?: SafeHtml[];
    /** Each piece of evidence of impact, with the indicator it points to. */
    impact?: Array<{ html: SafeHtml; indicator?: IndicatorView }>;
    progress: Progress;
    progressWords?: string;
    analysisHtml?: SafeHtml;
    continuum?: string;
  }>;
}

export const priorities: SectionDefinition<PrioritiesView> = {
  title: 'Our priorities and the difference they made',
  view: ({ data, figures }) => ({
    introHtml: md(data.priorities.introduction),
    priorities: data.priorities.priorities.map((priority) => ({
      id: priority.id,
      title: priority.title,
      whyHtml: md(priority.why),
      activity: mdList(priority.activity),
      impact: priority.impact?.map((evidence) => ({
        html: renderInlineMarkdown(evidence.evidence),
        indicator: evidence.indicator ? figures.indicators.get(evidence.indicator) : undefined,
      })),
      progress: priority.progress,
      progressWords: priority.progress && PROGRESS_WORDS[priority.progress],
      analysisHtml: md(priority.progress_analysis),
      continuum: priority.continuum?.map((stage) => CONTINUUM_WORDS[stage]).join(', '),
    })),
  }),
};
