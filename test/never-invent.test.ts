/**
 * The page states only what the data says, or what a documented derivation of it gives: no
 * total the data does not state, shares of the total it does state, direction words decided by
 * the numbers they describe, and a missing year shown as a gap rather than closed up.
 */
import { describe, expect, it } from 'vitest';
import { figuresOf } from '../src/render/figures.js';
import { renderHtml } from '../src/render/html.js';
import { everyYear } from '../src/render/indicator-view.js';
import { themeFor } from '../src/render/theme.js';
import { buildView } from '../src/render/view-model.js';
import type { ReportData } from '../src/index.js';
import { demoReport } from './report-fixture.js';

/** The demo's page, as text without tags, after `change`. */
async function pageText(change: (report: ReportData) => void): Promise<string> {
  const report = await demoReport(change);
  const html = await renderHtml(buildView(report, { theme: themeFor(report.partnership), stylesheetHref: 'assets/report.css' }));
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the build never invents', () => {
  it('adds up no course rows into a total of people trained that the data does not state', async () => {
    // Courses whose attendance adds up to a number written nowhere in the data.
    const text = await pageText((r) => {
      r.sections.training!.courses = [
        { title: 'Neglect and the Graded Care Profile', delegates: 401 },
        { title: 'Child exploitation', delegates: 386 },
      ];
    });
    expect(text).toContain('Neglect and the Graded Care Profile');
    expect(text).not.toContain('787');
    expect(text).not.toContain('people attended multi-agency courses');
  });

  it('says knowledge scores rose, fell or stayed, as the two scores say', async () => {
    const say = (before: number, after: number) =>
      pageText((r) => Object.assign(r.sections.training!.evaluation, { knowledge_before: before, knowledge_after: after }));
    expect(await say(52.4, 86.7)).toContain('Average knowledge scores rose from 52.4% before training to 86.7% after it.');
    expect(await say(71, 64.5)).toContain('Average knowledge scores fell from 71.0% before training to 64.5% after it.');
    expect(await say(80, 80.01)).toContain('Average knowledge scores were 80.0% both before and after training.');
  });

  it('gives a breakdown\'s shares of the total the report states, not of the sum of its parts', async () => {
    const report = await demoReport((r) => {
      r.sections.indicators!.breakdowns = [
        { id: 'ages', label: 'Children on plans by age', group: 'Child protection', unit: 'count', total: 50, parts: [{ label: 'Under 5', value: 39 }, { label: '5 and over', value: 9 }] },
      ];
    });
    const table = figuresOf(report, themeFor(report.partnership)).breakdowns[0]!.table;
    // 39 of the stated 50 is 78%; of the parts' sum, 48, it would be 81.3%.
    expect(table.rows.map((row) => row.cells)).toEqual([['39', '78.0%'], ['9', '18.0%']]);
    expect(table.total).toBe('50');
  });

  it('gives each partner\'s share of the budget the report states', async () => {
    const text = await pageText((r) => {
      r.sections.funding!.contributions = [{ partner: 'Council', amount: 60000 }, { partner: 'Police', amount: 30000 }];
      r.sections.funding!.total = 100000;
    });
    expect(text).toMatch(/Council £60,000 60\.0%/);
    expect(text).toMatch(/Police £30,000 30\.0%/);
  });

  it('draws a year with no figure as a gap in the line, not closed up', async () => {
    expect(everyYear(['2019-20', '2021-22', '2022-23'])).toEqual(['2019-20', '2020-21', '2021-22', '2022-23']);
    expect(everyYear(['2099-00', '2101-02'])).toEqual(['2099-00', '2100-01', '2101-02']);
    expect(everyYear(['Q1', 'Q3'])).toEqual(['Q1', 'Q3']);
    const report = await demoReport((r) => {
      const indicator = r.sections.indicators!.indicators[0]!;
      indicator.values = { '2019-20': 30, '2021-22': 32, '2022-23': 31 };
      delete indicator.comparators;
      delete indicator.quarters;
    });
    const first = report.sections.indicators!.indicators[0]!;
    const chart = figuresOf(report, themeFor(report.partnership)).indicators.get(first.id)!.charts[0]!;
    expect(chart.kind).toBe('line');
    expect(chart.labels).toEqual(['2019-20', '2020-21', '2021-22', '2022-23']);
    expect(chart.datasets[0]!.values).toEqual([30, null, 32, 31]);
  });
});
