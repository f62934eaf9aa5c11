import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { reviewLessons } from './review-lessons.js';

describe('review-lessons (Working Together 2015)', () => {
  it('is met when each review recorded gives its lessons', async () => {
    const result = runCheck(reviewLessons, await demoReport((r) => {
      // seed 002:L47: "In relation to Serious Case Reviews (SCRs), it was critical to embed learning through a comprehensive audit regime."
      r.sections.reviews = { reviews: [{ id: 'child-a', kind: 'serious-case-review', title: 'Child A', learning: ['Learning from the review is embedded through a comprehensive audit regime.'] }] };
    }));
    expect(result.status).toBe('met');
    expect(result.met.map((m) => m.message)).toEqual(['"Child A": 1 lesson']);
  });
  it('is not met by a review recorded without its learning', async () => {
    const result = runCheck(reviewLessons, await demoReport((r) => {
      r.sections.reviews = { reviews: [{ id: 'child-a', kind: 'serious-case-review', title: 'Child A' }] };
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing.map((m) => m.message)).toEqual(['"Child A" gives no lessons: add learning, the points the review taught the agencies']);
  });
});
