import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { namedRoles } from './named-roles.js';

const person = { name: 'A Person', role: 'Chief Executive' };

describe('named-roles (Working Together 2023)', () => {
  it('is met when each partner names its lead and delegated safeguarding partner, and there is a chair', async () => {
    const result = runCheck(namedRoles, await demoReport((r) => {
      for (const partner of r.partnership.safeguarding_partners) Object.assign(partner, { lead: person, delegate: person });
    }));
    expect(result.status).toBe('met');
  });
  it('names each role that is missing', async () => {
    const result = runCheck(namedRoles, await demoReport((r) => {
      for (const partner of r.partnership.safeguarding_partners) delete partner.delegate;
      delete r.partnership.chair;
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing.map((m) => m.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/has no delegated safeguarding partner named/),
      'No partnership chair is named: add chair: to partnership.yaml',
    ]));
  });
});
