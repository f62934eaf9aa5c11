/**
 * A count broken into parts cannot have more in its parts than in its stated total, unless
 * a child or a contact can be in more than one part and the report says so. Parts adding up
 * to less than the total are fine: reports often break down only some of it ("the police and
 * education made..."). Suppressed parts (c) are at least 0, so the known parts alone are
 * compared.
 */
import type { Breakdown } from '../../../model/report-year.js';
import { outcome, type Check, type Finding } from '../check.js';

/** The report says the parts overlap: "a child may be counted in more than one category". */
const OVERLAP =
  /\b(?:overlap(?:s|ping)?|not\s+mutually\s+exclusive|(?:counted|included|appear|recorded|listed|shown)\s+(?:in\s+)?(?:more\s+than\s+once|(?:in\s+)?more\s+than\s+one|twice|several|multiple)|(?:more\s+than\s+one|several|multiple)\s+(?:reasons?|categories|sources?|parts?|groups?|types?|factors?|needs?)\s+(?:each|per|for\s+(?:a|one|each|the\s+same))|(?:can|may|could)\s+(?:have|be\s+in|fall\s+into|belong\s+to|be\s+counted\s+in)\s+(?:more\s+than\s+one|several|multiple)|do\s+not\s+add\s+up\s+to\s+the\s+total\s+because|add\s+up\s+to\s+more\s+than)\b/i;

const count = (n: number) => n.toLocaleString('en-GB');

export const breakdownPartsWithinTotal: Check = {
  id: 'breakdown-parts-within-total',
  paths: ['indicators.yaml breakdowns[].parts', 'indicators.yaml breakdowns[].total', 'indicators.yaml breakdowns[].notes'],
  sections: ['performance'],
  run({ report, at }) {
    const missing: Finding[] = [];
    const met: Finding[] = [];
    (report.sections.indicators?.breakdowns ?? []).forEach((breakdown: Breakdown, i) => {
      if (breakdown.unit !== 'count' || typeof breakdown.total !== 'number') return;
      const known = breakdown.parts.map((part) => part.value).filter((value): value is number => typeof value === 'number');
      const sum = known.reduce((total, value) => total + value, 0);
      const where = at('indicators', ['breakdowns', i, 'total']);
      const suppressed = known.length < breakdown.parts.length ? ' (not counting the parts shown as c)' : '';
      const figures = `${breakdown.parts.map((part) => `${part.label} ${typeof part.value === 'number' ? count(part.value) : part.value}`).join('; ')}; total ${count(breakdown.total)}`;
      const quote = figures.length > 200 ? `${figures.slice(0, 199)}…` : figures;
      if (sum <= breakdown.total) {
        met.push({ message: `"${breakdown.label}": the parts${suppressed} add up to ${count(sum)}, ${sum === breakdown.total ? 'the' : 'within the'} stated total of ${count(breakdown.total)}`, where, quote });
        return;
      }
      if (OVERLAP.test(`${breakdown.label} ${breakdown.notes ?? ''}`)) {
        met.push({ message: `"${breakdown.label}": the parts add up to ${count(sum)}, more than the stated total of ${count(breakdown.total)}, and the notes say they overlap`, where, quote: breakdown.notes ?? breakdown.label });
        return;
      }
      missing.push({
        message: `"${breakdown.label}": the parts${suppressed} add up to ${count(sum)}, more than the stated total of ${count(breakdown.total)}: correct a part or the total, or, if a child (or contact) can be counted in more than one part, say so in the notes`,
        where,
        quote,
      });
    });
    if (missing.length === 0 && met.length === 0) return outcome([], [{ message: 'No breakdown of a count states its total, so there is nothing to add up' }]);
    return outcome(missing, met);
  },
};
