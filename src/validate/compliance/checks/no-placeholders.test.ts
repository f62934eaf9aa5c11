import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { noPlaceholders } from './no-placeholders.js';

describe('no-placeholders', () => {
  it('is met by finished text', async () => {
    expect(runCheck(noPlaceholders, await demoReport()).status).toBe('met');
  });
  it.each([
    ['TO BE COMPLETED', 'to be completed'],
    ['To be confirmed', 'to be completed'],
    ['Attendance: (to be added)', 'to be completed'],
    ['Figures TBC', 'TBC'],
    ['TODO: add the audit', 'TODO'],
    ['XX children were referred', 'XX'],
    ['Lorem ipsum dolor sit amet', 'lorem ipsum'],
    ['[Insert chair\'s name]', '[insert ...]'],
    ['##\n\nText', 'an empty heading'],
  ])('finds "%s" in the raw data of a final report', async (text, name) => {
    const report = await demoReport();
    const file = report.sources.files.voice!;
    const original = file.data;
    file.data = { ...(original as object), summary: text };
    try {
      const result = runCheck(noPlaceholders, report);
      expect(result.status).toBe('not-met');
      expect(result.missing[0]!.message).toBe(`Placeholder text (${name}) is still in summary: finish the text before publishing`);
      expect(result.missing[0]!.where?.file).toMatch(/voice\.yaml$/);
    } finally {
      file.data = original;
    }
  });
  it('reads "to be completed" inside a sentence as prose, not a placeholder', async () => {
    const report = await demoReport();
    const file = report.sources.files.voice!;
    const original = file.data;
    file.data = { ...(original as object), summary: 'Two practice reviews continue to be completed after criminal proceedings end.' };
    try {
      expect(runCheck(noPlaceholders, report).status).toBe('met');
    } finally {
      file.data = original;
    }
  });

  it('reminds rather than fails while the report is a draft', async () => {
    const report = await demoReport((r) => (r.sections.report.status = 'draft'));
    const file = report.sources.files.voice!;
    const original = file.data;
    file.data = { ...(original as object), summary: 'TBC' };
    try {
      expect(runCheck(noPlaceholders, report).status).toBe('reminder');
    } finally {
      file.data = original;
    }
  });
});
