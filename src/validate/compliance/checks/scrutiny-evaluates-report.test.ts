import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { scrutinyEvaluatesReport } from './scrutiny-evaluates-report.js';

function in2024to25(r: ReportData): void {
  r.sections.report.period = { ...r.sections.report.period, start: '2024-04-01', end: '2025-03-31' };
}

describe('scrutiny-evaluates-report (Working Together 2023)', () => {
  it('is met by the scrutineer\'s statement on the report', async () => {
    const result = runCheck(scrutinyEvaluatesReport, await demoReport(in2024to25));
    expect(result.status).toBe('met');
    expect(result.met[0]!.quote).toBeTruthy();
  });
  it('is not met without one', async () => {
    expect(runCheck(scrutinyEvaluatesReport, await demoReport((r) => {
      in2024to25(r);
      delete r.sections.scrutiny!.statement;
    })).status).toBe('not-met');
  });
  it('is not applicable to a period that ended before Working Together 2023', async () => {
    const result = runCheck(scrutinyEvaluatesReport, await demoReport((r) => delete r.sections.scrutiny!.statement));
    expect(result.status).toBe('not-applicable');
    expect(result.met[0]!.message).toBe("The scrutineer's evaluation of the yearly report came with Working Together 2023 in December 2023, after this period ended on 2023-03-31");
  });
});
