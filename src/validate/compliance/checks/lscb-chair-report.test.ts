import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { lscbChairReport } from './lscb-chair-report.js';

describe('lscb-chair-report (Working Together 2015)', () => {
  it('is met when the board\'s independent chair is named', async () => {
    // seed 002:L9: "The Independent Chairman ... to present the Worcestershire Safeguarding Children Board's (WSCB) Annual Report 2018-19".
    const result = runCheck(lscbChairReport, await demoReport((r) => (r.partnership.chair = { name: 'A Chair', role: 'Independent Chairman' })));
    expect(result.status).toBe('met');
    expect(result.met.map((m) => m.message)).toEqual(["The board's chair, A Chair (Independent Chairman), publishes the report"]);
  });
  it('is not met when no chair is named', async () => {
    const result = runCheck(lscbChairReport, await demoReport((r) => delete r.partnership.chair));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/^The board's independent chair, who publishes the report, is not named: add chair: to partnership\.yaml/);
  });
});
