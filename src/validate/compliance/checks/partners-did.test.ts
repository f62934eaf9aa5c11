import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { partnersDid } from './partners-did.js';

describe('partners-did', () => {
  it('is met when the report lists what the partners did and reports on reviews', async () => {
    expect(runCheck(partnersDid, await demoReport()).status).toBe('met');
  });
  it('is not met without a reviews section, and says where to add it', async () => {
    const result = runCheck(partnersDid, await demoReport((r) => delete r.sections.reviews));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]).toMatchObject({ message: expect.stringMatching(/There is no reviews\.yaml/), where: { file: expect.stringMatching(/2022-23\/reviews\.yaml$/) } });
  });
  it('is to do while the report is a draft with nothing written yet, and not met once it is final', async () => {
    const draft = await demoReport((r) => {
      r.sections.report.arrangements!.what_the_partners_did = ['TO BE COMPLETED', '-'];
      r.sections.report.status = 'draft';
    });
    expect(runCheck(partnersDid, draft).status).toBe('reminder');
    const final = await demoReport((r) => (r.sections.report.arrangements!.what_the_partners_did = ['TO BE COMPLETED', '-']));
    expect(runCheck(partnersDid, final).status).toBe('not-met');
  });
});
