import type { Indicator } from '../../../model/report-year.js';
import { outcome, type Check, type Finding } from '../check.js';
import { describesChange, describesMeasuredResult, describesOnlyActivity } from '../wording.js';

/** An indicator shows a movement when it has figures for at least two years. */
function showsMovement(indicator: Indicator | undefined): boolean {
  return indicator !== undefined && Object.values(indicator.values).filter((value) => value !== 'c').length >= 2;
}

/**
 * Working Together 2018 ch. 3: evidence of the impact of the partners' work on outcomes for
 * children and families. Impact is a measured or observed change (an indicator movement, an
 * audit finding, an evaluated outcome), not a count of meetings held or people trained.
 */
export const priorityImpact: Check = {
  id: 'priority-impact',
  paths: ['priorities.yaml priorities[].activity', 'priorities.yaml priorities[].impact'],
  sections: ['priorities'],
  run({ report, at }) {
    const indicators = new Map(report.sections.indicators?.indicators.map((indicator) => [indicator.id, indicator]));
    const missing: Finding[] = [];
    const met: Finding[] = [];
    report.sections.priorities.priorities.forEach((priority, p) => {
      const evidence = priority.impact ?? [];
      if (evidence.length === 0) {
        missing.push({
          message: `"${priority.title}" has no evidence of impact: add what changed for children, families or practice, and how you know`,
          where: at('priorities', ['priorities', p, 'title']),
        });
        return;
      }
      let changes = 0;
      let activityOnly = 0;
      evidence.forEach((item, e) => {
        const linked = item.indicator ? indicators.get(item.indicator) : undefined;
        const measured = item.kind !== 'observation' && describesMeasuredResult(item.evidence);
        if (showsMovement(linked) || describesChange(item.evidence) || measured) {
          changes++;
        } else if (describesOnlyActivity(item.evidence)) {
          activityOnly++;
          missing.push({
            message: `Impact evidence for "${priority.title}" counts activity rather than a change: "${item.evidence.slice(0, 80)}". Say what changed as a result`,
            where: at('priorities', ['priorities', p, 'impact', e, 'evidence']),
          });
        }
      });
      // Evidence that only counts activity has been pointed out item by item already.
      if (changes === 0 && activityOnly === 0) {
        missing.push({
          message: `The impact evidence for "${priority.title}" does not describe a change: say what rose, fell or improved, or link an indicator that shows it`,
          where: at('priorities', ['priorities', p, 'impact']),
        });
      }
      if (changes > 0) met.push({ message: `"${priority.title}": ${changes} piece${changes === 1 ? '' : 's'} of impact evidence`, where: at('priorities', ['priorities', p, 'impact']) });
    });
    return outcome(missing, met);
  },
};
