import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { periodFollowsOn } from './period-follows-on.js';

describe('period-follows-on', () => {
  it('is met when there is no earlier year to follow', async () => {
    expect(runCheck(periodFollowsOn, await demoReport()).status).toBe('met');
  });
  it('is met when the period starts the day after last year ended', async () => {
    const result = runCheck(periodFollowsOn, await demoReport((r) => (r.previousPeriod = { year: '2021-22', start: '2021-04-01', end: '2022-03-31' })));
    expect(result.status).toBe('met');
  });
  it('is not met when a gap is left', async () => {
    const result = runCheck(periodFollowsOn, await demoReport((r) => (r.previousPeriod = { year: '2021-22', start: '2021-03-01', end: '2022-02-28' })));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toBe('The period starts on 2022-04-01 and leaves a gap after 2021-22, which ended on 2022-02-28: it should start on 2022-03-01');
  });
  it('is not met when the periods overlap', async () => {
    const result = runCheck(periodFollowsOn, await demoReport((r) => (r.previousPeriod = { year: '2021-22', start: '2021-06-01', end: '2022-05-31' })));
    expect(result.missing[0]!.message).toMatch(/overlaps 2021-22/);
  });
});
