import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { educationInvolvement } from './education-involvement.js';

describe('education-involvement (Working Together 2023)', () => {
  it('is met when the report says how education takes part', async () => {
    expect(runCheck(educationInvolvement, await demoReport()).status).toBe('met');
  });
  it('is not met when it does not', async () => {
    const result = runCheck(educationInvolvement, await demoReport((r) => delete r.sections.report.arrangements.education));
    expect(result.status).toBe('not-met');
  });
});
