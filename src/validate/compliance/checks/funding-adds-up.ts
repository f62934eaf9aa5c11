import { outcome, type Check } from '../check.js';

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** Working Together 2018 ch. 3: funding agreed by the partners, equitable and proportionate. */
export const fundingAddsUp: Check = {
  id: 'funding-adds-up',
  paths: ['funding.yaml contributions', 'funding.yaml total'],
  sections: ['funding'],
  run({ report, at }) {
    const funding = report.sections.funding;
    if (!funding) return outcome([{ message: 'There is no funding.yaml: give each partner\'s contribution and the total', where: at('funding') }], []);
    if (!funding.contributions || funding.total === undefined) {
      return outcome([{ message: 'Funding is described but not given as each partner\'s contribution and a total', where: at('funding', ['summary']) }], []);
    }
    const sum = funding.contributions.reduce((total, row) => total + row.amount, 0);
    if (Math.abs(sum - funding.total) >= 0.5) {
      return outcome([{ message: `The contributions add up to ${pounds.format(sum)}, not the stated total of ${pounds.format(funding.total)}`, where: at('funding', ['total']) }], []);
    }
    return outcome([], [{ message: `${funding.contributions.length} contributions add up to ${pounds.format(funding.total)}`, where: at('funding', ['contributions']) }]);
  },
};
