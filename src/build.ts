/**
 * The whole pipeline: load -> validate -> render -> write (HTML) -> print (PDF).
 * Writes <out>/<year>/index.html with its assets, and <out>/<year>/<name>-annual-report-<year>.pdf.
 */
import { rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ComplianceError, DataProblemsError, UsageError } from './errors.js';
import { check } from './check.js';
import type { LoadOptions } from './load/load-report.js';
import type { ReportData } from './model/checked-report.js';
import type { ComplianceReport } from './model/compliance.js';
import { formatProblems } from './problems.js';
import { checkBaseUrl } from './render/base-url.js';
import { checkTemplates } from './render/html.js';
import { pdfFileName, render, renderPage } from './render/render-report.js';
import { displayPath } from './util/display-path.js';
import { blocksPublication } from './validate/compliance/evaluate.js';
import { formatText } from './validate/output-formats.js';
import type { Printer } from './write/print-pdf.js';
import { removeOnInterrupt } from './write/interrupt.js';
import { writingTo } from './fs-errors.js';
import { checkOutputPlace } from './write/output-place.js';
import { buildDate } from './write/pdf-metadata.js';
import { createStaging, discardStaging, publishStaging, writeSite } from './write/write-site.js';

export const FORMATS = ['html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormats(list: string): Format[] {
  const formats = list.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0 || formats.length === 0) {
    throw new UsageError(`--format ${list} is not understood: use html, pdf, or html,pdf.`);
  }
  return [...new Set(formats)] as Format[];
}

/** 2,090,193 bytes -> "PDF, 2.0 MB". */
export function fileSize(bytes: number): string {
  return bytes >= 1_000_000 ? `PDF, ${(bytes / 1_000_000).toFixed(1)} MB` : `PDF, ${Math.max(1, Math.round(bytes / 1000))} KB`;
}

export interface BuildOptions extends LoadOptions {
  /** Where reports are written; defaults to "dist". */
  out?: string;
  /** Defaults to both. */
  formats?: Format[];
  /** Path of a Chrome or Chromium for printing. */
  browser?: string;
  /** A folder of templates to use instead of the bundled ones. */
  templatesDir?: string;
  /** The requirements to check against: a catalogue's id or a catalogue file. */
  standard?: string;
  /** Refuse to build when any requirement is not met, not only a "must". */
  strict?: boolean;
  /** Build even when requirements are not met, marking every page DRAFT. */
  draft?: boolean;
  /** Today as YYYY-MM-DD, for publication reminders; defaults to the real date. */
  today?: string;
  /** Where the output folder is published, for canonical and social links. */
  baseUrl?: string;
  /** Told as each stage starts, for a progress display. */
  onProgress?: (progress: BuildProgress) => void;
  /** The folder that keeps charts and page numbers between builds; by default the user's cache. */
  cacheDir?: string;
  /** A printer shared by several builds (report build --all); otherwise each build opens its own. */
  printer?: Printer;
}

export interface BuildProgress {
  stage: 'loading' | 'checking' | 'charts' | 'writing' | 'printing' | 'waiting' | 'done';
  /** For charts: how many are drawn so far, of how many. */
  done?: number;
  total?: number;
}

export interface BuildResult {
  year: string;
  /** The report's folder: <out>/<year>. */
  folder: string;
  html?: string;
  pdf?: string;
  /** The files written, as shown to the user. */
  written: string[];
  /** Things the user should know that did not stop the build. */
  warnings: string[];
}

/** A wrong base address or templates folder is said before any data is loaded (a usage error). */
export async function checkBuildOptions(options: Pick<BuildOptions, 'baseUrl' | 'templatesDir'>): Promise<void> {
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl);
  if (options.templatesDir !== undefined) await checkTemplates(options.templatesDir);
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const formats = options.formats ?? [...FORMATS];
  const progress = options.onProgress ?? (() => undefined);
  await checkBuildOptions(options);
  checkOutputPlace(options.out ?? 'dist', [
    { what: 'data folder', path: options.data ?? 'data' },
    ...(options.templatesDir ? [{ what: 'templates folder', path: options.templatesDir }] : []),
  ]);
  const wantsPdf = formats.includes('pdf');
  // Start the browser first, so it is ready by the time the data is checked and the page
  // rendered (starting it takes about as long as both); if the report cannot be built, it is
  // closed unused.
  const printer = wantsPdf ? (options.printer ? Promise.resolve(options.printer) : openPrinter(options.browser)) : undefined;
  printer?.catch(() => undefined);
  try {
    const { problems, report, warnings, compliance } = await check({
      ...options,
      onStage: (stage) => progress({ stage }),
    });
    if (!report || !compliance) throw new DataProblemsError(problems);
    // A report whose data says it is a draft is marked DRAFT on every page anyway, so it may be
    // built to look at; a final one must pass every "must" (or be built with --draft).
    const isDraft = options.draft === true || report.sections.report.status === 'draft';
    if (blocksPublication(compliance, options.strict) && !isDraft) {
      const table = formatText({ year: report.year, dataDir: options.data ?? 'data', problems: [], compliance, failed: true });
      throw new ComplianceError(`${table}\n\nThe report was not built. Fix what is not met, or build a marked draft with --draft.`);
    }
    const pdfName = pdfFileName(report);
    const built = await renderAndWrite(report, compliance, { ...options, formats }, pdfName, printer, progress);
    // What validation warned of (e.g. invisible characters in names) comes first.
    return { ...built, warnings: [...warnings.map((warning) => formatProblems([warning])), ...built.warnings] };
  } finally {
    if (printer && !options.printer) await printer.then((opened) => opened.close(), () => undefined);
  }
}

