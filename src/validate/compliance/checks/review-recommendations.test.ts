import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { reviewRecommendations } from './review-recommendations.js';

describe('review-recommendations', () => {
  it('is met when every review tracks its recommendations through to improvement', async () => {
    expect(runCheck(reviewRecommendations, await demoReport()).status).toBe('met');
  });
  it('is not met by a review without recommendations', async () => {
    const result = runCheck(reviewRecommendations, await demoReport((r) => delete r.sections.reviews!.reviews![0]!.recommendations));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/has no recommendations/);
  });
  it('is not met by a completed action with no resulting improvement', async () => {
    const result = runCheck(reviewRecommendations, await demoReport((r) => {
      const done = r.sections.reviews!.reviews!.flatMap((review) => review.recommendations ?? []).find((rec) => rec.status === 'complete')!;
      delete done.improvement;
    }));
    expect(result.missing.map((m) => m.message)).toEqual([expect.stringMatching(/^A completed action for ".+" does not say what improved/)]);
  });
});
