import { outcome, quoteOf, unwritten, written, type Check } from '../check.js';
import { admitsNoEvidence, showsPracticeChange } from '../wording.js';

/**
 * Working Together 2018 ch. 3: the impact of the partners' work "including training". Reviewers
 * found training evaluation rarely went beyond attendance and satisfaction.
 */
export const trainingImpact: Check = {
  id: 'training-impact',
  paths: ['training.yaml evaluation.impact_on_practice'],
  sections: ['training'],
  run({ report, at }) {
    const training = report.sections.training;
    if (!training) return outcome([{ message: 'There is no training.yaml: say what multi-agency training was delivered and what difference it made to practice', where: at('training') }], []);
    const text = written(training.evaluation?.impact_on_practice);
    if (text === undefined) {
      return unwritten(report, [{ message: 'The report does not say whether training changed practice: add evaluation.impact_on_practice to training.yaml, saying what practitioners now do differently and how you know', where: at('training', training.evaluation ? ['evaluation'] : []) }]);
    }
    const where = at('training', ['evaluation', 'impact_on_practice']);
    if (admitsNoEvidence(text)) {
      return outcome(
        [{ message: 'The report itself says there is little or no evidence that training changed practice: evaluate it later (a follow-up some months on, an audit, case records) and report what changed', where }],
        [],
      );
    }
    if (!showsPracticeChange(text)) {
      return outcome(
        [{ message: 'The evaluation of training does not show a change in practice: say what practitioners now do differently and how you know (a follow-up some months later, an audit, case records, supervision)', where }],
        [],
      );
    }
    return outcome([], [{ message: 'The evaluation describes a change in practice', where, quote: quoteOf(text) }]);
  },
};
