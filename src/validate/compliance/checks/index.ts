/** Every check the requirement catalogues may name, by id. */
import type { Check } from '../check.js';
import { breakdownPartsWithinTotal } from './breakdown-parts-within-total.js';
import { comparatorYears } from './comparator-years.js';
import { comparisonNeedsFigure } from './comparison-needs-figure.js';
import { datesInPeriod } from './dates-in-period.js';
import { educationInvolvement } from './education-involvement.js';
import { effectivenessAssessment } from './effectiveness-assessment.js';
import { feedbackChanged } from './feedback-changed.js';
import { fundingAddsUp } from './funding-adds-up.js';
import { impactContinuum } from './impact-continuum.js';
import { independentScrutiny } from './independent-scrutiny.js';
import { littleProgressAnalysed } from './little-progress-analysed.js';
import { lscbChairReport } from './lscb-chair-report.js';
import { boardSpending } from './board-spending.js';
import { reviewLessons } from './review-lessons.js';
import { namedRoles } from './named-roles.js';
import { narrativeDirection } from './narrative-direction.js';
import { noPlaceholders } from './no-placeholders.js';
import { partnersDid } from './partners-did.js';
import { periodFollowsOn } from './period-follows-on.js';
import { periodLength } from './period-length.js';
import { priorityImpact } from './priority-impact.js';
import { publicationDates } from './publication-dates.js';
import { ratesMatchCounts } from './rates-match-counts.js';
import { reviewRecommendations } from './review-recommendations.js';
import { reviewsNamedInText } from './reviews-named-in-text.js';
import { sameMeasureOneValue } from './same-measure-one-value.js';
import { scrutinyEvaluatesReport } from './scrutiny-evaluates-report.js';
import { statutoryPartners } from './statutory-partners.js';
import { textDatesInPeriod } from './text-dates-in-period.js';
import { trainingImpact } from './training-impact.js';

export const CHECKS: ReadonlyMap<string, Check> = new Map(
  [
    partnersDid,
    effectivenessAssessment,
    periodLength,
    periodFollowsOn,
    statutoryPartners,
    priorityImpact,
    impactContinuum,
    littleProgressAnalysed,
    reviewRecommendations,
    feedbackChanged,
    trainingImpact,
    independentScrutiny,
    fundingAddsUp,
    publicationDates,
    noPlaceholders,
    ratesMatchCounts,
    datesInPeriod,
    comparatorYears,
    namedRoles,
    educationInvolvement,
    scrutinyEvaluatesReport,
    lscbChairReport,
    boardSpending,
    reviewLessons,
    breakdownPartsWithinTotal,
    sameMeasureOneValue,
    narrativeDirection,
    textDatesInPeriod,
    comparisonNeedsFigure,
    reviewsNamedInText,
  ].map((check) => [check.id, check]),
);
