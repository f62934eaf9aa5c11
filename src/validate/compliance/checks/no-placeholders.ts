import type { YearFileName } from '../../../model/report-year.js';
import type { Check, Finding } from '../check.js';
import { stringsOf } from '../../strings-of.js';
import { contentOf } from '../non-content.js';

const PLACEHOLDERS: Array<[RegExp, string]> = [
  // A placeholder stands on its own ("To be completed", "(to be confirmed)", "Details: to be
  // added") or shouts; in a sentence ("reviews continue to be completed on time") it is prose.
  [/(?:^|[[(:\n]\s*)(?:[a-z]+ )?to be (?:completed|confirmed|added)\b/i, 'to be completed'],
  [/\bTO BE (?:COMPLETED|CONFIRMED|ADDED)\b/, 'to be completed'],
  [/\bTBC\b|\bTBA\b/, 'TBC'],
  [/\bTODO\b|\bTO DO\b/, 'TODO'],
  [/\bX{2,}\b/, 'XX'],
  [/\blorem ipsum\b/i, 'lorem ipsum'],
  [/\[(insert|add|enter) [^\]]*\]/i, '[insert ...]'],
  [/^#{1,6}\s*$/m, 'an empty heading'],
];

/** A final report is finished: no placeholder text left in for publication. */
export const noPlaceholders: Check = {
  id: 'no-placeholders',
  paths: ['every text field'],
  sections: [],
  reportWide: true,
  run({ report, at }) {
    const missing: Finding[] = [];
    const files: Array<['partnership' | YearFileName, unknown]> = [
      ['partnership', report.sources.partnership.data],
      ...Object.entries(report.sources.files).map(([name, file]) => [name as YearFileName, file?.data] as ['partnership' | YearFileName, unknown]),
    ];
    for (const [name, data] of files) {
      for (const [text, path] of stringsOf(data)) {
        const found = PLACEHOLDERS.find(([pattern]) => pattern.test(text));
        if (found) {
          missing.push({ message: `Placeholder text (${found[1]}) is still in ${path.join('.')}: finish the text before publishing`, where: at(name, path) });
          continue;
        }
        // What a template leaves behind: questions nobody answered, notes to the writer, and
        // pointers to appendices, figures or pages the report does not have.
        // Children's and families' own words are quoted as said: a question there is their voice.
        if (path.includes('quotes')) continue;
        const left = contentOf(text).removed.filter((removed) => removed.kind !== 'empty-item');
        if (left.length > 0) {
          const what = { placeholder: 'placeholder text', 'unanswered-question': 'an unanswered question', 'template-residue': 'a note to the writer', 'missing-reference': 'a reference to something not in the report', 'empty-item': 'an empty item' }[left[0]!.kind];
          missing.push({ message: `${what.charAt(0).toUpperCase()}${what.slice(1)} is still in ${path.join('.')}: "${left[0]!.text.trim().slice(0, 80)}". Finish or remove it before publishing`, where: at(name, path), quote: left[0]!.text.trim().slice(0, 160) });
        }
      }
    }
    if (missing.length === 0) return { status: 'met', met: [{ message: 'No placeholder text was found' }], missing };
    // While the report is a draft, unfinished text is expected: a reminder, not a failure.
    return { status: report.sections.report.status === 'draft' ? 'reminder' : 'not-met', met: [], missing };
  },
};
