/**
 * Checks that need more than one field or file: ids are unique, references point at
 * something that exists, and the period matches its year folder.
 */
import type { ReportYear, YearFileName } from '../model/report-year.js';
import type { Problem } from '../problems.js';
import { positionOf, type YamlFile } from '../load/yaml-file.js';
import { closest } from '../util/suggest.js';

export interface CrossReferenceInput {
  year: string;
  report: ReportYear;
  files: Partial<Record<YearFileName, YamlFile>>;
}

export function checkCrossReferences({ year, report, files }: CrossReferenceInput): Problem[] {
  const problems: Problem[] = [];
  const at = (name: YearFileName, path: Array<string | number>, message: string, hint: string): void => {
    const file = files[name];
    if (!file) return;
    problems.push({ file: file.displayPath, ...positionOf(file, path), path, message, hint });
  };

  // The period belongs to its folder: 2022-23 starts in 2022 or ends in 2023.
  const firstYear = Number(year.slice(0, 4));
  const { start, end } = report.report.period;
  if (Number(start.slice(0, 4)) !== firstYear && Number(end.slice(0, 4)) !== firstYear + 1) {
    at('report', ['period', 'start'], `the period ${start} to ${end} does not match the folder ${year}`,
      `move the files to the folder for the right year, or correct the dates`);
  }

  const duplicates = (name: YearFileName, list: Array<{ id: string }> | undefined, key: string) => {
    const seen = new Set<string>();
    list?.forEach((item, index) => {
      if (seen.has(item.id)) at(name, [key, index, 'id'], `the id "${item.id}" is used twice`, 'give each entry its own id');
      seen.add(item.id);
    });
  };
  duplicates('priorities', report.priorities.priorities, 'priorities');
  duplicates('indicators', report.indicators?.indicators, 'indicators');
  duplicates('indicators', report.indicators?.breakdowns, 'breakdowns');
  duplicates('reviews', report.reviews?.reviews, 'reviews');

  const indicatorIds = new Set(report.indicators?.indicators.map((indicator) => indicator.id) ?? []);
  report.priorities.priorities.forEach((priority, p) => {
    priority.impact?.forEach((evidence, e) => {
      if (evidence.indicator && !indicatorIds.has(evidence.indicator)) {
        const suggestion = closest(evidence.indicator, indicatorIds);
        at('priorities', ['priorities', p, 'impact', e, 'indicator'],
          `there is no indicator "${evidence.indicator}" in indicators.yaml`,
          suggestion ? `did you mean "${suggestion}"?` : 'use the id of an indicator in indicators.yaml, or remove the link');
      }
    });
  });
  return problems;
}
