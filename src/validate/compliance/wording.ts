/**
 * How the training check reads an evaluation in the words people write: whether it shows a
 * change in practice, and whether the report itself admits there is no evidence. (Impact
 * evidence is graded by evidence-grade.ts.)
 */

/** Words that show training changed practice, not just that people came and liked it. */
const PRACTICE_EVIDENCE =
  /\b(follow[- ]?up|months? (later|after|on)|audit(s|ed)?|case (file|record)s?|records|supervision|observ(ed|ation)s?|practice (has )?(changed|improved)|changed (their|its|how)|(now|began to) (use|uses|ask|asks|record|records|include|includes|check|checks|involve|involves|see|sees))\b/i;

export function showsPracticeChange(text: string): boolean {
  return PRACTICE_EVIDENCE.test(text);
}

/** The report's own admission that evidence is missing: "we have little evidence yet that...". */
const ADMITS_NO_EVIDENCE = /\b(no|little|limited|scant|not (yet )?(any|enough)|lack of|without) (direct |clear |real |firm )?(evidence|data|measure)\b|\b(do|does|did) not (yet )?(know|show|measure)\b/i;

export function admitsNoEvidence(text: string): boolean {
  return ADMITS_NO_EVIDENCE.test(text);
}
