import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { effectivenessAssessment } from './effectiveness-assessment.js';

describe('effectiveness-assessment', () => {
  it('is met by a substantive assessment', async () => {
    expect(runCheck(effectivenessAssessment, await demoReport()).status).toBe('met');
  });
  it('is not met by a token sentence', async () => {
    const result = runCheck(effectivenessAssessment, await demoReport((r) => (r.sections.report.effectiveness.assessment = 'The arrangements are effective.')));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/has 4 words/);
    expect(result.missing[0]!.where?.line).toBeGreaterThan(1);
  });
});
