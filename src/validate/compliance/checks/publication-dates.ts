import { LANDMARKS } from '../../../model/catalogue.js';
import { outcome, type Check, type CheckResult, type Finding } from '../check.js';

const DAYS_ALLOWED = 7;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The What Works Centre by the name it had on `date`: Foundations from 2024. */
export function whatWorksCentre(date: string): string {
  return date >= LANDMARKS.foundations.from ? 'Foundations (formerly the What Works Centre for Children\'s Social Care)' : 'the What Works Centre for Children\'s Social Care';
}

/**
 * Publish the report. The safeguarding partners' report (Working Together 2018 ch. 3, periods
 * from the partnership arrangements of 2019) also goes to the Child Safeguarding Practice
 * Review Panel and the What Works Centre for Children's Social Care (Foundations from 2024)
 * within seven days of publication; a board's report before then did not. Before publication
 * these are reminders.
 */
export const publicationDates: Check = {
  id: 'publication-dates',
  paths: ['report.yaml publication.date', 'report.yaml publication.sent_to_national_panel', 'report.yaml publication.sent_to_what_works_centre'],
  sections: ['about-this-report'],
  run({ report, at, today }): CheckResult {
    const publication = report.sections.report.publication;
    const published = publication?.date;
    const partnersReport = report.sections.report.period.start >= LANDMARKS.partnersReport.from;
    const reminder = (message: string): CheckResult => ({
      status: 'reminder',
      met: [],
      missing: [{ message, where: at('report', published ? ['publication', 'date'] : ['status']) }],
    });
    // Sent after publication: to the centre by the name it will have then (today's, until there is a date).
    const centre = whatWorksCentre(published && published > today ? published : today);
    const sendCopies = partnersReport ? `send a copy to the Child Safeguarding Practice Review Panel and to ${centre} within ${DAYS_ALLOWED} days, and record the dates` : undefined;
    if (report.sections.report.status === 'draft') return reminder(`Before publishing: set the publication date${sendCopies ? `, then ${sendCopies}` : ''}`);
    if (!published) return reminder(`Add the publication date (publication.date) when the report is published${sendCopies ? `, then ${sendCopies}` : ''}`);
    if (published > today) return reminder(`Publication is planned for ${published}${sendCopies ? `: then ${sendCopies}` : ''}`);

    const missing: Finding[] = [];
    const met: Finding[] = [{ message: `Published on ${published}`, where: at('report', ['publication', 'date']), quote: published }];
    if (!partnersReport) return outcome(missing, met);
    for (const field of ['sent_to_national_panel', 'sent_to_what_works_centre'] as const) {
      const sent = publication?.[field];
      const who = field === 'sent_to_national_panel' ? 'the Child Safeguarding Practice Review Panel' : whatWorksCentre(sent ?? published);
      if (!sent) {
        missing.push({ message: `No date is recorded for sending the report to ${who}: send it and record ${field}`, where: at('report', ['publication']) });
        continue;
      }
      const days = daysBetween(published, sent);
      const where = at('report', ['publication', field]);
      if (days < 0) missing.push({ message: `The report was sent to ${who} on ${sent}, before it was published on ${published}: check the dates`, where });
      else if (days > DAYS_ALLOWED) missing.push({ message: `The report was sent to ${who} ${days} days after publication; the guidance expects ${DAYS_ALLOWED} days at most`, where });
      else met.push({ message: `Sent to ${who} ${days} day${days === 1 ? '' : 's'} after publication`, where, quote: sent });
    }
    return outcome(missing, met);
  },
};
