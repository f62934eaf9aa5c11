import { outcome, type Check } from '../check.js';

/**
 * Children Act 2004 s14A, Working Together 2015 ch. 3: the board's independent chair prepares
 * and publishes its yearly report. The chair is named in partnership.yaml.
 */
export const lscbChairReport: Check = {
  id: 'lscb-chair-report',
  paths: ['partnership.yaml chair'],
  sections: ['about'],
  run({ report, at }) {
    const chair = report.partnership.chair;
    if (!chair) {
      return outcome([{ message: 'The board\'s independent chair, who publishes the report, is not named: add chair: to partnership.yaml with their name and role', where: at('partnership') }], []);
    }
    return outcome([], [{ message: `The board's chair, ${chair.name} (${chair.role}), publishes the report`, where: at('partnership', ['chair']), quote: `${chair.name}, ${chair.role}` }]);
  },
};
