/** Learning from reviews: notifications, rapid reviews, practice reviews and what was done on each recommendation. */
import type { ReportYear } from '../../model/report-year.js';
import { formatDate, formatEventDate } from '../format.js';
import { renderInlineMarkdown, type SafeHtml } from '../markdown.js';
import { figureList, md, mdList, STATUS_WORDS, type FigureTile, type SectionDefinition } from './section.js';

const REVIEW_KIND_WORDS = {
  'rapid-review': 'Rapid review',
  lcspr: 'Local child safeguarding practice review',
  national: 'National review',
  'serious-case-review': 'Serious case review',
  'learning-review': 'Learning review',
  other: 'Other review',
} as const;

type Review = NonNullable<NonNullable<ReportYear['reviews']>['reviews']>[number];

export interface ReviewsView {
  summaryHtml?: SafeHtml;
  figures?: FigureTile[];
  reviews?: Array<{
    id?: string;
    title: string;
    kind: string;
    date?: string;
    status?: string;
    summaryHtml?: SafeHtml;
    decisionHtml?: SafeHtml;
    learning?: SafeHtml[];
    /** Which columns of the recommendations table any recommendation has something for. */
    columns?: { action: boolean; owner: boolean; status: boolean; improvement: boolean };
    recommendations?: Array<{
      recommendation: SafeHtml;
      action?: SafeHtml;
      owner?: string;
      status?: string;
      statusClass?: string;
      due?: string;
      improvement?: SafeHtml;
    }>;
    link?: Review['link'];
  }>;
}

export const reviews: SectionDefinition<ReviewsView> = {
  title: 'Learning from reviews',
  view({ data }) {
    const file = data.reviews;
    if (!file) return undefined;
    return {
      summaryHtml: md(file.summary),
      figures: figureList([
        ['Serious incident notifications to the National Panel', file.notifications],
        ['Rapid reviews held', file.rapid_reviews],
        ['Local practice reviews started', file.practice_reviews_started],
      ]),
      reviews: file.reviews?.map((review) => ({
        id: review.id,
        title: review.title,
        kind: REVIEW_KIND_WORDS[review.kind],
        date: review.date ? formatEventDate(review.date) : undefined,
        status: review.status ? STATUS_WORDS[review.status] : undefined,
        summaryHtml: md(review.summary),
        decisionHtml: md(review.decision),
        learning: mdList(review.learning),
        columns: review.recommendations && {
          action: review.recommendations.some((rec) => rec.action !== undefined || rec.due !== undefined),
          owner: review.recommendations.some((rec) => rec.owner !== undefined),
          status: review.recommendations.some((rec) => rec.status !== undefined),
          improvement: review.recommendations.some((rec) => rec.improvement !== undefined),
        },
        recommendations: review.recommendations?.map((rec) => ({
          recommendation: renderInlineMarkdown(rec.recommendation),
          action: rec.action === undefined ? undefined : renderInlineMarkdown(rec.action),
          owner: rec.owner,
          status: rec.status && STATUS_WORDS[rec.status],
          statusClass: rec.status,
          due: rec.due ? formatDate(rec.due) : undefined,
          improvement: rec.improvement ? renderInlineMarkdown(rec.improvement) : undefined,
        })),
        link: review.link,
      })),
    };
  },
};
