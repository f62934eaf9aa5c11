import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { statutoryPartners } from './statutory-partners.js';

/** The demo moved to another period, its health partner a clinical commissioning group (as the demo's was before July 2022). */
function withCcg(start: string, end: string) {
  return (r: ReportData) => {
    r.sections.report.period = { ...r.sections.report.period, start, end };
    const health = r.partnership.safeguarding_partners.find((p) => p.type === 'integrated-care-board')!;
    Object.assign(health, { name: 'Kingsmere Clinical Commissioning Group', type: 'clinical-commissioning-group' });
  };
}

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
  it('takes a clinical commissioning group as the board\'s health partner before the partnerships, and speaks of board partners', async () => {
    // seed 002:L19: the health partner of 2018-19 was the "Accountable Officer for the Clinical Commissioning Groups".
    const met = runCheck(statutoryPartners, await demoReport(withCcg('2014-04-01', '2015-03-31')));
    expect(met.status).toBe('met');
    expect(met.met.map((m) => m.message)).toContain('Kingsmere Clinical Commissioning Group: the clinical commissioning group, the health partner in this period');
    const missing = runCheck(statutoryPartners, await demoReport((r) => {
      withCcg('2014-04-01', '2015-03-31')(r);
      r.partnership.safeguarding_partners = r.partnership.safeguarding_partners.filter((p) => p.type === 'local-authority');
    }));
    expect(missing.missing.map((m) => m.message)).toEqual([
      'No board partner is the health partner: add the clinical commissioning group with type: clinical-commissioning-group',
      'No board partner is the chief officer of police: add it with type: police',
    ]);
    expect(JSON.stringify([met, missing])).not.toMatch(/integrated care board|safeguarding partner/i);
  });
  it('takes a CCG for a period that starts before July 2022, and says when ICBs took over', async () => {
    const result = runCheck(statutoryPartners, await demoReport(withCcg('2022-04-01', '2023-03-31')));
    expect(result.status).toBe('met');
    expect(result.met.map((m) => m.message)).toContain(
      'Kingsmere Clinical Commissioning Group: the clinical commissioning group, the health partner for this period, which began before integrated care boards replaced CCGs on 1 July 2022',
    );
    expect(runCheck(statutoryPartners, await demoReport(withCcg('2019-04-01', '2020-03-31'))).status).toBe('met');
  });
  it('asks for the ICB, not a CCG, from July 2022', async () => {
    const result = runCheck(statutoryPartners, await demoReport(withCcg('2023-04-01', '2024-03-31')));
    expect(result.status).toBe('not-met');
    expect(result.missing.map((m) => m.message)).toEqual([
      'Kingsmere Clinical Commissioning Group is a clinical commissioning group, but integrated care boards replaced CCGs on 1 July 2022, before this period began: name the integrated care board with type: integrated-care-board',
    ]);
  });
  it('accepts an ICB named for a period before ICBs existed, saying the health partner then was the CCG', async () => {
    const result = runCheck(statutoryPartners, await demoReport((r) => (r.sections.report.period = { ...r.sections.report.period, start: '2020-04-01', end: '2021-03-31' })));
    expect(result.status).toBe('met');
    expect(result.met.map((m) => m.message)).toContain(
      'NHS Kingsmere and Dunmore Integrated Care Board (integrated care boards replaced clinical commissioning groups on 1 July 2022, after this period: the health partner in the period was the CCG)',
    );
  });
});
