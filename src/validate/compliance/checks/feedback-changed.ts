import { outcome, written, type Check, type Finding } from '../check.js';
import { clausesOf, excerpt, normalise, sentencesOf } from '../prose.js';

/**
 * Words that say nothing changed, or not yet, or that the report does not say: "The report
 * does not say what changed", "Not stated", "No changes yet", "To be confirmed".
 */
const NO_CHANGE =
  /\b(?:(?:does|do|did)\s+not\s+(?:say|state|record|show|describe|set out|report)|doesn't\s+say|not\s+(?:yet\s+)?(?:stated|known|recorded|reported|described|given|clear|available|confirmed|decided|agreed)|no\s+(?:changes?|actions?|outcomes?)\s+(?:yet|so far|to date|(?:has|have)\s+been|were|was|are|is)|nothing\s+(?:has\s+)?(?:yet\s+)?changed|no\s+changes?\s*$|to\s+be\s+(?:confirmed|decided|agreed|determined|completed|added|reported)|\bTBC\b|\bTBA\b|\bn\/a\b|not\s+applicable|^\s*(?:unknown|none|awaiting|pending)\b)/i;
/** A promise or a plan, not a change: "We will consider the findings", "Plans to review...". */
const ONLY_INTENT = /^(?:we|the\s+[\w' -]+?|partners|it|they|this|these)?\s*(?:will|would|shall|may|might|could|should|intends?\s+to|plans?\s+to|aims?\s+to|hopes?\s+to|is\s+going\s+to|are\s+going\s+to|are\s+to|is\s+to|wants?\s+to|need\s+to|needs\s+to|(?:is|are)\s+(?:considering|planning|exploring|looking\s+at))\b|^(?:to\s+be\s+|consider(?:ing)?\b|plans?\s+(?:are|is)\b|next\s+steps?\b)/i;

/** A pledge, proposal or recommendation anywhere in a clause: a promise of change, not one made. */
const PROMISE = /\b(?:pledges?|pledged|proposed?|proposes|proposals?|suggested|suggests|recommended|recommends|recommendations?|promised|promises|committed\s+to|would)\b/i;

/** "An action plan to be approved": still to happen, unless the clause also says what was done. */
function stillToHappen(clause: string): boolean {
  return /\bto\s+be\s+\w+(?:ed|en)\b/i.test(clause) && !/\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+\w+(?:ed|en)\b/i.test(clause);
}

/** How much of a sentence's wording is already in what was heard: a restatement, not a change. */
function restates(sentence: string, heard: string | undefined): boolean {
  if (!heard) return false;
  const words = normalise(sentence).split(' ').filter((w) => w.length > 3);
  if (words.length === 0) return true;
  const said = new Set(normalise(heard).split(' '));
  return words.filter((w) => said.has(w)).length / words.length >= 0.8;
}

/**
 * The sentence of `changed` that describes a change: one with a clause that is not "not
 * stated", "no changes yet", a plan or promise ("we will consider", "members pledged"), or
 * what was heard said again.
 * Placeholders and prompts are taken out first; undefined when no sentence describes a change.
 */
export function changeDescribed(changed: string | undefined, heard?: string): string | undefined {
  const content = written(changed);
  if (!content) return undefined;
  return sentencesOf(content).find((sentence) =>
    clausesOf(sentence).some((clause) => !NO_CHANGE.test(clause) && !ONLY_INTENT.test(clause.trim()) && !PROMISE.test(clause) && !stillToHappen(clause) && !restates(clause, heard)),
  );
}

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
    // Feedback is used when the report says what changed because of it. Feedback from outside
    // the period (context: true) is background, not this year's use of what was heard.
    const used: Finding[] = [];
    const unused: Finding[] = [];
    voice.feedback.forEach((item, i) => {
      if (item.context || item.changed === undefined) return;
      const change = changeDescribed(item.changed, item.heard);
      if (change) {
        used.push({ message: `"${item.title}": what changed as a result`, where: at('voice', ['feedback', i, 'changed']), quote: excerpt(change) });
      } else {
        unused.push({
          message: `"${item.title}": what changed does not describe a change (it says nothing changed yet, that the report does not say, what will be considered, or what was heard): say what the partners did differently because of this feedback, or leave changed out until the report can say`,
          where: at('voice', ['feedback', i, 'changed']),
          quote: excerpt(item.changed.replace(/\s+/g, ' ').trim()),
        });
      }
    });
    if (used.length === 0) {
      return outcome(
        [
          { message: 'No feedback from children and families says what changed as a result: add changed to the entries in voice.yaml where the report says', where: at('voice', voice.feedback.length ? ['feedback'] : []) },
          ...unused,
        ],
        [],
      );
    }
    return outcome([], used);
  },
};
