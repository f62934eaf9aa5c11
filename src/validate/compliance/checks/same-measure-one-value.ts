/**
 * The same measure given two values: two indicators that are one measure (the same label or
 * definition, for the same area, unit and date) with different figures for a year, and a
 * sentence of the narrative that quotes an indicator's figure for the report's year
 * differently from indicators.yaml.
 */
import type { Indicator } from '../../../model/report-year.js';
import { figureValue, figureWhen } from '../../../model/stated-figure.js';
import { outcome, type Check, type Finding } from '../check.js';
import { aboutThisYearOnly, agrees, clausesOf, covers, excerpt, figuresIn, indicatorForms, mentionsIn, normalise, onlyTheseYears, proseOf, sentencesOf, SUBSET, unitWords, wordsIn, yearBefore, yearForms, type Mention, type Quoted } from '../prose.js';

interface ChangePair {
  now: Quoted;
  before: Quoted;
}

/**
 * "rose from 64.9% to 78.4%", "41.5%, up from 33.2%", "39.6%, compared with 41.2% in
 * 2021-22": this year's figure and last year's, and the clause without them (which may
 * still say something about another time or place).
 */
function changesIn(clause: string, previousYear: string | undefined): { pairs: ChangePair[]; rest: string } {
  const figures = figuresIn(clause);
  const pairs: ChangePair[] = [];
  const spans: Array<[number, number]> = [];
  const previous = previousYear ? `(?:${yearForms(previousYear).map((f) => f.replace(/[/]/g, '\\/')).join('|')})` : '(?!)';
  for (let n = 0; n + 1 < figures.length; n++) {
    const [a, b] = [figures[n]!, figures[n + 1]!];
    const between = clause.slice(a.index + a.text.length, b.index);
    const before = clause.slice(0, a.index);
    const after = clause.slice(b.index + b.text.length);
    let pair: ChangePair | undefined;
    let span: [number, number] = [a.index, b.index + b.text.length];
    if (/\bfrom\s*$/i.test(before) && new RegExp(`^\\s*(?:in\\s+${previous}\\s+)?to\\s*$`, 'i').test(between)) {
      pair = { before: a, now: b };
      span = [before.search(/\bfrom\s*$/i), span[1]];
    } else if (/\bto\s*$/i.test(before) && /^\s*from\s*$/i.test(between)) {
      pair = { now: a, before: b };
    } else if (/^\s*(?:\([^)]*\))?,?\s*(?:up|down)\s+from\s*$/i.test(between)) {
      pair = { now: a, before: b };
    } else if (/^\s*(?:\([^)]*\))?,?\s*compared\s+(?:with|to)\s*$/i.test(between) && new RegExp(`^\\s*in\\s+${previous}\\b`, 'i').test(after)) {
      pair = { now: a, before: b };
      span = [span[0], b.index + b.text.length + (new RegExp(`^\\s*in\\s+${previous}`, 'i').exec(after)?.[0].length ?? 0)];
    }
    if (!pair) continue;
    // "from 448.1 to 469.3 per 10,000": the unit said once is both figures'.
    const kind = pair.now.kind !== 'number' ? pair.now.kind : pair.before.kind;
    pairs.push({ now: { ...pair.now, kind }, before: { ...pair.before, kind } });
    spans.push(span);
    n++;
  }
  let rest = '';
  let from = 0;
  for (const [start, end] of spans) {
    rest += `${clause.slice(from, start)} `;
    from = end;
  }
  rest += clause.slice(from);
  return { pairs, rest: spans.length ? rest.replace(/\s+/g, ' ').trim() : clause };
}

function ofUnit(quoted: Quoted, indicator: Indicator): boolean {
  return indicator.unit === 'percentage' ? quoted.kind === 'percentage' : indicator.unit === 'rate-per-10000' ? quoted.kind === 'rate' : quoted.kind === 'number';
}

/**
 * Whether a figure is close enough to where the clause names the measure to be its figure: at
 * most eight words between them, not counting words of the measure's own label ("re-referrals
 * to children's social care within 12 months fell from 22.9% to 20.4%").
 */
