import { outcome, type Check } from '../check.js';

/** Working Together 2018 ch. 3: how the partners sought and used feedback from children and families. */
export const feedbackChanged: Check = {
  id: 'feedback-changed',
  paths: ['voice.yaml feedback[].heard', 'voice.yaml feedback[].changed'],
  sections: ['voice'],
  run({ report, at }) {
    const voice = report.sections.voice;
    if (!voice) {
      return outcome([{ message: 'There is no voice.yaml: say how you sought feedback from children and families, what you heard and what you changed', where: at('voice') }], []);
    }
    return outcome([], voice.feedback.map((item, i) => ({ message: `"${item.title}": what was heard and what changed`, where: at('voice', ['feedback', i, 'changed']) })));
  },
};
