import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { trainingImpact } from './training-impact.js';

describe('training-impact', () => {
  it('is met when a follow-up shows practice changed', async () => {
    expect(runCheck(trainingImpact, await demoReport()).status).toBe('met');
  });
  it('is not met by attendance and satisfaction alone', async () => {
    const result = runCheck(trainingImpact, await demoReport((r) => {
      r.sections.training!.evaluation.impact_on_practice = 'All courses were fully booked and 94% of delegates rated them good or excellent.';
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/does not show a change in practice/);
  });
  it('is not met when the report admits there is no evidence yet, even with an anecdote', async () => {
    const result = runCheck(trainingImpact, await demoReport((r) => {
      r.sections.training!.evaluation.impact_on_practice = 'We have little evidence yet that training changed practice. One school now holds weekly safeguarding slots.';
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/^The report itself says there is little or no evidence/);
  });
  it('is not met without a training section', async () => {
    expect(runCheck(trainingImpact, await demoReport((r) => delete r.sections.training)).status).toBe('not-met');
  });
});
