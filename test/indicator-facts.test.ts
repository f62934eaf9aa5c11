import { describe, expect, it } from 'vitest';
import type { Indicator } from '../src/model/report-year.js';
import { indicatorFacts, yearBefore } from '../src/render/indicator-facts.js';

const names = { england: 'England', region: 'West Midlands', statistical_neighbours: 'Statistical neighbours' };
const policy = { threshold: 5 };
const base: Indicator = { id: 'x', label: 'Assessments completed within 45 working days', group: 'g', unit: 'percentage', polarity: 'higher-is-better', values: {} };
const facts = (change: Partial<Indicator>) => indicatorFacts({ ...base, ...change }, '2022-23', names, policy);

describe('derived facts about a figure', () => {
  it('knows the year before', () => {
    expect(yearBefore('2022-23')).toBe('2021-22');
    expect(yearBefore('2000-01')).toBe('1999-00');
  });

  it('judge the direction by the indicator\'s polarity', () => {
    expect(facts({ values: { '2021-22': 81.7, '2022-23': 86.2 } })).toMatchObject({ change: 4.5, direction: 'improving', directionWords: 'Better than 2021-22' });
    expect(facts({ polarity: 'lower-is-better', values: { '2021-22': 81.7, '2022-23': 86.2 } })).toMatchObject({ direction: 'worsening', directionWords: 'Worse than 2021-22' });
    expect(facts({ polarity: 'neither', values: { '2021-22': 81.7, '2022-23': 80.2 } })).toMatchObject({ direction: 'changed', directionWords: 'Down on 2021-22' });
  });

  it('claim no better or worse when the report does not say which way is better', () => {
    const unsaid = facts({ polarity: undefined, values: { '2021-22': 81.7, '2022-23': 86.2 } });
    expect(unsaid).toMatchObject({ direction: 'changed', directionWords: 'Up on 2021-22' });
    expect(unsaid.sentence).not.toMatch(/better|worse/i);
    const alone = facts({ polarity: undefined, values: { '2022-23': 78 }, comparators: { england: { '2022-23': 83 } } });
    expect(alone.direction).toBeUndefined();
    expect(alone.sentence).not.toMatch(/better|worse/i);
  });

  it('see no change where the printed figures are the same', () => {
    const same = facts({ values: { '2021-22': 23.04, '2022-23': 23.01 } });
    expect(same).toMatchObject({ change: 0, direction: 'no-change' });
    expect(same.sentence).toBe('Assessments completed within 45 working days stayed at 23.0% in 2022-23, the same as in 2021-22.');
  });

  it('place the figure against each comparator, noting an older comparator\'s year', () => {
    const result = facts({ values: { '2022-23': 78 }, comparators: { england: { '2022-23': 83 }, region: { '2022-23': 85 }, statistical_neighbours: { '2021-22': 78 } } });
    expect(result.comparisons.map((c) => [c.name, c.position, c.year])).toEqual([
      ['England', 'below', '2022-23'],
      ['West Midlands', 'below', '2022-23'],
      ['Statistical neighbours', 'the same as', '2021-22'],
    ]);
    expect(result.sentence).toBe(
      'Assessments completed within 45 working days: 78.0% in 2022-23, below the England average of 83.0% and the West Midlands average of 85.0%, ' +
        'and the same as the average of statistical neighbours of 78.0% (for 2021-22). Higher is better.',
    );
    expect(result).toMatchObject({ direction: 'worsening', directionWords: 'Worse than England' });
  });

  it('say rates per 10,000 children in words', () => {
    const result = facts({ label: 'Children in care', unit: 'rate-per-10000', polarity: 'neither', values: { '2021-22': 82, '2022-23': 80.1 }, comparators: { england: { '2022-23': 70 } } });
    expect(result.sentence).toBe('Children in care fell from 82.0 per 10,000 children in 2021-22 to 80.1 per 10,000 children in 2022-23, above the England average of 70.0 per 10,000 children.');
  });
});
