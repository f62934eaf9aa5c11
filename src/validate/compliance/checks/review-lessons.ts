import { outcome, quoteOf, type Check, type Finding } from '../check.js';

/**
 * Working Together 2015 ch. 3: the board's report includes the lessons from reviews undertaken
 * in the year (serious case reviews, learning reviews and others). A review recorded without
 * its learning gives the reader no lesson.
 */
export const reviewLessons: Check = {
  id: 'review-lessons',
  paths: ['reviews.yaml reviews[].learning'],
  sections: ['reviews'],
  run({ report, at }) {
    const reviews = report.sections.reviews?.reviews ?? [];
    if (reviews.length === 0) return outcome([], [{ message: 'No reviews are recorded this year', where: at('reviews') }]);
    const missing: Finding[] = [];
    const met: Finding[] = [];
    reviews.forEach((review, index) => {
      const learning = review.learning ?? [];
      if (learning.length === 0) {
        missing.push({ message: `"${review.title}" gives no lessons: add learning, the points the review taught the agencies`, where: at('reviews', ['reviews', index, 'title']) });
      } else {
        met.push({ message: `"${review.title}": ${learning.length} lesson${learning.length === 1 ? '' : 's'}`, where: at('reviews', ['reviews', index, 'learning']), quote: quoteOf(learning[0]) });
      }
    });
    return outcome(missing, met);
  },
};
