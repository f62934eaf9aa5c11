import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { effectivenessAssessment } from './effectiveness-assessment.js';

describe('effectiveness-assessment', () => {
  it('is met by a substantive assessment', async () => {
    expect(runCheck(effectivenessAssessment, await demoReport()).status).toBe('met');
  });
  it('is not met by a token sentence', async () => {
    const result = runCheck(effectivenessAssessment, await demoReport((r) => (r.sections.report.effectiveness.assessment = 'The arrangements are effective.')));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/has 4 words/);
    expect(result.missing[0]!.where?.line).toBeGreaterThan(1);
  });

  // The case, as a Word template leaves it: a placeholder line, five unanswered
  // questions (Working Together's own prompts) and three empty bullets, 98 words in all.
  const TEMPLATE = [
    'TO BE COMPLETED BY THE BUSINESS MANAGER ONCE THE PARTNERS HAVE AGREED THE FINAL WORDING OF THIS SECTION OF THE ANNUAL REPORT.',
    '',
    'How effective have the arrangements been in practice over the last twelve months for children and families in the area?',
    'What evidence do the safeguarding partners have of the impact of their work on outcomes for children and families locally?',
    'Where has there been little or no evidence of progress on the priorities the partners agreed at the start of the year?',
    'What has the independent scrutineer said about how well the arrangements are working and what should happen next?',
    'How have the views of children, young people and families shaped the way the arrangements have worked this year?',
    '',
    '-',
    '-',
    '-',
  ].join('\n');

  it('is not met by a field of placeholders, unanswered questions and empty bullets, however many words', async () => {
    const report = await demoReport((r) => (r.sections.report.effectiveness!.assessment = TEMPLATE));
    expect(TEMPLATE.split(/\s+/).filter((word) => /\w/.test(word)).length).toBeGreaterThan(90);
    const result = runCheck(effectivenessAssessment, report);
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/only placeholders, prompts or unanswered questions/);
    expect(result.met).toEqual([]);
  });

  it('is to do, not failed, while the report is a draft', async () => {
    const report = await demoReport((r) => {
      r.sections.report.effectiveness!.assessment = TEMPLATE;
      r.sections.report.status = 'draft';
    });
    expect(runCheck(effectivenessAssessment, report).status).toBe('reminder');
  });

  it('counts only the written words when a real assessment is padded with prompts', async () => {
    const real = 'The partners judge the arrangements effective.';
    const result = runCheck(effectivenessAssessment, await demoReport((r) => (r.sections.report.effectiveness!.assessment = `${real}\n\n${TEMPLATE}`)));
    expect(result.status).toBe('not-met');
    expect(result.missing[0]!.message).toMatch(/has 6 words/);
  });
});
