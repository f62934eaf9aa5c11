import { outcome, type Check } from '../check.js';

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/**
 * Working Together 2015 ch. 3: the board's report lists what it spent, including on child
 * death reviews, serious case reviews and other expenditure such as training.
 */
export const boardSpending: Check = {
  id: 'board-spending',
  paths: ['funding.yaml spending'],
  sections: ['funding'],
  run({ report, at }) {
    const funding = report.sections.funding;
    const spending = funding?.spending ?? [];
    if (spending.length === 0) {
      return outcome(
        [{ message: 'The report does not say what the board spent: add spending to funding.yaml, an item and amount for each (child death reviews, serious case reviews, training...)', where: at('funding', funding ? ['summary'] : []) }],
        [],
      );
    }
    const total = spending.reduce((sum, row) => sum + row.amount, 0);
    return outcome([], [{ message: `${spending.length} spending item${spending.length === 1 ? '' : 's'}, ${pounds.format(total)} in all`, where: at('funding', ['spending']), quote: spending.slice(0, 3).map((row) => `${row.item}: ${pounds.format(row.amount)}`).join('; ') }]);
  },
};
