/**
 * Stage 2, validate: check every loaded file against the model, then the cross-references.
 * All problems are collected, so one run shows everything that needs fixing.
 */
import type { ReportData } from '../model/checked-report.js';
import { comparatorNames, partnershipSchema, type Partnership } from '../model/partnership.js';
import { reportFile, YEAR_FILE_NAMES, YEAR_FILES, type ReportYear } from '../model/report-year.js';
import type { LoadedReport } from '../load/load-report.js';
import { sortProblems, type Problem } from '../problems.js';
import { checkCrossReferences } from './cross-references.js';
import { checkInvisibleCharacters } from './invisible-characters.js';
import { yamlWarnings } from '../load/yaml-file.js';
import { checkReferencedFiles } from './referenced-files.js';
import { addHistory, earlierIndicators } from './indicator-history.js';
import { mergeIndicatorsCsv } from './indicators-csv.js';
import { checkAgainstSchema } from './schema-check.js';

export interface ValidationResult {
  problems: Problem[];
  /** Things that do not stop the report but should be looked at, e.g. invisible characters in names. */
  warnings: Problem[];
  /** Present only when there are no problems. */
  report?: ReportData;
}

export function validate(loaded: LoadedReport): ValidationResult {
  const files = [loaded.partnership, ...YEAR_FILE_NAMES.map((name) => loaded.files[name])];
  const warnings = sortProblems([...checkInvisibleCharacters(files), ...files.flatMap(yamlWarnings)]);
  const problems: Problem[] = [...loaded.problems];
  let partnership: Partnership | undefined;
  if (loaded.partnership) {
    const found = checkAgainstSchema(loaded.partnership, partnershipSchema);
    problems.push(...found);
    if (found.length === 0) {
      partnership = partnershipSchema.parse(loaded.partnership.data);
      problems.push(...checkReferencedFiles(loaded.partnership, partnership, loaded.folder.root));
    }
  }

  const sections: Record<string, unknown> = {};
  for (const name of YEAR_FILE_NAMES) {
    const file = loaded.files[name];
    if (!file) continue;
    const { schema } = YEAR_FILES[name];
    const found = checkAgainstSchema(file, schema);
    problems.push(...found);
    if (found.length === 0) sections[name] = schema.parse(file.data);
  }

  if (problems.length > 0 || !partnership) return { problems: sortProblems(problems), warnings };
  const report = sections as unknown as ReportYear;

  // Figures from indicators.csv join indicators.yaml; earlier year folders add history.
  const names = comparatorNames(partnership);
  let indicators = report.indicators?.indicators ?? [];
  if (loaded.indicatorsCsv) {
    const merged = mergeIndicatorsCsv(loaded.indicatorsCsv, indicators, names);
    problems.push(...merged.problems);
    indicators = merged.indicators;
  }
  if (problems.length > 0) return { problems: sortProblems(problems), warnings };
  if (indicators.length > 0) {
    report.indicators = { ...(report.indicators ?? {}), indicators: addHistory(indicators, earlierIndicators(loaded.history, names, indicators)) };
  }
  problems.push(...checkCrossReferences({ year: loaded.year, report, files: loaded.files }));
  if (problems.length > 0) return { problems: sortProblems(problems), warnings };
  const previousYear = loaded.folder.years[loaded.folder.years.indexOf(loaded.year) - 1];
  const previous = reportFile.shape.period.safeParse((loaded.previousReport?.data as { period?: unknown } | undefined)?.period);
  return {
    problems: [],
    warnings,
    report: {
      dataDir: loaded.folder.root,
      year: loaded.year,
      partnership,
      sections: report,
      sources: { partnership: loaded.partnership!, files: loaded.files },
      ...(previous.success && previousYear ? { previousPeriod: { year: previousYear, ...previous.data } } : {}),
    },
  };
}
