import { COMPARATORS, comparatorNames } from '../../../model/partnership.js';
import type { Indicator, StatedFigure } from '../../../model/report-year.js';
import { figureNote, figureValue, figureWhen } from '../../../model/stated-figure.js';
import type { Check, Finding } from '../check.js';

/** The ways a report writes a year label: 2021-22, 2021/22, 2021-2022, 2021 to 2022, 21/22. */
function yearWritten(text: string, year: string): boolean {
  const [start, end] = [year.slice(0, 4), year.slice(5)];
  const forms = [`${start}\\s*[-/–]\\s*(?:20)?${end}`, `${start}\\s+to\\s+20${end}`, `${start.slice(2)}\\s*[-/]\\s*${end}`];
  return new RegExp(`(?<![\\d])(?:${forms.join('|')})(?![\\d])`).test(text);
}

/**
 * Whether the notes say which year a comparator is for: a sentence naming its year and the
 * comparator ("The England figure is for 2021-22", "Comparators are the latest published,
 * for 2021/22"), not last year's local figure ("702 of 3,065 in 2021-22").
 */
function saidInNotes(notes: string | undefined, older: Older): boolean {
  const names = new RegExp(`\\b(?:${older.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|comparators?|averages?|national|England|regional|region|statistical neighbou?rs?|neighbou?rs|benchmarks?|published|latest)\\b`, 'i');
  return (notes ?? '').split(/(?<=[.!?;])\s+|\n+/).some((sentence) => yearWritten(sentence, older.year) && names.test(sentence));
}

interface Older {
  /** England, the region's name, statistical neighbours, or the partnership's own comparator. */
  name: string;
  year: string;
  value: unknown;
}

/**
 * Comparators are given by year, and the page says which year each is for; this year's local
 * figure set beside an older comparator is pointed out once per indicator, so the text can
 * say so. Saying so is enough: a sentence of the indicator's notes naming the comparator and
 * its year ("England figure is for 2021-22"), or the comparator's figure carrying its own
 * stated period or note.
 */
export const comparatorYears: Check = {
  id: 'comparator-years',
  paths: ['indicators.yaml indicators[].comparators', 'indicators.yaml indicators[].notes'],
  sections: ['performance'],
  run({ report, at }) {
    const names = comparatorNames(report.partnership);
    const possessive = (name: string) => (name === 'Statistical neighbours' ? 'statistical neighbours\'' : name.endsWith('s') ? `${name}'` : `${name}'s`);
    const older: Finding[] = [];
    let acknowledged = 0;
    report.sections.indicators?.indicators.forEach((indicator: Indicator, i) => {
      if (figureValue(indicator.values[report.year]) === undefined) return;
      const series: Array<[string, Record<string, StatedFigure> | undefined]> = [
        ...COMPARATORS.map((c) => [names[c], indicator.comparators?.[c]] as [string, Record<string, StatedFigure> | undefined]),
        ...(indicator.comparators?.others ?? []).map((o) => [o.name, o.values] as [string, Record<string, StatedFigure>]),
      ];
      const found: Older[] = [];
      for (const [name, values] of series) {
        const latest = Object.keys(values ?? {}).filter((y) => y <= report.year).sort().at(-1);
        if (!latest || latest === report.year) continue;
        const figure = values![latest];
        // Its own period ({ value, from, to } or as_at) or note says when it is for.
        if (figureWhen(figure) || figureNote(figure)) {
          acknowledged++;
          continue;
        }
        found.push({ name, year: latest, value: figureValue(figure) });
      }
      if (found.length === 0) return;
      const unsaid = found.filter((f) => !saidInNotes(indicator.notes, f));
      acknowledged += found.length - unsaid.length;
      if (unsaid.length === 0) return;
      const which = unsaid.map((f) => `${possessive(f.name)} ${f.year}`);
      const list = which.length === 1 ? which[0] : `${which.slice(0, -1).join(', ')} and ${which.at(-1)}`;
      older.push({
        message: `"${indicator.label}"${indicator.area ? ` (${indicator.area})` : ''} compares ${report.year} with ${list} figure${unsaid.length === 1 ? '' : 's'}: say so in its notes (for example "${unsaid[0]!.name} figure is for ${unsaid[0]!.year}"), or add the ${report.year} comparator when it is published`,
        where: at('indicators', ['indicators', i, 'comparators']),
        quote: `${report.year}: ${figureValue(indicator.values[report.year])}; ${unsaid.map((f) => `${f.name} ${f.year}: ${f.value}`).join('; ')}`,
      });
    });
    if (older.length === 0) {
      const message = acknowledged > 0
        ? `Every older comparator is said to be older (${acknowledged} in all); the others are for the same year as the local figure`
        : 'Every comparator is for the same year as the local figure, or earlier years are compared with earlier years';
      return { status: 'met', met: [{ message }], missing: [] };
    }
    return { status: 'reminder', met: [], missing: older };
  },
};
