import { outcome, type Check, type CheckResult, type Finding } from '../check.js';

const DAYS_ALLOWED = 7;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Working Together 2018 ch. 3: publish the report, and send a copy to the Child Safeguarding
 * Practice Review Panel and the What Works Centre for Children's Social Care (Foundations
 * from 2024) within seven days of publication. Before publication these are reminders.
 */
export const publicationDates: Check = {
  id: 'publication-dates',
  paths: ['report.yaml publication.date', 'report.yaml publication.sent_to_national_panel', 'report.yaml publication.sent_to_what_works_centre'],
  sections: ['about-this-report'],
  run({ report, at, today }): CheckResult {
    const publication = report.sections.report.publication;
    const published = publication?.date;
    const reminder = (message: string): CheckResult => ({
      status: 'reminder',
      met: [],
      missing: [{ message, where: at('report', published ? ['publication', 'date'] : ['status']) }],
    });
    const sendMessage = `send a copy to the Child Safeguarding Practice Review Panel and to the What Works Centre for Children's Social Care (Foundations) within ${DAYS_ALLOWED} days, and record the dates`;
    if (report.sections.report.status === 'draft') return reminder(`Before publishing: set the publication date, then ${sendMessage}`);
    if (!published) return reminder(`Add the publication date (publication.date) when the report is published, then ${sendMessage}`);
    if (published > today) return reminder(`Publication is planned for ${published}: then ${sendMessage}`);

    const missing: Finding[] = [];
    const met: Finding[] = [{ message: `Published on ${published}`, where: at('report', ['publication', 'date']) }];
    const recipients = [
      ['sent_to_national_panel', 'the Child Safeguarding Practice Review Panel'],
      ['sent_to_what_works_centre', 'the What Works Centre (Foundations)'],
    ] as const;
    for (const [field, who] of recipients) {
      const sent = publication?.[field];
      if (!sent) {
        missing.push({ message: `No date is recorded for sending the report to ${who}: send it and record ${field}`, where: at('report', ['publication']) });
        continue;
      }
      const days = daysBetween(published, sent);
      const where = at('report', ['publication', field]);
      if (days < 0) missing.push({ message: `The report was sent to ${who} on ${sent}, before it was published on ${published}: check the dates`, where });
      else if (days > DAYS_ALLOWED) missing.push({ message: `The report was sent to ${who} ${days} days after publication; the guidance expects ${DAYS_ALLOWED} days at most`, where });
      else met.push({ message: `Sent to ${who} ${days} day${days === 1 ? '' : 's'} after publication`, where });
    }
    return outcome(missing, met);
  },
};
