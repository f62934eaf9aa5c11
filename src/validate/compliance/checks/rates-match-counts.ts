import { figureValue } from '../../../model/stated-figure.js';
import { outcome, type Check, type Finding } from '../check.js';

/** Figures hang together: a rate per 10,000 matches its count and the child population. */
export const ratesMatchCounts: Check = {
  id: 'rates-match-counts',
  paths: ['indicators.yaml indicators[].counts', 'report.yaml area.child_population'],
  sections: ['performance'],
  run({ report, at }) {
    const population = report.sections.report.area?.child_population;
    const missing: Finding[] = [];
    const met: Finding[] = [];
    report.sections.indicators?.indicators.forEach((indicator, i) => {
      // A district's rate is of the district's children, not the area's population.
      if (indicator.unit !== 'rate-per-10000' || indicator.area !== undefined) return;
      const rate = figureValue(indicator.values[report.year]);
      const count = indicator.counts?.[report.year];
      if (population === undefined || count === undefined || typeof rate !== 'number') return;
      const expected = (count / population) * 10_000;
      const where = at('indicators', ['indicators', i, 'values', report.year]);
      if (Math.abs(rate - expected) > Math.max(0.1, expected * 0.01)) {
        const number = (n: number) => n.toLocaleString('en-GB');
        missing.push({ message: `"${indicator.label}" is ${rate} per 10,000, but ${number(count)} children out of ${number(population)} is ${expected.toFixed(1)} per 10,000: check the count, the rate or the population`, where });
      } else {
        met.push({ message: `"${indicator.label}": ${rate} per 10,000 matches ${count} children`, where });
      }
    });
    if (missing.length === 0 && met.length === 0) return outcome([], [{ message: 'No rate is given with its count, so there is nothing to cross-check' }]);
    return outcome(missing, met);
  },
};
