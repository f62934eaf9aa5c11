import { outcome, quoteOf, unwritten, wordCount, written, type Check } from '../check.js';

const MINIMUM_WORDS = 40;

/** Children Act 2004 s16G: how effective the arrangements have been in practice. */
export const effectivenessAssessment: Check = {
  id: 'effectiveness-assessment',
  paths: ['report.yaml effectiveness.assessment'],
  sections: ['effectiveness'],
  run({ report, at }) {
    const where = at('report', ['effectiveness', 'assessment']);
    const given = report.sections.report.effectiveness?.assessment;
    const text = written(given);
    if (text === undefined) {
      const message = given === undefined
        ? 'The report gives no overall assessment of how effective the arrangements have been: add effectiveness.assessment to report.yaml'
        : 'effectiveness.assessment holds only placeholders, prompts or unanswered questions: write the partners\' judgement of how effective the arrangements have been, with evidence';
      return unwritten(report, [{ message, where: given === undefined ? at('report', report.sections.report.effectiveness ? ['effectiveness'] : []) : where }]);
    }
    const words = wordCount(text);
    if (words < MINIMUM_WORDS) {
      return outcome(
        [{ message: `The assessment of effectiveness has ${words} words: say, with evidence, how well the arrangements worked in practice and where they did not (at least ${MINIMUM_WORDS} words)`, where }],
        [],
      );
    }
    return outcome([], [{ message: `An overall assessment of ${words} words`, where, quote: quoteOf(text) }]);
  },
};
