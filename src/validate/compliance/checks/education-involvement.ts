import { outcome, quoteOf, type Check } from '../check.js';

/**
 * Working Together 2023: education settings have a strategic role in the arrangements. Not
 * gated by period, unlike the roles Working Together 2023 created: schools, colleges and early
 * years settings took part in the arrangements before it too, so describing how is never
 * asking for something that did not exist.
 */
export const educationInvolvement: Check = {
  id: 'education-involvement',
  paths: ['report.yaml arrangements.education', 'partnership.yaml relevant_agencies'],
  sections: ['about'],
  run({ report, at }) {
    const text = report.sections.report.arrangements?.education;
    if (!text) {
      return outcome([{ message: 'The report does not say how education settings are involved: add arrangements.education to report.yaml', where: at('report', ['arrangements']) }], []);
    }
    return outcome([], [{ message: 'The report describes education\'s part in the arrangements', where: at('report', ['arrangements', 'education']), quote: quoteOf(text) }]);
  },
};
