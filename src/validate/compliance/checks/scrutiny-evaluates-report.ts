import { LANDMARKS } from '../../../model/catalogue.js';
import { notApplicable, outcome, quoteOf, type Check } from '../check.js';

const WT2023 = LANDMARKS.workingTogether2023;

/**
 * Working Together 2023: independent scrutiny evaluates the yearly report. Not asked of a
 * period that ended before it (December 2023).
 */
export const scrutinyEvaluatesReport: Check = {
  id: 'scrutiny-evaluates-report',
  paths: ['scrutiny.yaml statement'],
  sections: ['scrutiny'],
  run({ report, at }) {
    const { end } = report.sections.report.period;
    if (end < WT2023.from) {
      return notApplicable(`The scrutineer's evaluation of the yearly report came with Working Together 2023 in ${WT2023.when}, after this period ended on ${end}`);
    }
    if (!report.sections.scrutiny?.statement) {
      return outcome([{ message: 'There is no statement from the scrutineer on this report: add statement to scrutiny.yaml', where: at('scrutiny', report.sections.scrutiny ? ['findings'] : []) }], []);
    }
    return outcome([], [{ message: 'The scrutineer\'s statement on the report', where: at('scrutiny', ['statement']), quote: quoteOf(report.sections.scrutiny.statement) }]);
  },
};
