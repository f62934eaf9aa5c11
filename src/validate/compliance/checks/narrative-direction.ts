/**
 * Direction words against the data: a sentence that says an indicator rose, fell or stayed
 * the same, read against the indicator's figures for this year and the year before. A fall
 * described as a rise, or a clear rise described as stable, is the contradiction a careful
 * reader finds first.
 */
import type { Indicator } from '../../../model/report-year.js';
import { figureValue, figureWhen } from '../../../model/stated-figure.js';
import { outcome, type Check, type Finding } from '../check.js';
import { clausesOf, covers, excerpt, figuresFit, figuresIn, indicatorForms, mentionsIn, normalise, proseOf, sentencesOf, yearBefore } from '../prose.js';

type Direction = 'up' | 'down' | 'stable' | 'same';

// Read on normalised words (lower case, no punctuation, no plural s): "remains" is "remain".
const SAID: Array<[Direction, RegExp]> = [
  ['up', / (?:(?:rose|risen|increased)(?! (?:above|over|into|beyond))|went up|gone up|grew|grown|(?:an?|the|this) (?:rise|increase)|up (?:by|from|on))(?= )/],
  ['down', / (?:(?:fell|fallen)(?! (?:below|under|within|into|outside|short|behind|out|through|on|to the))|decreased|reduced|went down|gone down|dropped|declined|(?:a|the|this) (?:fall|drop|decrease|reduction|decline)|down (?:by|from|on))(?= )/],
  // "Broadly the same", "stable", "consistent": a small change fits the words.
  ['stable', / (?:(?:remained|remain|stayed|stay|has been|have been|was|were|is|are) (?:(?:broadly|largely|relatively|fairly|very|much|roughly|about) (?:the same|unchanged|similar|level)|(?:broadly |largely |relatively |fairly |very )?(?:stable|steady|consistent|similar|static|flat))|no (?:significant|real|notable|marked) change|stabilised|stable at)(?= )/],
  // "The same", "unchanged", "no change": only a change too small to show fits the words.
  ['same', / (?:(?:remained|remain|stayed|stay|has been|have been|was|were|is|are) (?:the same|unchanged|level)|unchanged|no change)(?= )/],
];

/**
 * A clause about something other than this year against last: a comparator, a target, a part
 * of the year, a longer trend, another year, or a condition or plan.
 */
const OTHER = / (?:than|compared to|england|national|nationally|average|neighbour|region|regional|similar area|west midland|target|aim|ambition|plan to|planned|planning to|will|would|should|could|expect|expected|want|need to|hope|if|quarter|q1|q2|q3|q4|month|monthly|week|weekly|day|daily|january|february|march|april|may|june|july|august|september|october|november|december|since|year on year|over the (?:last|past) \d+ year|over \d+ year|trend|each year|every year|historically|nationally) /;
const NOT = / (?:not|never|nor|didnt|hasnt|havent|wasnt|werent|isnt|neither) /;
/** Year labels and years: a clause naming a year other than these two is about another time. */
const YEARS = /(?:19|20)\d{2}(?: (?:19|20)?\d{2})?/g;

/** Small words the direction phrases are made of, kept even when a label has them. */
const KEPT = new Set(['the', 'a', 'an', 'is', 'are', 'was', 'were', 'has', 'have', 'been', 'to', 'in', 'of', 'on', 'at', 'no', 'not', 'by', 'up', 'down', 'from', 'than', 'same', 'this', 'that']);

function said(clause: string, labels: string[]): Direction | undefined {
  // The labels' own words ("...whose risk reduced", "within 12 months") say nothing about the
  // figure's direction or time.
  const own = new Set(labels.flatMap((label) => normalise(label).split(' ')).filter((w) => w && !KEPT.has(w)));
  const text = ` ${normalise(clause).split(' ').filter((w) => w && !own.has(w)).join(' ')} `;
  if (OTHER.test(text)) return undefined;
  let found = SAID.filter(([, pattern]) => pattern.test(text)).map(([direction]) => direction);
  // "remained broadly unchanged" is the looser claim.
  if (found.includes('stable')) found = found.filter((direction) => direction !== 'same');
  if (found.length !== 1) return undefined;
  const [direction] = found as [Direction];
  // "did not rise", "has not fallen": leave negations alone ("no change" is itself a direction).
  if (NOT.test(text.replace(/ no (?:significant |real |notable |marked )?change /, ' '))) return undefined;
  return direction;
}

