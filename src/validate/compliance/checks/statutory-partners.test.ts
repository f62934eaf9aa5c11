import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { statutoryPartners } from './statutory-partners.js';

describe('statutory-partners', () => {
  it('is met when the local authority, the ICB and the police are named', async () => {
    const result = runCheck(statutoryPartners, await demoReport());
    expect(result.status).toBe('met');
    expect(result.met).toHaveLength(3);
  });
  it('names the partner that is missing', async () => {
    const result = runCheck(statutoryPartners, await demoReport((r) => (r.partnership.safeguarding_partners = r.partnership.safeguarding_partners.filter((p) => p.type !== 'police'))));
    expect(result.status).toBe('not-met');
    expect(result.missing.map((m) => m.message)).toEqual(['No safeguarding partner is the chief officer of police: add it with type: police']);
  });
});
