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
    // Feedback is used when the report says what changed because of it; an entry without a
    // change is listed by validate as not stated, and credits nothing here.
    const used = voice.feedback.map((item, i) => ({ item, i })).filter(({ item }) => item.changed !== undefined);
    if (used.length === 0) {
      return outcome([{ message: 'No feedback from children and families says what changed as a result: add changed to the entries in voice.yaml where the report says', where: at('voice', voice.feedback.length ? ['feedback'] : []) }], []);
    }
    return outcome([], used.map(({ item, i }) => ({ message: `"${item.title}": what changed as a result`, where: at('voice', ['feedback', i, 'changed']) })));
  },
};
