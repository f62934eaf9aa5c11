/**
 * A report whose data has passed every check: what the statutory checks, the views and the
 * templates work from.
 */
import type { Partnership } from './partnership.js';
import type { ReportYear, YearFileName } from './report-year.js';
import type { YamlFile } from './source-file.js';

export interface ReportData {
  /** Absolute path of the data folder (for the logo and other referenced files). */
  dataDir: string;
  year: string;
  partnership: Partnership;
  sections: ReportYear;
  /** The files the data came from, so later checks can say where something is. */
  sources: { partnership: YamlFile; files: Partial<Record<YearFileName, YamlFile>> };
  /** Last year's reporting period, when last year's folder has a valid one. */
  previousPeriod?: { year: string; start: string; end: string };
}
