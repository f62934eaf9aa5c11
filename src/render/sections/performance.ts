/** What the figures tell us: every indicator and breakdown, in the groups indicators.yaml gives. */
import type { BreakdownView, IndicatorView } from '../indicator-view.js';
import type { SafeHtml } from '../markdown.js';
import { md, type SectionDefinition } from './section.js';

interface Group {
  id: string;
  title: string;
  indicators: IndicatorView[];
  breakdowns: BreakdownView[];
}

export interface PerformanceView {
  introHtml?: SafeHtml;
  /** Said once, when any figure is hidden to protect children's privacy. */
  suppressionKey?: string;
  groups: Group[];
}

export const performance: SectionDefinition<PerformanceView> = {
  title: 'What the figures tell us',
  view({ data, figures, policy }) {
    const file = data.indicators;
    if (!file) return undefined;
    const groups = new Map<string, Omit<Group, 'id'>>();
    const groupFor = (title: string) => {
      let group = groups.get(title);
      if (!group) groups.set(title, (group = { title, indicators: [], breakdowns: [] }));
      return group;
    };
    for (const indicator of file.indicators) groupFor(indicator.group).indicators.push(figures.indicators.get(indicator.id)!);
    (file.breakdowns ?? []).forEach((breakdown, index) => groupFor(breakdown.group).breakdowns.push(figures.breakdowns[index]!));
    const anySuppressed = [...figures.indicators.values()].some((view) => view.suppressed) || figures.breakdowns.some((view) => view.suppressed);
    return {
      introHtml: md(file.introduction),
      suppressionKey: anySuppressed
        ? `c: not published, to protect children's privacy. Counts of 1 to ${policy.threshold} are not shown, nor any figure from which one could be worked out.`
        : undefined,
      groups: [...groups.values()].map((group, index) => ({ ...group, id: `performance-${index + 1}` })),
    };
  },
};
