import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { fundingAddsUp } from './funding-adds-up.js';

describe('funding-adds-up', () => {
  it('is met when contributions add up to the total', async () => {
    expect(runCheck(fundingAddsUp, await demoReport()).status).toBe('met');
  });
  it('says by how much they do not', async () => {
    const result = runCheck(fundingAddsUp, await demoReport((r) => (r.sections.funding!.total! += 1000)));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/^The contributions add up to £[\d,]+, not the stated total of £[\d,]+$/);
  });
  it('is not met by narrative alone, or no funding section', async () => {
    expect(runCheck(fundingAddsUp, await demoReport((r) => delete r.sections.funding!.contributions)).status).toBe('not-met');
    expect(runCheck(fundingAddsUp, await demoReport((r) => delete r.sections.funding)).status).toBe('not-met');
  });
});
