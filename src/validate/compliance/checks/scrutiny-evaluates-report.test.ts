import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { scrutinyEvaluatesReport } from './scrutiny-evaluates-report.js';

describe('scrutiny-evaluates-report (Working Together 2023)', () => {
  it('is met by the scrutineer\'s statement on the report', async () => {
    expect(runCheck(scrutinyEvaluatesReport, await demoReport()).status).toBe('met');
  });
  it('is not met without one', async () => {
    expect(runCheck(scrutinyEvaluatesReport, await demoReport((r) => delete r.sections.scrutiny!.statement)).status).toBe('not-met');
  });
});