/** Whether the clause names no year other than this one and the one before. */
function onlyTheseYears(clause: string, year: string, previous: string): boolean {
  // Year labels only: a bare "2021" may be a calendar year, an audit's, a comparator's.
  const allowed = new Set([year, previous].flatMap((y) => [`${y.slice(0, 4)} ${y.slice(5)}`, `${y.slice(0, 4)} 20${y.slice(5)}`, `${y.slice(2, 4)} ${y.slice(5)}`]));
  const text = normalise(clause);
  if (/ \d{2} \d{2} /.test(text.replace(/ (\d{2}) (\d{2}) /g, (m, a: string, b: string) => (allowed.has(`${a} ${b}`) ? ' ' : m)))) return false;
  return [...text.matchAll(YEARS)].every((m) => allowed.has(m[0]));
}

const pretty = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
const inUnit = (indicator: Indicator, n: number) => (indicator.unit === 'percentage' ? `${pretty(n)}%` : indicator.unit === 'rate-per-10000' ? `${pretty(n)} per 10,000` : pretty(n));

/**
 * Whether the figures changed by more than the words allow: "stable" allows up to 2 points of
 * a percentage, or 5% of last year's count or rate; "the same" up to half a point, or 1%. A
 * change within that may fairly be called stable (or, being a change, a rise or a fall).
 */
function changedBeyond(words: 'stable' | 'same', indicator: Indicator, before: number, now: number): boolean {
  const change = Math.abs(now - before);
  const [points, percent] = words === 'stable' ? [2, 5] : [0.5, 1];
  if (indicator.unit === 'percentage') return change > points;
  return before === 0 ? change > 0 : (change / Math.abs(before)) * 100 > percent;
}

export const narrativeDirection: Check = {
  id: 'narrative-direction',
  paths: ['every Markdown text field', 'indicators.yaml indicators[].values'],
  sections: ['performance'],
  run({ report, at }) {
    const previous = yearBefore(report.year);
    const forms = indicatorForms(report);
    const missing: Finding[] = [];
    let checked = 0;
    if (!previous) return outcome([], [{ message: 'The report\'s year has no year before it to compare with' }]);
    for (const prose of proseOf(report)) {
      for (const sentence of sentencesOf(prose.text)) {
        for (const clause of clausesOf(sentence)) {
          const mentions = mentionsIn(clause, forms, prose.indicator, report.partnership.area);
          if (mentions.length === 0 || !onlyTheseYears(clause, report.year, previous)) continue;
          const direction = said(clause, mentions.map((m) => m.indicator.label));
          if (!direction) continue;
          for (const mention of mentions) {
            const { indicator } = mention;
            // "up from 71% in the audit" beside a rate: the words are about that other figure.
            if (!figuresFit(clause, indicator)) continue;
            // "35% of re-referrals were for domestic abuse, up from 30%": a share of the measure, not the measure.
            if (indicator.unit !== 'count' && mention.form && figuresIn(clause).length > 0 && !covers(clause, indicator.label, mention.form)) continue;
            const [nowStated, beforeStated] = [indicator.values[report.year], indicator.values[previous]];
            const [now, before] = [figureValue(nowStated), figureValue(beforeStated)];
            if (typeof now !== 'number' || typeof before !== 'number') continue;
            // A snapshot against a whole year's figure is not a change over the year.
            if (JSON.stringify(figureWhen(nowStated) ?? null) !== JSON.stringify(figureWhen(beforeStated) ?? null)) continue;
            checked++;
            const wrong =
              (direction === 'up' && now <= before) || (direction === 'down' && now >= before) || ((direction === 'stable' || direction === 'same') && changedBeyond(direction, indicator, before, now));
            if (!wrong) continue;
            const saidWords = { up: 'a rise', down: 'a fall', stable: 'stable', same: 'unchanged' }[direction];
            const was = now === before ? 'the same' : now > before ? 'a rise' : 'a fall';
            missing.push({
              message: `The text describes "${indicator.label}" as ${saidWords}, but indicators.yaml gives ${inUnit(indicator, before)} in ${previous} and ${inUnit(indicator, now)} in ${report.year}, ${was}: correct the words or the figures`,
              where: at(prose.file, prose.path),
              quote: excerpt(sentence),
            });
          }
        }
      }
    }
    if (checked === 0) return outcome([], [{ message: 'No sentence says which way an indicator moved between last year and this, so there is nothing to check' }]);
    return outcome(missing, [{ message: `${checked} statement${checked === 1 ? '' : 's'} of which way an indicator moved agree${checked === 1 ? 's' : ''} with its figures` }]);
  },
};
