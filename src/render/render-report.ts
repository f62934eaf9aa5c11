/**
 * Stage 3, render: checked data -> view model -> HTML, with every file the page needs
 * (stylesheet, fonts, logo, chart images) as assets beside it. Nothing is written to disk here.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { withoutControls } from '../control-characters.js';
import type { ComplianceReport } from '../model/compliance.js';
import type { ReportData } from '../model/checked-report.js';
import { checkBaseUrl } from './base-url.js';
import { readStylesheet, renderHtml } from './html.js';
import { readLogo } from './logo.js';
import { FONT_FILES, iconSvg, themeFor, withThemeCss } from './theme.js';
import { NARROW_CHART, narrowHref } from './chart-spec.js';
import { figuresOf, placeCharts } from './figures.js';
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
  /** A folder whose templates replace the bundled ones of the same name. */
  templatesDir?: string;
  /** The address the report will be published at, for canonical and social links. */
  baseUrl?: string;
  /** The folder that keeps drawn charts between builds; by default the user's cache. */
  cacheDir?: string;
  /** Told after each chart is drawn. */
  onChart?: (done: number, total: number) => void;
}

export interface RenderedReport {
  view: ReportView;
  html: string;
  assets: Asset[];
}

/** assets/report.css -> assets/report.3f9a1c20b7.css: a new name whenever the content changes. */
export function fingerprinted(path: string, content: Buffer | string): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
  const extension = extname(path);
  return `${path.slice(0, -extension.length)}.${hash}${extension}`;
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
  // Read through the bounded reader; an SVG is cleaned of anything that could run or fetch.
  const logo = await readLogo(report, options.cacheDir);
  const logoContent = logo?.content;
  const logoHref = logo ? fingerprinted(`assets/logo${logo.extension}`, logo.content) : undefined;

  // Fonts first: the stylesheet names them, and is itself named by its content.
  const fonts = await Promise.all(
    FONT_FILES.map(async (font) => {
      const content = await readFile(font.file);
      return { name: font.asset, path: fingerprinted(`assets/fonts/${font.asset}`, content), content };
    }),
  );
  // The theme's colours and fonts go at the top of whichever report.css is used, bundled or the
  // partnership's own, since the stylesheet names none of its own.
  let stylesheet = withThemeCss(await readStylesheet(options.templatesDir), theme);
  for (const font of fonts) stylesheet = stylesheet.replaceAll(`fonts/${font.name}`, font.path.replace(/^assets\//, ''));
  const stylesheetHref = fingerprinted('assets/report.css', stylesheet);
  const icon = iconSvg(theme);
  const iconHref = fingerprinted('assets/icon.svg', icon);

  const baseUrl = options.baseUrl === undefined ? undefined : checkBaseUrl(options.baseUrl);

  // The charts are drawn before the view is built, so every view is complete when it is made,
  // each chart under a name that changes with its content. Drawing is the slow part of
  // rendering, and the only part that needs canvas.
  const figures = figuresOf(report, theme);
  const { drawChart } = await import('./chart-images.js');
  let drawn = 0;
  const charts = await Promise.all(
    figures.charts.map(async (spec) => {
      const chart = await drawChart(spec, theme, options.cacheDir);
      options.onChart?.(++drawn, figures.charts.length);
      // Each chart has two images: the wide one, and one for narrow screens (charts.ts).
      const wide: Asset = { path: fingerprinted(spec.href, chart.png), content: chart.png };
      const narrow: Asset = { path: fingerprinted(narrowHref(spec.href), chart.narrow.png), content: chart.narrow.png };
      const { width, height } = chart.narrow;
      return { place: { href: wide.path, narrow: { href: narrow.path, width, height, media: NARROW_CHART.media } }, images: [wide, narrow] };
    }),
  );

  const view = buildView(report, {
    theme,
    stylesheetHref,
    iconHref,
    figures: placeCharts(figures, new Map(figures.charts.map((spec, index) => [spec, charts[index]!.place]))),
    ...(options.compliance ? { compliance: options.compliance } : {}),
    draft: options.draft === true,
    ...(logoHref ? { logoHref } : {}),
    ...(options.pdfFileName ? { pdf: { href: options.pdfFileName } } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });

  const assets: Asset[] = [
    { path: stylesheetHref, content: stylesheet },
    { path: iconHref, content: icon },
    ...fonts.map(({ path, content }) => ({ path, content })),
    ...charts.flatMap((chart) => chart.images),
    ...(logoHref && logoContent ? [{ path: logoHref, content: logoContent }] : []),
  ];
  return { view, html: await renderPage(view, options.templatesDir), assets };
}

/** The page for a complete view: rendered with the templates, then cleaned of control characters. */
export async function renderPage(view: ReportView, templatesDir?: string): Promise<string> {
  return pageText(await renderHtml(view, templatesDir));
}

/**
 * The page as written: no control character (C0 but tab, line feed and carriage return; DEL;
 * C1) may appear in HTML, not even as a character reference, so any the data brought are
 * removed here, whichever field or template they came through. U+2028 and U+2029 become spaces.
 */
export function pageText(html: string): string {
  return withoutControls(html).replace(/&#(?:x0*([0-9a-f]{1,6})|0*([0-9]{1,7}));/gi, (reference, hex: string | undefined, decimal: string | undefined) => {
    const code = hex === undefined ? Number(decimal) : parseInt(hex, 16);
    if (code === 0x2028 || code === 0x2029) return ' ';
    return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) ? '' : reference;
  });
}
