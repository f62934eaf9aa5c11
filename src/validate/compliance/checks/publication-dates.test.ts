import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../model/checked-report.js';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { publicationDates } from './publication-dates.js';

/** The demo report moved to another period and publication date, with nothing recorded as sent. */
function periodOf(r: ReportData, start: string, end: string, published?: string): void {
  r.sections.report.period = { ...r.sections.report.period, start, end };
  const publication = r.sections.report.publication!;
  delete publication.sent_to_national_panel;
  delete publication.sent_to_what_works_centre;
  if (published) publication.date = published;
  else delete publication.date;
}

const BODIES_OF_2018 = /Practice Review Panel|National Panel|What Works|Foundations/;

describe('publication-dates', () => {
  it('is met when copies went to the Panel and the What Works Centre within seven days', async () => {
    const result = runCheck(publicationDates, await demoReport());
    expect(result.status).toBe('met');
    // Published in September 2023: the centre had not yet become Foundations.
    expect(result.met.map((m) => m.message)).toContain("Sent to the What Works Centre for Children's Social Care 4 days after publication");
  });
  it('is not met when a copy went late or was not recorded', async () => {
    const result = runCheck(publicationDates, await demoReport((r) => {
      const publication = r.sections.report.publication!;
      publication.date = '2023-09-29';
      publication.sent_to_national_panel = '2023-10-20';
      delete publication.sent_to_what_works_centre;
    }));
    expect(result.status).toBe('not-met');
    expect(result.missing.map((m) => m.message)).toEqual([
      'The report was sent to the Child Safeguarding Practice Review Panel 21 days after publication; the guidance expects 7 days at most',
      "No date is recorded for sending the report to the What Works Centre for Children's Social Care: send it and record sent_to_what_works_centre",
    ]);
  });
  it('names the What Works Centre as Foundations only from 2024', async () => {
    const result = runCheck(publicationDates, await demoReport((r) => periodOf(r, '2023-04-01', '2024-03-31', '2024-09-27')), '2024-11-01');
    expect(result.missing.map((m) => m.message)).toEqual([
      'No date is recorded for sending the report to the Child Safeguarding Practice Review Panel: send it and record sent_to_national_panel',
      "No date is recorded for sending the report to Foundations (formerly the What Works Centre for Children's Social Care): send it and record sent_to_what_works_centre",
    ]);
    const draft = runCheck(publicationDates, await demoReport((r) => (r.sections.report.status = 'draft')), '2025-06-01');
    expect(draft.missing[0]!.message).toMatch(/then send a copy to the Child Safeguarding Practice Review Panel and to Foundations \(formerly/);
  });
  it('asks a partners\' report from 2019-20 on for both copies', async () => {
    const result = runCheck(publicationDates, await demoReport((r) => periodOf(r, '2019-04-01', '2020-03-31', '2020-09-30')), '2021-01-01');
    expect(result.status).toBe('not-met');
    expect(result.missing.map((m) => m.message).join('\n')).toMatch(/Practice Review Panel[^]*What Works Centre for Children's Social Care:/);
  });
  it('never asks a board\'s report (2018-19 and earlier) to be sent to bodies whose duty covers the partners\' reports', async () => {
    // seed 002:L5: "Worcestershire Safeguarding Children Board Annual Report 2018-19", a board's report.
    for (const [start, end, published] of [['2014-04-01', '2015-03-31', '2015-09-30'], ['2018-04-01', '2019-03-31', '2019-09-30']] as const) {
      const result = runCheck(publicationDates, await demoReport((r) => periodOf(r, start, end, published)), '2020-01-01');
      expect(result.status).toBe('met');
      expect(result.met.map((m) => m.message)).toEqual([`Published on ${published}`]);
      const draft = runCheck(publicationDates, await demoReport((r) => {
        periodOf(r, start, end);
        r.sections.report.status = 'draft';
      }));
      expect(draft.status).toBe('reminder');
      expect(draft.missing.map((m) => m.message)).toEqual(['Before publishing: set the publication date']);
      expect(JSON.stringify([result, draft])).not.toMatch(BODIES_OF_2018);
    }
  });
  it('is only a reminder before publication', async () => {
    expect(runCheck(publicationDates, await demoReport((r) => (r.sections.report.status = 'draft'))).status).toBe('reminder');
    expect(runCheck(publicationDates, await demoReport((r) => delete r.sections.report.publication)).status).toBe('reminder');
    expect(runCheck(publicationDates, await demoReport(), '2023-09-01').status).toBe('reminder');
  });
});
