import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { publicationDates } from './publication-dates.js';

describe('publication-dates', () => {
  it('is met when copies went to the Panel and the What Works Centre within seven days', async () => {
    expect(runCheck(publicationDates, await demoReport()).status).toBe('met');
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
      'No date is recorded for sending the report to the What Works Centre (Foundations): send it and record sent_to_what_works_centre',
    ]);
  });
  it('is only a reminder before publication', async () => {
    expect(runCheck(publicationDates, await demoReport((r) => (r.sections.report.status = 'draft'))).status).toBe('reminder');
    expect(runCheck(publicationDates, await demoReport((r) => delete r.sections.report.publication)).status).toBe('reminder');
    expect(runCheck(publicationDates, await demoReport(), '2023-09-01').status).toBe('reminder');
  });
});
