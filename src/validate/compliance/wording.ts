/**
 * How a check tells a change for children from a count of activity, in the words people
 * write. National reviewers' most common finding is a report that lists meetings held and
 * people trained but never says what changed; these patterns find that.
 */

/** Words that report a change or a measured result. */
const CHANGE = new RegExp(
  [
    String.raw`\b(rose|risen|rising|fell|fallen|falling|increased?|increasing|decreased?|decreasing|reduced?|reducing|reduction|improved?|improving|improvement|worsened?|dropped|doubled|halved|declined?)\b`,
    String.raw`\bfrom \S+ to \S+`,
    String.raw`\b(up|down) (from|to|by)\b`,
    String.raw`\b(more|fewer|less|lower|higher|better|worse|faster|quicker|sooner|earlier) (than|children|families|young|referrals|cases|often|quickly|likely)\b`,
    String.raw`\bnow\b`,
    String.raw`\bno longer\b`,
    String.raw`\b(found|showed|shows|confirmed|judged|evidenced?)\b`,
  ].join('|'),
  'i',
);

/** Words that describe only activity: things done, not what they changed. */
const ACTIVITY = /\b(held|hosted|attended|delivered|ran|run|trained|published|launched|met|circulated|distributed|shared|meetings?|sessions?|briefings?|events?|workshops?|courses?|newsletters?)\b/i;

/** Words that show training changed practice, not just that people came and liked it. */
const PRACTICE_EVIDENCE =
  /\b(follow[- ]?up|months? (later|after|on)|audit(s|ed)?|case (file|record)s?|records|supervision|observ(ed|ation)s?|practice (has )?(changed|improved)|changed (their|its|how)|(now|began to) (use|uses|ask|asks|record|records|include|includes|check|checks|involve|involves|see|sees))\b/i;

/** A measured result: a percentage or a rate, such as "72.1% of cases closed successfully". */
const MEASURED = /\d+(\.\d+)?\s?%|\bper 10,?000\b|\b\d+ (in|out of) (every )?\d+/i;

export function describesChange(text: string): boolean {
  return CHANGE.test(text);
}

export function describesMeasuredResult(text: string): boolean {
  return MEASURED.test(text);
}

export function describesOnlyActivity(text: string): boolean {
  return ACTIVITY.test(text) && !CHANGE.test(text);
}

export function showsPracticeChange(text: string): boolean {
  return PRACTICE_EVIDENCE.test(text);
}

/** The report's own admission that evidence is missing: "we have little evidence yet that...". */
const ADMITS_NO_EVIDENCE = /\b(no|little|limited|scant|not (yet )?(any|enough)|lack of|without) (direct |clear |real |firm )?(evidence|data|measure)\b|\b(do|does|did) not (yet )?(know|show|measure)\b/i;

export function admitsNoEvidence(text: string): boolean {
  return ADMITS_NO_EVIDENCE.test(text);
}