function nearMention(clause: string, quoted: Quoted, mention: Mention): boolean {
  const words = normalise(clause.slice(0, quoted.index)).split(' ').filter(Boolean);
  if (!mention.form) return words.length <= 12;
  const label = new Set(normalise(mention.indicator.label).split(' '));
  const text = normalise(clause);
  const at = text.indexOf(mention.form);
  const [mentionStart, mentionEnd] = [wordsIn(text.slice(0, at)), wordsIn(text.slice(0, at + mention.form.length))];
  const start = words.length;
  const end = start + wordsIn(normalise(quoted.text));
  const all = text.split(' ').filter(Boolean);
  const between = end <= mentionStart ? all.slice(end, mentionStart) : all.slice(mentionEnd, start);
  return between.filter((word) => !label.has(word) && !/^\d+$/.test(word)).length <= 8;
}

/**
 * The figures in a clause that can only be the indicator's own: of its unit, a few words from
 * where the clause names it, and for a count followed by its name ("4,194 referrals", not
 * "20 contacts from family members"). Figures after "to" may be a target ("raise it to 50%"):
 * they can agree with the data but never contradict it, and in a clause that gives a share of
 * a whole ("15.2% of all contacts"), a count is the whole's only when it follows "of".
 */
function quotedFor(clause: string, mention: Mention): { agreeing: Quoted[]; contradicting: Quoted[] } {
  const { indicator, form } = mention;
  const near = (q: Quoted) => nearMention(clause, q, mention);
  let figures = figuresIn(clause).filter(near);
  if (indicator.unit === 'percentage') figures = figures.filter((f) => f.kind === 'percentage');
  else if (indicator.unit === 'rate-per-10000') figures = figures.filter((f) => f.kind === 'rate');
  else {
    if (!form) return { agreeing: [], contradicting: [] };
    // "7,010 contacts (23.7%) had an outcome": a clause with a share speaks of a part.
    const share = /%|per\s*cent|\bof (?:all|the total|total)\b/i.test(clause);
    figures = figures.filter((f) => {
      if (f.kind !== 'number') return false;
      const after = normalise(f.after.replace(/^(?:total|in total)\s+/i, ''));
      if (!after.startsWith(form) || SUBSET.has(after.slice(form.length).split(' ')[0] ?? '')) return false;
      // "18 of 20 contacts", "an audit of 30 contacts": a sample, not the year's count.
      if (/\d\s+of\s+$|\b(?:audit(?:ed)?|sampled?|check(?:ed)?|review(?:ed)?|survey(?:ed)?|looked at)\s+(?:of\s+)?(?:the\s+)?$/i.test(f.before)) return false;
      return !share || /\bof (?:the )?$/i.test(f.before);
    });
  }
  // Named only by its head, a percentage or rate may be some other share of it ("35% of
  // re-referrals were for domestic abuse"): it can contradict only beside most of the label.
  if (indicator.unit !== 'count' && form && !covers(clause, indicator.label, form)) return { agreeing: figures, contradicting: [] };
  return { agreeing: figures, contradicting: figures.filter((f) => !/\bto\s*$/i.test(f.before)) };
}

/* ------------------------------------------------------------------ the check */

/** Two indicators that are one measure: the same label or definition, area, unit and kind of date. */
function sameMeasure(a: Indicator, b: Indicator): boolean {
  if ((a.area ?? '') !== (b.area ?? '') || a.unit !== b.unit) return false;
  return normalise(a.label) === normalise(b.label) || (a.definition !== undefined && b.definition !== undefined && normalise(a.definition) === normalise(b.definition));
}

