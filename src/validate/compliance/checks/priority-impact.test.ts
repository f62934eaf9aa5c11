import { describe, expect, it } from 'vitest';
import { demoReport, runCheck } from '../../../../test/report-fixture.js';
import { scaffoldedReport } from '../../../../test/scaffold-fixture.js';
import { priorityImpact } from './priority-impact.js';

describe('priority-impact', () => {
  it('is met when every priority shows an outcome, quoting it', async () => {
    const result = runCheck(priorityImpact, await demoReport());
    expect(result.status).toBe('met');
    expect(result.met.every((finding) => finding.quote && finding.where?.line)).toBe(true);
  });

  it('is partly met when one priority has no evidence of impact', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => delete r.sections.priorities.priorities[0]!.impact));
    expect(result.status).toBe('partly-met');
    expect(result.missing[0]!.message).toMatch(/has no evidence of impact/);
  });

  it('is not met when no priority has any evidence at all', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => r.sections.priorities.priorities.forEach((p) => delete p.impact)));
    expect(result.status).toBe('not-met');
  });

  it('does not count activity as impact: meetings held, briefings run, people trained', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => {
      // seed 001:L640-ish wording: what a subgroup did, offered as its difference.
      r.sections.priorities.priorities[1]!.impact = [{ evidence: 'The subgroup held six meetings and ran four briefings for practitioners.', kind: 'observation' }];
    }));
    expect(result.status).toBe('partly-met');
    expect(result.missing[0]!.message).toMatch(/is only activity \(things done\), which is context, not impact/);
    expect(result.missing[0]!.quote).toBe('The subgroup held six meetings and ran four briefings for practitioners.');
  });

  it('does not count volume as impact: demand counted, however large', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => {
      // seed 001: "29,563 contacts were received" is the front door's demand, not a change for children.
      r.sections.priorities.priorities[0]!.impact = [{ evidence: 'The front door received 29,563 contacts during the year.', kind: 'observation' }];
    }));
    expect(result.status).toBe('partly-met');
    expect(result.missing[0]!.message).toMatch(/is only volume/);
  });

  it('reads a linked indicator with no better direction as volume, whatever the words say', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => {
      const neither = r.sections.indicators!.indicators.find((indicator) => indicator.polarity === 'neither')!;
      r.sections.priorities.priorities[0]!.impact = [{ evidence: 'Contacts improved greatly.', kind: 'indicator', indicator: neither.id }];
    }));
    expect(result.status).toBe('partly-met');
    expect(result.missing[0]!.message).toMatch(/has no better direction \(polarity neither\)/);
  });

  it('counts an outcome indicator that moved the wrong way as a measured outcome, and says which way', async () => {
    const report = await demoReport();
    const outcome = report.sections.indicators!.indicators.find((indicator) => indicator.polarity !== 'neither' && Object.keys(indicator.values).length >= 2)!;
    const result = runCheck(priorityImpact, await demoReport((r) => {
      const indicator = r.sections.indicators!.indicators.find((i) => i.id === outcome.id)!;
      const years = Object.keys(indicator.values).sort().slice(-2);
      // Make the latest year worse than the one before, by the indicator's own polarity.
      indicator.values[years[0]!] = 50;
      indicator.values[years[1]!] = indicator.polarity === 'higher-is-better' ? 40 : 60;
      r.sections.priorities.priorities[0]!.impact = [{ evidence: 'See the figure.', kind: 'indicator', indicator: outcome.id }];
    }));
    expect(result.status).toBe('met');
    expect(result.met[0]!.message).toMatch(/moved the wrong way/);
  });

  it('counts a parent\'s own words about a change as an outcome, not activity', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => {
      r.sections.priorities.priorities[2]!.impact = [{ evidence: 'A mother told the review that her family now gets help before things reach crisis point, which never happened before.', kind: 'feedback' }];
    }));
    expect(result.status).toBe('met');
  });

  it('counts a measured result and a described change', async () => {
    const result = runCheck(priorityImpact, await demoReport((r) => {
      const [, second, third] = r.sections.priorities.priorities;
      second!.impact = [{ evidence: 'The re-audit found 72% of plans now record the child\'s views, up from 41% at the baseline.', kind: 'audit' }];
      third!.impact = [{ evidence: 'Fewer children went missing from care after return home interviews were offered within 72 hours.', kind: 'observation' }];
    }));
    expect(result.status).toBe('met');
  });

  it('does not count placeholders or a linked indicator with no figures yet', async () => {
    const result = runCheck(priorityImpact, await scaffoldedReport(['2024-25'], (r) => {
      r.sections.priorities.priorities[0]!.impact![0]!.indicator = r.sections.indicators!.indicators[0]!.id;
    }));
    expect(result.status).not.toBe('met');
    expect(result.met).toEqual([]);
  });
});
