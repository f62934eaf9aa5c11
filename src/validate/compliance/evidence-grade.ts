/**
 * Grades a piece of impact evidence the way national reviewers do (../shared/DOMAIN.md, "How
 * reviewers grade impact evidence"), weakest first: activity (things done, people trained,
 * reach), volume (demand or counts, a measure with no better direction), measured outcome (an
 * outcome measure that moved, judged by its direction; an audit, inspection or evaluation
 * finding; before and after), attributed outcome (an outcome change tied to the partnership's
 * action, with the comparison that shows it). The structure of the data decides first (a linked
 * indicator and its polarity, the kind of evidence); the words decide only where it is silent.
 * The wording rules are measured against hand-labelled real sentences in
 * test/fixtures/evidence-corpus.yaml (test/evidence-grade.test.ts).
 */
import type { Indicator, StatedFigure } from '../../model/report-year.js';
import { figureValue, figureWhen } from '../../model/stated-figure.js';

export type EvidenceGrade = 'activity' | 'volume' | 'measured-outcome' | 'attributed-outcome';

/** Dates, years, ages and labels are not figures: "2022-23", "March 2023", "day 10", "under-18s", "Level 4". */
const NOT_A_FIGURE = new RegExp(
  [
    String.raw`\b(19|20)\d\d(\s?[-/–]\s?\d{1,4})?\b`, // 2022, 2022-23, 2021/22, 2022-3
    String.raw`\b\d\d/\d\d\b`, // 22/23
    String.raw`\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*`,
    String.raw`\b(day|level|module|quarter|q|sr|year|y|phase|tier|wave|stage|chapter|section|s)\s?\d+\b`,
    String.raw`\b[a-z]+\d\b`, // GCP2, ASQ3, Q4, Y9: names, not figures
    String.raw`\bunder-?\d+s?\b|\b\d+-(minute|year|month|week|day|hour)\b|\bages? (of )?\d+|\baged \d+`,
  ].join('|'),
  'gi',
);
const hasFigure = (text: string) => /\d/.test(text.replace(NOT_A_FIGURE, ' '));

/** Two points in time or a before and after: "from 30% to 75%", "up from 22.9%", "compared with 71%". */
const MOVEMENT = new RegExp(
  [
    String.raw`\bfrom \S*\d\S* (\S+ ){0,8}?to \S*\d`, // from 30% (...) to 75%
    String.raw`\bto \S*\d\S* from \S*\d`, // rose to 58.3% from 51.9%
    String.raw`\b(up|down|rose|risen|fell|fallen|increased|decreased|improved|dropped|reduced) (from|by|to)\b`,
    String.raw`\bcompared (with|to) \S*\d`,
    String.raw`\(\S*\d\S* in (\w+ )?\d{4}\)`, // 92% of visits (68% in May 2022)
    String.raw`\b(before|prior to|pre-?session)\b.{0,120}\b(after|afterwards|post)\b`, // before and after
    String.raw`\b(asked|audited|surveyed) again\b`,
    String.raw`\b(the same as|much the same as|in line with) (in )?(the previous|last|20\d\d)`,
  ].join('|'),
  'i',
);

/** A change for children or families said without figures: "fewer families had to tell their story again". */
const CHANGE_IN_WORDS = /\b(fewer|more) (children|families|young people|parents|babies)\b(?!.{0,20}\b(were|are) (referred|stopped|missing)\b)|\blast(ing|ed) longer\b|\bchanges? that last/i;

/** A judgement against other areas: "below the England average", "lower ... than England". */
const COMPARATOR = /\b(above|below|in line with|better than|worse than|higher than|lower than)\b.{0,60}\b(average|england|national|statistical neighbours?|west midlands|region(al)?)\b|\bthan (england|the national|the england)\b/i;

/**
 * Measures with no better direction: demand, caseloads and counts of children in a service. More
 * contacts or plans can mean better identification, so their size or movement is volume. Measures
 * of how well children are helped (within a timescale, at the right level, coming back within a
 * year, knowledge before and after, agencies at a strategy discussion) are outcome measures.
 */
