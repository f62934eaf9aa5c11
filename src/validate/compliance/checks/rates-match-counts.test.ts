import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { ratesMatchCounts } from './rates-match-counts.js';

describe('rates-match-counts', () => {
  it('is met when each rate matches its count and the child population', async () => {
    const result = runCheck(ratesMatchCounts, await demoReport());
    expect(result.status).toBe('met');
    expect(result.met.length).toBeGreaterThanOrEqual(4);
  });
  it('is not met when a rate does not match its count', async () => {
    const result = runCheck(ratesMatchCounts, await demoReport((r) => {
      const cp = r.sections.indicators!.indicators.find((i) => i.id === 'cp-plan-rate')!;
      cp.counts!['2022-23'] = 300;
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/is 39\.8 per 10,000, but 300 children out of 68,?400 is 43\.9 per 10,000/);
  });
});
