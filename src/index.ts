/**
 * The programmatic API. The CLI, the tests and any partnership's own scripts call these:
 *
 *   const { problems, report, compliance, toDos } = await check({ data: 'data', year: '2022-23' });
 *   if (report) {
 *     const { html, assets } = await render(report, { compliance });
 *   }
 *   await build({ data: 'data', year: '2022-23', out: 'dist', formats: ['html', 'pdf'] });
 *
 * check() is load, validate and checkCompliance in one call; each stage is exported too.
 */
export { check, checkFails, type CheckOptions, type CheckedReport } from './check.js';
export { load, type LoadOptions, type LoadedReport } from './load/load-report.js';
export { validate, type ValidationResult } from './validate/validate-report.js';
export type { ReportData } from './model/checked-report.js';
export { checkCompliance, type ComplianceOptions } from './validate/compliance/check-compliance.js';
export { blocksPublication } from './validate/compliance/evaluate.js';
export type { ComplianceReport, RequirementOutcome } from './model/compliance.js';
export { formatOutput, OUTPUT_FORMATS, type OutputFormat } from './validate/output-formats.js';
export { render, renderPage, pdfFileName, type RenderOptions, type RenderedReport, type Asset } from './render/render-report.js';
export type { ReportView, SectionView } from './render/view-model.js';
export { build, parseFormats, FORMATS, type BuildOptions, type BuildResult, type Format } from './build.js';
export { findBrowser, type FoundBrowser } from './write/browser/find-browser.js';
export { formatProblems, type Problem } from './problems.js';
export { EXIT, UserError, UsageError, DataProblemsError, RendererError } from './errors.js';
export { partnershipSchema, type Partnership } from './model/partnership.js';
export { YEAR_FILES, YEAR_FILE_NAMES, type ReportYear } from './model/report-year.js';
export { jsonSchemas, writeJsonSchemas } from './model/json-schema.js';
