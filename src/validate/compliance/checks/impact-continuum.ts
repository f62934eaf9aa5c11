import { CONTINUUM_STAGES } from '../../../model/report-year.js';
import { outcome, type Check } from '../check.js';

const STAGE_WORDS: Record<(typeof CONTINUUM_STAGES)[number], string> = {
  'early-help': 'early help',
  'children-in-need': 'children in need',
  'child-protection': 'child protection',
  'looked-after-children': 'looked-after children',
  'care-leavers': 'care leavers',
};

/** Working Together 2018 ch. 3: impact on outcomes "from early help to looked-after children and care leavers". */
export const impactContinuum: Check = {
  id: 'impact-continuum',
  paths: ['priorities.yaml priorities[].continuum'],
  sections: ['priorities', 'performance'],
  run({ report, at }) {
    const covered = new Set(
      report.sections.priorities.priorities.filter((priority) => (priority.impact ?? []).length > 0).flatMap((priority) => priority.continuum ?? []),
    );
    const gaps = CONTINUUM_STAGES.filter((stage) => !covered.has(stage));
    const where = at('priorities', ['priorities']);
    if (gaps.length > 0) {
      return outcome(
        [{ message: `No priority with impact evidence covers ${gaps.map((stage) => STAGE_WORDS[stage]).join(', ')}: add the stage to a priority's continuum where its evidence covers it, or add evidence for it`, where }],
        covered.size ? [{ message: `Covered: ${[...covered].map((stage) => STAGE_WORDS[stage]).join(', ')}`, where }] : [],
      );
    }
    return outcome([], [{ message: 'Impact evidence covers every stage from early help to care leavers', where }]);
  },
};
