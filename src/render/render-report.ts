/**
 * Stage 3, render: checked data -> view model -> HTML, with every file the page needs
 * (stylesheet, fonts, logo, chart images) as assets beside it. Nothing is written to disk here.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { ComplianceReport } from '../validate/compliance/evaluate.js';
import type { ReportData } from '../validate/validate-report.js';
import { readStylesheet, renderHtml, TEMPLATES_DIR } from './html.js';
import { FONT_FILES, themeFor } from './theme.js';
import { buildView, type ReportView } from './view-model.js';

export interface Asset {
  /** Path relative to index.html, e.g. assets/charts/indicator-re-referrals.png */
  path: string;
  content: Buffer | string;
}

export interface RenderOptions {
  /** The compliance outcome, shown as the appendix on how the report meets the guidance. */
  compliance?: ComplianceReport;
  /** Mark every page as a draft. */
  draft?: boolean;
  /** Link to a PDF of this name beside index.html. */
  pdfFileName?: string;
  /** A folder of templates to use instead of the bundled ones. */
  templatesDir?: string;
}

export interface RenderedReport {
  view: ReportView;
  html: string;
  assets: Asset[];
}

/** e.g. "sandwell-childrens-safeguarding-partnership-annual-report-2022-23.pdf" */
export function pdfFileName(report: ReportData): string {
  const slug = report.partnership.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}-annual-report-${report.year}.pdf`;
}

export async function render(report: ReportData, options: RenderOptions = {}): Promise<RenderedReport> {
  const theme = themeFor(report.partnership);
  const logo = report.partnership.logo;
  const logoHref = logo ? `assets/logo${extname(logo).toLowerCase()}` : undefined;
  const view = buildView(report, {
    theme,
    ...(options.compliance ? { compliance: options.compliance } : {}),
    draft: options.draft === true,
    ...(logoHref ? { logoHref } : {}),
    ...(options.pdfFileName ? { pdfFileName: options.pdfFileName } : {}),
  });
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;

  // Charts are the slow part of rendering, and the only part that needs canvas.
  const { drawChart } = await import('./charts.js');
  const [html, stylesheet, charts, fonts] = await Promise.all([
    renderHtml(view, templatesDir),
    readStylesheet(templatesDir),
    Promise.all(view.charts.map((spec) => drawChart(spec, theme))),
    Promise.all(FONT_FILES.map(async (font) => ({ path: `assets/fonts/${font.asset}`, content: await readFile(font.file) }))),
  ]);
  const assets: Asset[] = [
    { path: 'assets/report.css', content: stylesheet },
    ...fonts,
    ...charts.map((chart) => ({ path: chart.spec.href, content: chart.png })),
  ];
  if (logo && logoHref) assets.push({ path: logoHref, content: await readFile(resolve(report.dataDir, logo)) });
  return { view, html, assets };
}
