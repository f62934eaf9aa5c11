import type { CheckResult, Finding } from '../check.js';
import { quoteOf, written, type Check } from '../check.js';
import { gradeEvidence, type EvidenceGrade } from '../evidence-grade.js';

const OUTCOMES: ReadonlySet<EvidenceGrade> = new Set(['measured-outcome', 'attributed-outcome']);

const GRADE_WORDS: Record<EvidenceGrade, string> = {
  activity: 'activity (things done)',
  volume: 'volume (how much demand there was)',
  'measured-outcome': 'a measured outcome',
  'attributed-outcome': 'an outcome tied to the partnership\'s action',
};

/**
 * Working Together 2018 ch. 3: evidence of the impact of the partners' work on outcomes for
 * children and families. Graded as national reviewers grade it (DOMAIN.md): activity and
 * volume are context, not impact. A priority is met only by outcome evidence (a measure with a
 * better direction that moved, an audit, inspection or evaluation finding, before and after,
 * or an outcome tied to the partnership's action); activity or volume alone is partly met at
 * best. The structure of the data decides first (a linked indicator's polarity and figures,
 * the kind of evidence), the words only where there is none.
 */
export const priorityImpact: Check = {
  id: 'priority-impact',
  paths: ['priorities.yaml priorities[].impact'],
  sections: ['priorities'],
  run({ report, at }): CheckResult {
    const indicators = new Map(report.sections.indicators?.indicators.map((indicator) => [indicator.id, indicator]));
    const missing: Finding[] = [];
    const met: Finding[] = [];
    let withOutcome = 0;
    let contextOnly = 0;
    const priorities = report.sections.priorities.priorities;
    priorities.forEach((priority, p) => {
      const evidence = (priority.impact ?? []).flatMap((item, e) => {
        const text = written(item.evidence);
        return text === undefined ? [] : [{ ...item, evidence: text, e }];
      });
      if (evidence.length === 0) {
        missing.push({
          message: `"${priority.title}" has no evidence of impact: add what changed for children, families or practice, and how you know`,
          where: at('priorities', ['priorities', p, 'title']),
        });
        return;
      }
      const graded = evidence.map((item) => ({ item, ...gradeEvidence(item, indicators, report.year) }));
      const outcomes = graded.filter(({ grade }) => OUTCOMES.has(grade));
      if (outcomes.length > 0) {
        withOutcome++;
        const best = outcomes[0]!;
        met.push({
          message: `"${priority.title}": ${GRADE_WORDS[best.grade]}: ${best.why}`,
          where: at('priorities', ['priorities', p, 'impact', best.item.e, best.item.indicator ? 'indicator' : 'evidence']),
          quote: quoteOf(best.item.evidence),
        });
        return;
      }
      contextOnly++;
      const grades = [...new Set(graded.map(({ grade }) => GRADE_WORDS[grade]))];
      const first = graded[0]!;
      missing.push({
        message: `The impact evidence for "${priority.title}" is only ${grades.join(' and ')}, which is context, not impact (${first.why}). Say what changed for children, families or practice and how you know: a measure with a better direction that moved, an audit or evaluation finding, before and after`,
        where: at('priorities', ['priorities', p, 'impact', first.item.e, 'evidence']),
        quote: quoteOf(first.item.evidence),
      });
    });
    if (missing.length === 0) return { status: 'met', met, missing };
    // Some outcome evidence, or only activity and volume: partly met at best; nothing: not met.
    return { status: withOutcome > 0 || contextOnly > 0 ? 'partly-met' : 'not-met', met, missing };
  },
};