async function openPrinter(browser: string | undefined): Promise<Printer> {
  const { Printer: PrinterClass } = await import('./write/print-pdf.js');
  return PrinterClass.open(browser);
}

async function renderAndWrite(
  report: ReportData,
  compliance: ComplianceReport,
  options: BuildOptions & { formats: Format[] },
  pdfName: string,
  printer: Promise<Printer> | undefined,
  progress: (progress: BuildProgress) => void,
): Promise<BuildResult> {
  const { formats } = options;
  const wantsPdf = printer !== undefined;
  const rendered = await render(report, {
    compliance,
    onChart: (done, total) => progress({ stage: 'charts', done, total }),
    draft: options.draft === true,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(wantsPdf ? { pdfFileName: pdfName } : {}),
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  const warnings: string[] = [];

  const folder = resolve(options.out ?? 'dist', report.year);
  // A fault of the output folder (a file in the way, read-only, full, a name too long) is the
  // user's to fix, and is said so; the previous report stays as it was.
  const staging = await writingTo('the report', folder, () => inReportFolder(join(dirname(folder), `.${basename(folder)}-building-`), folder, () => createStaging(folder)));
  const forget = removeOnInterrupt(staging);
  try {
    await writingTo('the report', folder, () => inReportFolder(staging, folder, async () => {
      // The PDF is printed from the HTML, so the HTML is always written to the staging folder.
      progress({ stage: 'writing' });
      await writeSite(staging, rendered.html, rendered.assets);
      if (printer) {
        progress({ stage: 'printing' });
        const { period, publication } = report.sections.report;
        const { blocked } = await (await printer).print(join(staging, 'index.html'), join(staging, pdfName), {
          metadata: {
            title: rendered.view.documentTitle,
            author: report.partnership.name,
            subject: `The yearly report of the ${report.partnership.area} safeguarding children partnership for ${rendered.view.periodText}: what the partners did, its impact on children and families, and how effective the arrangements have been.`,
            keywords: ['safeguarding children', 'annual report', report.year, report.partnership.area, compliance.catalogue.title, 'multi-agency safeguarding arrangements'],
            date: buildDate(publication?.date ?? period.end),
          },
          ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
        });
        for (const url of blocked) warnings.push(`While printing, the page asked for ${url}, which is outside the report; it was blocked.`);
        if (formats.includes('html')) {
          // Now the PDF exists, the web page's download link can say how big it is: the page
          // printed, with the PDF's size added, is the web page.
          const size = fileSize((await stat(join(staging, pdfName))).size);
          await writeFile(join(staging, 'index.html'), await renderPage({ ...rendered.view, pdf: { href: pdfName, size } }, options.templatesDir));
        }
      }
      if (!formats.includes('html')) {
        await rm(join(staging, 'index.html'));
        await rm(join(staging, 'assets'), { recursive: true });
      }
      await publishStaging(staging, folder, () => progress({ stage: 'waiting' }));
    }));
  } catch (error) {
    await discardStaging(staging);
    throw error;
  } finally {
    forget();
  }

  progress({ stage: 'done' });
  const html = formats.includes('html') ? join(folder, 'index.html') : undefined;
  const pdf = wantsPdf ? join(folder, pdfName) : undefined;
  return {
    year: report.year,
    folder,
    ...(html ? { html } : {}),
    ...(pdf ? { pdf } : {}),
    written: [html, pdf].filter((path): path is string => Boolean(path)).map(displayPath),
    warnings,
  };
}

/**
 * A fault writing a file in the staging folder is, as far as the user knows, a fault writing
 * the report's folder: say that folder, not the hidden one beside it.
 */
async function inReportFolder<T>(staging: string, folder: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (typeof failure?.path === 'string' && failure.path.startsWith(staging)) failure.path = folder;
    throw error;
  }
}
