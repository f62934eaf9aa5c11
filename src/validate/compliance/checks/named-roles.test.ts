import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { namedRoles } from './named-roles.js';

const person = { name: 'A Person', role: 'Chief Executive' };

/** The demo moved to 2023-24, the year Working Together 2023 was published in. */
function in2023to24(r: ReportData): void {
  r.sections.report.period = { ...r.sections.report.period, start: '2023-04-01', end: '2024-03-31' };
}

describe('named-roles (Working Together 2023)', () => {
  it('is met when each partner names its lead and delegated safeguarding partner, and there is a chair', async () => {
    const result = runCheck(namedRoles, await demoReport((r) => {
      in2023to24(r);
      for (const partner of r.partnership.safeguarding_partners) Object.assign(partner, { lead: person, delegate: person });
    }));
    expect(result.status).toBe('met');
  });
  it('names each role that is missing', async () => {
    const result = runCheck(namedRoles, await demoReport((r) => {
      in2023to24(r);
      for (const partner of r.partnership.safeguarding_partners) delete partner.delegate;
      delete r.partnership.chair;
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing.map((m) => m.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/has no delegated safeguarding partner named/),
      'No partnership chair is named: add chair: to partnership.yaml',
    ]));
  });
  it('is not applicable to a period that ended before the roles existed', async () => {
    for (const end of ['2023-03-31', '2015-03-31']) {
      const result = runCheck(namedRoles, await demoReport((r) => {
        r.sections.report.period = { ...r.sections.report.period, start: `${Number(end.slice(0, 4)) - 1}-04-01`, end };
        for (const partner of r.partnership.safeguarding_partners) delete partner.lead;
      }));
      expect(result.status).toBe('not-applicable');
      expect(result.missing).toEqual([]);
      expect(result.met.map((m) => m.message)).toEqual([`Lead and delegated safeguarding partners and the partnership chair came with Working Together 2023 in December 2023, after this period ended on ${end}`]);
    }
  });
});
