import { outcome, type Check, type Finding } from '../check.js';

const LOCAL_AND_NATIONAL = new Set(['rapid-review', 'lcspr', 'national', 'serious-case-review', 'learning-review']);

/**
 * Working Together 2018 ch. 3: a record of actions taken, or planned, to implement the
 * recommendations of local and national reviews, including any resulting improvements.
 */
export const reviewRecommendations: Check = {
  id: 'review-recommendations',
  paths: ['reviews.yaml reviews[].recommendations'],
  sections: ['reviews'],
  run({ report, at }) {
    const reviews = (report.sections.reviews?.reviews ?? []).map((review, index) => ({ review, index })).filter(({ review }) => LOCAL_AND_NATIONAL.has(review.kind));
    if (reviews.length === 0) return outcome([], [{ message: 'No local or national reviews are recorded this year', where: at('reviews') }]);
    const missing: Finding[] = [];
    const met: Finding[] = [];
    for (const { review, index } of reviews) {
      const recommendations = review.recommendations ?? [];
      if (recommendations.length === 0) {
        missing.push({ message: `"${review.title}" has no recommendations: record each one with its action, owner and status`, where: at('reviews', ['reviews', index, 'title']) });
        continue;
      }
      recommendations.forEach((recommendation, r) => {
        const untracked = (['action', 'owner', 'status'] as const).filter((field) => recommendation[field] === undefined);
        if (untracked.length > 0) {
          missing.push({
            message: `A recommendation of "${review.title}" has no ${untracked.join(', no ')}: record what is being done, who owns it and where it stands`,
            where: at('reviews', ['reviews', index, 'recommendations', r]),
          });
        }
        if (recommendation.status === 'complete' && !recommendation.improvement) {
          missing.push({
            message: `A completed action for "${review.title}" does not say what improved as a result`,
            where: at('reviews', ['reviews', index, 'recommendations', r, 'status']),
          });
        }
      });
      met.push({ message: `"${review.title}": ${recommendations.length} recommendation${recommendations.length === 1 ? '' : 's'} tracked`, where: at('reviews', ['reviews', index, 'recommendations']) });
    }
    return outcome(missing, met);
  },
};
