import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { impactContinuum } from './impact-continuum.js';

describe('impact-continuum', () => {
  it('is met when evidence covers early help through to care leavers', async () => {
    expect(runCheck(impactContinuum, await demoReport()).status).toBe('met');
  });
  it('names the stages no evidence covers', async () => {
    const result = runCheck(impactContinuum, await demoReport((r) => {
      for (const priority of r.sections.priorities.priorities) priority.continuum = priority.continuum?.filter((stage) => stage !== 'care-leavers');
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/^No priority with impact evidence covers care leavers:/);
  });
});