export const sameMeasureOneValue: Check = {
  id: 'same-measure-one-value',
  paths: ['indicators.yaml indicators[].label, definition, values', 'every Markdown text field'],
  sections: ['performance'],
  run({ report, at }) {
    const indicators = report.sections.indicators?.indicators ?? [];
    const missing: Finding[] = [];
    let compared = 0;

    // Two indicators for one measure.
    indicators.forEach((a, i) => {
      indicators.forEach((b, j) => {
        if (j <= i || !sameMeasure(a, b)) return;
        for (const year of Object.keys(a.values).sort()) {
          const [x, y] = [figureValue(a.values[year]), figureValue(b.values[year])];
          if (typeof x !== 'number' || typeof y !== 'number') continue;
          if (JSON.stringify(figureWhen(a.values[year]) ?? null) !== JSON.stringify(figureWhen(b.values[year]) ?? null)) continue;
          compared++;
          if (x === y) continue;
          const how = normalise(a.label) === normalise(b.label) ? 'the same label' : 'the same definition';
          missing.push({
            message: `"${a.label}" (${a.id}) and "${b.label}" (${b.id}) have ${how} but give ${year} as ${unitWords(a, x)} and ${unitWords(b, y)}: if they are one measure keep one figure; if not, say in each label or definition what makes them different`,
            where: at('indicators', ['indicators', j, 'values', year]),
            quote: `${a.id}: ${x}; ${b.id}: ${y}`,
          });
        }
      });
    });

    // A sentence quoting an indicator's figure for this year (or last year) differently.
    const forms = indicatorForms(report);
    const area = report.partnership.area;
    const previousYear = yearBefore(report.year);
    for (const prose of proseOf(report)) {
      for (const sentence of sentencesOf(prose.text)) {
        for (const clause of clausesOf(sentence)) {
          const mentions = mentionsIn(clause, forms, prose.indicator, area);
          // A clause naming two measures cannot tie a figure to either.
          if (mentions.length !== 1) continue;
          const [mention] = mentions as [Mention];
          const { indicator } = mention;
          const { pairs, rest } = changesIn(clause, previousYear);
          const thisYear = aboutThisYearOnly(rest, report, indicator.label);
          // A change from last year to this is about those two years, whatever else the clause compares.
          if (!thisYear && (pairs.length === 0 || !onlyTheseYears(rest, report))) continue;
          const said: Array<{ quoted: Quoted; year: string; mayContradict: boolean }> = [];
          // Named only by its head, a percentage or rate may be some other share of the measure.
          const named = indicator.unit === 'count' || !mention.form || covers(clause, indicator.label, mention.form);
          for (const pair of pairs) {
            if (!ofUnit(pair.now, indicator) || !nearMention(clause, pair.now, mention)) continue;
            said.push({ quoted: pair.now, year: report.year, mayContradict: named });
            if (previousYear) said.push({ quoted: pair.before, year: previousYear, mayContradict: named });
          }
          const { agreeing, contradicting } = quotedFor(rest, mention);
          if (said.length === 0 && thisYear) {
            said.push(...agreeing.map((quoted) => ({ quoted, year: report.year, mayContradict: contradicting.length === 1 && contradicting[0] === quoted })));
          }
          for (const year of new Set(said.map((s) => s.year))) {
            const stated = indicator.values[year];
            const value = figureValue(stated);
            if (typeof value !== 'number') continue;
            // A snapshot or part of a year may differ from a figure in words for the whole year.
            if (year !== report.year && JSON.stringify(figureWhen(stated) ?? null) !== JSON.stringify(figureWhen(indicator.values[report.year]) ?? null)) continue;
            const ofYear = said.filter((s) => s.year === year);
            if (ofYear.some((s) => agrees(s.quoted, value))) {
              compared++;
              continue;
            }
            const wrong = ofYear.filter((s) => s.mayContradict);
            if (wrong.length !== 1) continue;
            compared++;
            const [{ quoted }] = wrong as [(typeof wrong)[number]];
            missing.push({
              message: `The text gives ${quoted.text.trim()}${quoted.kind === 'rate' ? ' per 10,000' : ''} for "${indicator.label}" in ${year}, but indicators.yaml gives ${unitWords(indicator, value)}: correct one of them, or say in the sentence what the other figure measures (another date, part of the year or group)`,
              where: at(prose.file, prose.path),
              quote: excerpt(sentence),
            });
          }
        }
      }
    }
    if (compared === 0) return outcome([], [{ message: 'No measure is given twice, in indicators.yaml or in the text, so there is nothing to compare' }]);
    return outcome(missing, [{ message: `${compared} figure${compared === 1 ? '' : 's'} given more than once agree${compared === 1 ? 's' : ''}` }]);
  },
};
