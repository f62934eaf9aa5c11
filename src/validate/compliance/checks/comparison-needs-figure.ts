/**
 * A comparison asserted in words needs its figure in the data: "above the national average",
 * "in line with statistical neighbours", "lower than England" in a sentence naming an
 * indicator that has no comparator of that kind in indicators.yaml. Without it the reader
 * cannot see the comparison, and the page cannot show it.
 */
import { COMPARATORS, comparatorNames, type Comparator } from '../../../model/partnership.js';
import type { Indicator } from '../../../model/report-year.js';
import { figureValue } from '../../../model/stated-figure.js';
import { outcome, type Check, type Finding } from '../check.js';
import { excerpt, figuresFit, indicatorForms, mentionsIn, proseOf, sentencesOf, type Mention } from '../prose.js';

/** Words that set a figure beside another. */
const COMPARING = /\b(?:above|below|higher than|lower than|better than|worse than|greater than|less than|more than|fewer than|in line with|similar to|close to|compared (?:with|to)|compares (?:well|favourably|poorly|unfavourably) (?:with|to|against)|comparable (?:with|to)|against|under|over|exceed(?:s|ed|ing)?|outperform(?:s|ed|ing)?|ahead of|behind|on a par with|consistent with|the same as|matche[sd]|mirrors?|reflects?)\b/i;
/** A plan or a hope, not a claim: "we aim to be in line with similar areas". */
const INTENT = /\b(?:aim|aims|aiming|target|ambition|want|wants|will|would|hope|intend|plan(?:s|ned)? to|strive|seek)\b/i;

type Kind = Comparator | 'any';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What each kind of comparator is called in words, with this partnership's own names. */
function kindsNamed(names: Record<Comparator, string>, region: string | undefined): Array<[Kind, RegExp]> {
  const own = (name: string | undefined) => (name && !/^(?:england|region|statistical neighbours?)$/i.test(name) ? `|${escape(name)}` : '');
  return [
    // England as a comparator, not NHS England or national guidance, reviews, targets or trends.
    ['england', new RegExp(`\\b(?:(?<!\\b(?:NHS|Health|Ofsted|Education|Sport|Historic)\\s)England(?:'s)?|English\\s+average|national(?!\\s+(?:panel|review|referral|child|children|guidance|inquiry|picture|centre|statistics|ambition|target|long|policy|procedures?|standards?|framework|requirements?|expectations?|timescales?|legislation|guidelines?|best|learning|research|priorit|campaigns?|initiatives?|programmes?|data|reporting|returns?|trends?|patterns?|context|situation|minimum|audits?|pilot|lead|network|body|bodies|agenc|charit|organisation|partners?|safeguarding|events?|conference|work|action|response|recommendations?|findings?))|nationally(?!\\s+(?:recognised|agreed|set|mandated|funded|led|published|commissioned))${own(names.england)})\\b`, 'i')],
    ['region', new RegExp(`\\b(?:region(?:al|'s)?(?!\\s+(?:meetings?|events?|work|boards?|partners?|network))${own(names.region)}${own(region)})\\b`, 'i')],
    ['statistical_neighbours', new RegExp(`\\b(?:statistical neighbou?rs?(?:'s?)?|stat(?:istical)?\\.? neighbou?rs?|similar (?:areas|authorities|local authorities|councils|places)|comparator (?:areas|authorities|local authorities)|comparable (?:areas|authorities)${own(names.statistical_neighbours)})\\b`, 'i')],
    ['any', /\b(?:other (?:areas|local authorities|authorities|partnerships|councils)|elsewhere|comparators?)\b/i],
  ];
}

const KIND_WORDS: Record<Kind, (names: Record<Comparator, string>) => string> = {
  england: (n) => n.england,
  region: (n) => (/^region$/i.test(n.region) ? 'the region' : n.region),
  statistical_neighbours: (n) => n.statistical_neighbours.toLowerCase().startsWith('statistical') ? 'statistical neighbours' : n.statistical_neighbours,
  any: () => 'other areas',
};

function hasComparator(indicator: Indicator, kind: Kind): boolean {
  const some = (values: Record<string, unknown> | undefined) => Object.values(values ?? {}).some((v) => typeof figureValue(v as never) === 'number');
  const standard = (c: Comparator) => some(indicator.comparators?.[c]);
  const others = (indicator.comparators?.others ?? []).some((o) => some(o.values));
  if (kind === 'any') return COMPARATORS.some(standard) || others;
  return standard(kind);
}

export const comparisonNeedsFigure: Check = {
  id: 'comparison-needs-figure',
  paths: ['every Markdown text field', 'indicators.yaml indicators[].comparators'],
  sections: ['performance'],
  run({ report, at }) {
    const names = comparatorNames(report.partnership);
    const kinds = kindsNamed(names, report.partnership.region);
    const forms = indicatorForms(report);
    const missing: Finding[] = [];
    let backed = 0;
    for (const prose of proseOf(report)) {
      for (const sentence of sentencesOf(prose.text)) {
        const comparing = COMPARING.exec(sentence);
        if (!comparing || INTENT.test(sentence)) continue;
        // The comparator named after the comparing words: "below the England average".
        const after = sentence.slice(comparing.index);
        const asserted = kinds.filter(([, pattern]) => pattern.test(after)).map(([kind]) => kind);
        if (asserted.length === 0) continue;
        // "22.9% of referrals were for children referred again, above the England average" is not about a rate of referrals.
        const mentions = mentionsIn(sentence, forms, prose.indicator, report.partnership.area).filter((m) => figuresFit(sentence, m.indicator));
        if (mentions.length === 0) continue;
        for (const kind of asserted) {
          if (mentions.some((m) => hasComparator(m.indicator, kind))) {
            backed++;
            continue;
          }
          const which = mentions.map((m: Mention) => `"${m.indicator.label}${m.indicator.area ? ` (${m.indicator.area})` : ''}"`).join(' and ');
          const field = kind === 'any' ? 'a comparator (england, region, statistical_neighbours or others)' : `comparators: ${kind}:`;
          missing.push({
            message: `The text compares ${which} with ${KIND_WORDS[kind](names)}, but indicators.yaml gives no ${kind === 'any' ? 'comparator' : `${KIND_WORDS[kind](names)} figure`} for it: add ${field} with the figure and its year, or take the comparison out`,
            where: at(prose.file, prose.path),
            quote: excerpt(sentence),
          });
        }
      }
    }
    if (missing.length === 0 && backed === 0) return outcome([], [{ message: 'No sentence compares an indicator with England, the region or similar areas, so there is nothing to check' }]);
    return outcome(missing, [{ message: `${backed} comparison${backed === 1 ? '' : 's'} in the text ${backed === 1 ? 'has its' : 'have their'} comparator figure in indicators.yaml` }]);
  },
};
