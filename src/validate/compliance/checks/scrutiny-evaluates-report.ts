import { outcome, type Check } from '../check.js';

/** Working Together 2023: independent scrutiny evaluates the yearly report. */
export const scrutinyEvaluatesReport: Check = {
  id: 'scrutiny-evaluates-report',
  paths: ['scrutiny.yaml statement'],
  sections: ['scrutiny'],
  run({ report, at }) {
    if (!report.sections.scrutiny?.statement) {
      return outcome([{ message: 'There is no statement from the scrutineer on this report: add statement to scrutiny.yaml', where: at('scrutiny', report.sections.scrutiny ? ['findings'] : []) }], []);
    }
    return outcome([], [{ message: 'The scrutineer\'s statement on the report', where: at('scrutiny', ['statement']) }]);
  },
};