const OUTCOME_MEASURE = new RegExp(
  [
    String.raw`\bre-?referr|\breferred again\b|\bcame back\b|\b(second|subsequent|later|repeat)\b.{0,30}\bplans?\b`,
    String.raw`\bwithin (\d+|\w+) (work\w* )?(days|hours|weeks)\b|\bwithin (a|the next|\d+) (\w+ )?(year|months?)\b`,
    String.raw`\bright (level|response)\b|\bin education, employment\b|\blower risk\b|\bfollowed up\b|\brecorded (in|at)\b|\bled \S*\d`,
    String.raw`\bknowledge\b|\bscores?\b|\bconfiden(ce|t)\b|\bstrategy (discussions?|meetings?)\b|\bchild protection conferences?\b`,
  ].join('|'),
  'i',
);
/** Demand and caseload: contacts, referrals, incidents, episodes, plans, children in a service. */
const DEMAND = /\b(contacts?|referrals?|notifications?|incidents?|crimes?|episodes?|missing|deaths?|demand|protection plans?|child in need|children in care|in care in|looked after|claims|orders|a&e|private fostering|subject to|stop and search|stopped|assessments?( were)? (completed|received)|icpcs?|open to|every 10,000)\b/i;

/** The partnership's own doing and its reach: training, places, attendance, members, materials. */
const ACTIVITY = new RegExp(
  [
    String.raw`\b(train(ed|ing)|courses?|sessions?|delegates|e-?learning|workshops?|briefings?|webinars?|places|spaces|attend(ed|ance|s)?|no-show|membership|trainer|registered|registering|accessed)\b`,
    String.raw`\b(published|launched|produced|circulated|developed|introduced|established|commissioned|agreed|funded|held|ran|run|reviewed|completed|proposed|tabled)\b`,
    String.raw`\b(gave|given|issued|briefed|offered|provided|delivered|invited|took (this|it|them) up|took part|shared|visited|contacted|engaged|reached out|appointed|opened|joined|set up|wrote|sent|operations)\b`,
    String.raw`\b(events?|newsletters?|campaign|guidance|policy|toolkit|strategy|pathway|meetings?|feedback|rated (the|their))\b`,
  ].join('|'),
  'i',
);

