import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { littleProgressAnalysed } from './little-progress-analysed.js';

describe('little-progress-analysed', () => {
  it('is met when a priority with little progress is analysed', async () => {
    const report = await demoReport();
    expect(report.sections.priorities.priorities.some((p) => p.progress === 'little' && p.progress_analysis)).toBe(true);
    expect(runCheck(littleProgressAnalysed, report).status).toBe('met');
  });
  it('is not met when the analysis is missing', async () => {
    const result = runCheck(littleProgressAnalysed, await demoReport((r) => {
      for (const priority of r.sections.priorities.priorities) if (priority.progress === 'little') delete priority.progress_analysis;
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/made little progress but has no progress_analysis/);
  });
});
