import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { boardSpending } from './board-spending.js';

describe('board-spending (Working Together 2015)', () => {
  it('is met when the report says what the money was spent on', async () => {
    const result = runCheck(boardSpending, await demoReport());
    expect(result.status).toBe('met');
    expect(result.met[0]!.message).toBe('8 spending items, £357,000 in all');
  });
  it('is not met by contributions alone', async () => {
    // seed 000:L82 describes who funds the work and by how much contributions rose, not what was spent.
    const result = runCheck(boardSpending, await demoReport((r) => delete r.sections.funding!.spending));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/^The report does not say what the board spent: add spending to funding\.yaml/);
  });
});