/** An audit, inspection, review, survey or evaluation: what it found is evidence about practice. */
const SOURCE = /\b(re-?audit|audits?|inspection|ofsted|survey|evaluation|scrutiny|spotlight reviews?|cspr'?s?|case (file|studies|study)|check of|final report)\b/i;
/** Data and monitoring: what they show is a finding only when it is not a count of demand. */
const DATA = /\b(monitoring|dataset|data|chart)\b/i;
/** Words that report what such a source found ("to show the impact" is a purpose, not a finding). */
const FOUND = /\b(found|find|(?<!to )(show|shows|showed)|(?<!to )demonstrated|(?<!to )evidenced?|evidence (of|that)|concluded|judged|identified (that|the need|a number|areas)|highlighted|highlights|cited|citing|confirmed|indicated|gave assurance|assurance (of|that)|recognised|said|told us)\b|\b(audit|inspection)\w* (that|which)\b/i;
/** A finding that needs no named source: a judgement, "found that", a gap in practice, cases judged right. */
const FINDING = new RegExp(
  [
    String.raw`\b(requires? improvement|inadequate|good overall|outstanding|highly effective|recognised (within|in) the national)\b`,
    String.raw`\b(found|showed|demonstrated|concluded|confirmed) that\b|\b(key|main) (insight|finding|learning|message)\w* (was|were|is) that\b|\bissues? (highlighted|identified|found)\b`,
    String.raw`\bnot always\b|\b(less|more) (sure|confident|aware)\b|\b(few|no|not all|almost all) (agencies|schools|practitioners|partners|staff|settings)\b.{0,40}\b(could|had|were|did|knew)\b`,
    String.raw`\b\d+ of \d+\b.{0,80}\b(right|appropriate(ly)?|correct(ly)?|good|well)\b`,
    String.raw`\d%? (of [\w-]+ ([\w-]+ )?)?(said|told us|felt|agreed) `,
  ].join('|'),
  'i',
);

/** What practitioners, children or families now do or experience differently, said in words. */
const PRACTICE_CHANGE = new RegExp(
  [
    String.raw`\bno longer\b|\bchange[sd]? (\w+ ){0,3}(on )?how\b|\b(practice|it|they) (has |have )?changed\b`,
    String.raw`\bnow (assessed|followed up|visible|looks|have a|discusses|holds)\b|\bhas now been added\b|\b(are|is) (seen|treated) (as|first as)\b`,
    String.raw`\b(we|they) have (adapted|changed)\b|\bdescribed a (specific )?change\b|\bimprove[sd]? home conditions\b`,
    String.raw`\b(said|says?|felt|told us)\b.{0,80}\b(helped|better|worse|nothing (was|is) being done|not (offer )?a good|nothing has changed)\b|\bnothing has changed\b`,
    String.raw`\bI (felt|feel|now|no longer)\b`,
  ].join('|'),
  'i',
);

/** The partnership's action named as the cause: "after the policy was added", "as a result of learning". */
const ATTRIBUTION = new RegExp(
  [
    String.raw`\bafter (the|a|being|attending)\b|\bafter (\w+ ){1,3}(told|attended|was|were|had|took part|joined)\b`,
    String.raw`\b(as a result of|because of|following (the|training)|since the (introduction|launch|training))\b`,
    String.raw`\bbefore the (guidance|training|course|policy|model)\b|\b(practitioners|delegates) (who had attended|trained)\b`,
    String.raw`\bin the following (\w+ )?(months?|weeks?|year)\b|\b\w+ months? later\b`,
  ].join('|'),
  'i',
);

/** A promise or an intention, not a result. */
const FUTURE = /\b(will|aims? to|planned|to be|being (developed|produced|finalised|planned|progressed))\b/i;

/** How the words of one piece of evidence grade it, and the rule that decided. */
export function gradeTextWhy(input: string): { grade: EvidenceGrade; why: string } {
  const text = input.replace(/[*_`]/g, '').replace(/\s+/g, ' ');
  const figure = hasFigure(text);
  const moved = MOVEMENT.test(text) && figure;
  const found = ((SOURCE.test(text) || (DATA.test(text) && !(DEMAND.test(text) && !OUTCOME_MEASURE.test(text)))) && FOUND.test(text)) || FINDING.test(text);
  const outcomeMeasure = OUTCOME_MEASURE.test(text);
  const demandOnly = DEMAND.test(text) && !outcomeMeasure;
  if (moved && ATTRIBUTION.test(text) && !(demandOnly && !found)) {
    return { grade: 'attributed-outcome', why: 'a change with its comparison, tied by the words to the partnership\'s action' };
  }
  if (found) return { grade: 'measured-outcome', why: 'an audit, inspection, survey or review finding' };
  if (moved) {
    if (demandOnly) return { grade: 'volume', why: 'a change in a count of demand or caseload, which has no better direction' };
    if (ACTIVITY.test(text) && !outcomeMeasure && !CHANGE_IN_WORDS.test(text)) return { grade: 'activity', why: 'a change in the partnership\'s own activity or reach, not in outcomes' };
    return { grade: 'measured-outcome', why: 'a measure compared over time or before and after' };
  }
  if (COMPARATOR.test(text) && !demandOnly) return { grade: 'measured-outcome', why: 'a measure judged against other areas' };
  if ((PRACTICE_CHANGE.test(text) || CHANGE_IN_WORDS.test(text)) && !FUTURE.test(text)) {
    return { grade: 'measured-outcome', why: 'a change in practice or experience, said in words' };
  }
  if (figure) {
    if (demandOnly || outcomeMeasure || !ACTIVITY.test(text)) return { grade: 'volume', why: 'a figure with no earlier year, comparator or finding' };
    return { grade: 'activity', why: 'a count of things done or people reached' };
  }
  if (DEMAND.test(text) && /\b(increas|ris|rose|fell|decreas|numbers?|more|fewer|higher|lower)\w*/i.test(text) && !ACTIVITY.test(text)) {
    return { grade: 'volume', why: 'a rise or fall in demand' };
  }
  return { grade: 'activity', why: 'words describing what was done, offered or planned, with no measured change' };
}

/** The grade the words alone give a piece of evidence. */
export function gradeText(text: string): EvidenceGrade {
  return gradeTextWhy(text).grade;
}

/** The period a figure covers (a snapshot's day, part of a year, or the whole year): only like is compared with like. */
function periodOf(stated: StatedFigure | undefined): string {
  const when = figureWhen(stated);
  return when === undefined ? 'year' : when.as_at !== undefined ? `on ${when.as_at.slice(5)}` : `${when.from?.slice(5)} to ${when.to?.slice(5)}`;
}

/** The indicator's two latest figures up to the report's year that can be compared: same kind of period, neither suppressed. */
function latestTwo(indicator: Indicator, year: string): [[string, number], [string, number]] | undefined {
  const period = (y: string) => periodOf(indicator.values[y]);
  const years = Object.keys(indicator.values).filter((y) => y <= year && typeof figureValue(indicator.values[y]) === 'number').sort();
  const last = years.at(-1);
  const before = years.filter((y) => last !== undefined && y < last && period(y) === period(last)).at(-1);
  if (last === undefined || before === undefined) return undefined;
  return [[before, figureValue(indicator.values[before]) as number], [last, figureValue(indicator.values[last]) as number]];
}

const FINDING_KINDS = new Set(['audit', 'inspection', 'evaluation', 'feedback']);

/**
 * Grades one piece of a priority's impact evidence: a linked indicator first (its polarity and its
 * two latest comparable figures), then the kind of evidence, then the words.
 */
export function gradeEvidence(
  item: { evidence: string; kind?: string; indicator?: string },
  indicators: Map<string, Indicator>,
  year: string,
): { grade: EvidenceGrade; why: string } {
  const words = gradeTextWhy(item.evidence);
  const linked = item.indicator === undefined ? undefined : indicators.get(item.indicator);
  if (linked?.polarity !== undefined) {
    if (linked.polarity === 'neither') {
      return { grade: 'volume', why: `the linked indicator "${linked.label}" has no better direction (polarity neither), so it measures demand or volume, not an outcome` };
    }
    const pair = latestTwo(linked, year);
    if (pair) {
      const [[y1, v1], [y2, v2]] = pair;
      const better = linked.polarity === 'higher-is-better' ? v2 > v1 : v2 < v1;
      const way = v1 === v2 ? 'did not change' : better ? 'moved the right way' : 'moved the wrong way';
      const grade = words.grade === 'attributed-outcome' ? 'attributed-outcome' : 'measured-outcome';
      const tied = grade === 'attributed-outcome' ? '; the evidence ties the change to the partnership\'s action' : '';
      return { grade, why: `the linked indicator "${linked.label}" ${way} (${v1} in ${y1}, ${v2} in ${y2}; ${linked.polarity.replace(/-/g, ' ')})${tied}` };
    }
  }
  if (item.kind !== undefined && FINDING_KINDS.has(item.kind)) {
    // An audit, inspection, evaluation or feedback entry counts as an outcome when its words report
    // a finding or a change (what was found, said or felt; better, worse, improved, not always).
    if (words.grade === 'measured-outcome' || words.grade === 'attributed-outcome') return { grade: words.grade, why: `${item.kind} evidence: ${words.why}` };
    const finding = FOUND.test(item.evidence) || FINDING.test(item.evidence) || PRACTICE_CHANGE.test(item.evidence) || /\b(said|told|felt|better|worse|improv\w*|only \d)/i.test(item.evidence);
    if (finding) return { grade: 'measured-outcome', why: `${item.kind} evidence whose words describe a finding or a change` };
    return { grade: words.grade, why: `${item.kind} evidence whose words describe no finding or change: ${words.why}` };
  }
  const unlinked = !linked ? '' : linked.polarity === undefined ? ` (the linked indicator "${linked.label}" does not say whether higher or lower is better)` : ` (the linked indicator "${linked.label}" has no two comparable years up to ${year})`;
  return { grade: words.grade, why: `from the wording: ${words.why}${unlinked}` };
}
