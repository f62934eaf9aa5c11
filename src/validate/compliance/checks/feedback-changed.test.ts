import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { feedbackChanged } from './feedback-changed.js';

describe('feedback-changed', () => {
  it('is met when feedback records what was heard and changed', async () => {
    expect(runCheck(feedbackChanged, await demoReport()).status).toBe('met');
  });
  it('is not met without a voice section', async () => {
    const result = runCheck(feedbackChanged, await demoReport((r) => delete r.sections.voice));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/There is no voice\.yaml/);
  });
});
