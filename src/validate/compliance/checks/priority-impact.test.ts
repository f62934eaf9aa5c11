import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { scaffoldedReport } from '../../../../test/scaffold-fixture.js';
import { priorityImpact } from './priority-impact.js';

describe('priority-impact', () => {
  it('is met when every priority shows a change', async () => {
    expect(runCheck(priorityImpact, await demoReport()).status).toBe('met');
  });
  it('is not met by a priority without impact evidence', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => delete r.sections.priorities.priorities[0]!.impact));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/has no evidence of impact/);
  });
  it('does not count meetings held as impact', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => {
      r.sections.priorities.priorities[1]!.impact = [{ evidence: 'The subgroup held six meetings and ran four briefings.', kind: 'observation' }];
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/counts activity rather than a change: "The subgroup held six meetings/);
  });
  it('counts an indicator that moved, a measured result, or a described change', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => {
      const [first, second, third] = r.sections.priorities.priorities;
      first!.impact = [{ evidence: 'See the figures.', kind: 'indicator', indicator: r.sections.indicators!.indicators[0]!.id }];
      second!.impact = [{ evidence: '72.1% of families closed with their needs met.', kind: 'evaluation' }];
      third!.impact = [{ evidence: 'Fewer children went missing after the change.', kind: 'observation' }];
    }));
    expect(result.status).toBe('met');
  });
  it('does not count an indicator with no figures yet as a change', async () => {
    const result = runCheck(priorityImpact, await scaffoldedReport(['2024-25'], (r) => {
      r.sections.priorities.priorities[0]!.impact![0]!.indicator = r.sections.indicators!.indicators[0]!.id;
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing.map((m) => m.message)).toEqual([expect.stringMatching(/^The impact evidence for ".+" does not describe a change: say what rose, fell or improved/)]);
  });
});
