import type { YearFileName } from '../../../model/report-year.js';
import type { Check, Finding } from '../check.js';
import { stringsOf } from '../../strings-of.js';

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
        if (found) missing.push({ message: `Placeholder text (${found[1]}) is still in ${path.join('.')}: finish the text before publishing`, where: at(name, path) });
      }
    }
    if (missing.length === 0) return { status: 'met', met: [{ message: 'No placeholder text was found' }], missing };
    // While the report is a draft, unfinished text is expected: a reminder, not a failure.
    return { status: report.sections.report.status === 'draft' ? 'reminder' : 'not-met', met: [], missing };
  },
};
