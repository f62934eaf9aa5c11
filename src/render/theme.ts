/**
 * Colours and fonts: the one place the report's look is decided. Brand colours come from
 * partnership.yaml; chart colours for comparators come from the Okabe-Ito palette, which
 * stays distinguishable for the common forms of colour blindness.
 *
 * The stylesheet states no colour and no font name of its own: themeCss() writes them as CSS
 * custom properties (--ink, --font, ...) with the @font-face rules, and the render stage puts
 * that at the top of report.css, a partnership's own report.css (--templates) included. The
 * charts read the same Theme.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Partnership } from '../model/partnership.js';

export interface Theme {
  primary: string;
  accent: string;
  /** Body text, table rules under headings, and the charts' text. */
  ink: string;
  /** Secondary text: sources, definitions, the printed page's footer. */
  muted: string;
  /** Thin lines: table rows, the contents list, the charts' grid. */
  rule: string;
  /** The pale background of tiles, cards and the colophon. */
  wash: string;
  /** The page itself, and text set on a coloured background. */
  paper: string;
  /** Progress ratings and statuses, from good to none. */
  good: string;
  some: string;
  little: string;
  none: string;
  /** Keyboard focus and the draft banner: a yellow highlight with near-black text on it. */
  focus: string;
  focusInk: string;
  /** The draft mark in the printed page's top margin. */
  draftMark: string;
  /** Series colours: the area itself, then England, region, statistical neighbours. */
  series: { area: string; england: string; region: string; statistical_neighbours: string };
  /** Colours for the parts of a breakdown. */
  parts: string[];
  /** The shipped font (FONT_FILES), as the charts and @font-face name it. */
  fontFamily: string;
  /** What the page falls back to for a character the shipped font lacks, in order. */
  fontFallbacks: string;
}

const DEFAULT_PRIMARY = '#1d4f91';
const DEFAULT_ACCENT = '#c2410c';
/** The red-brown of "little progress", also used for the printed draft mark. */
const LITTLE = '#a23b12';
/** A neutral grey: England's series and the last breakdown part. */
const GREY = '#5f6368';

/** The theme of a partnership's report: its own brand colours, or the defaults (also the theme of pages about no one report). */
export function themeFor(partnership?: Pick<Partnership, 'colours'>): Theme {
  const primary = partnership?.colours?.primary ?? DEFAULT_PRIMARY;
  return {
    primary,
    accent: partnership?.colours?.accent ?? DEFAULT_ACCENT,
    ink: '#1f2933',
    muted: '#52606d',
    rule: '#d9dde3',
    wash: '#f3f5f8',
    paper: '#fff',
    good: '#1b6e3a',
    some: '#7a5a00',
    little: LITTLE,
    none: '#9b1c1c',
    focus: '#ffbf47',
    focusInk: '#0b0c0c',
    draftMark: LITTLE,
    // Every series and part colour is at least 3:1 against the white paper (WCAG 1.4.11, graphics):
    // the Okabe-Ito hues, darkened where they were lighter than that (orange, sky blue, yellow).
    series: { area: primary, england: GREY, region: '#B35F00', statistical_neighbours: '#009E73' },
    parts: [primary, '#B35F00', '#009E73', '#B0508A', '#2A7AB0', '#8A7400', '#6B4C9A', GREY],
    fontFamily: 'Atkinson Hyperlegible',
    fontFallbacks: '"Liberation Sans", "DejaVu Sans", Arial, sans-serif',
  };
}

/** The font files shipped with the project (an npm package), used by the charts and the page. */
export const FONT_FILES = (() => {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@expo-google-fonts/atkinson-hyperlegible/package.json'));
  return [
    { file: join(root, '400Regular/AtkinsonHyperlegible_400Regular.ttf'), asset: 'AtkinsonHyperlegible-Regular.ttf', weight: '400', style: 'normal' },
    { file: join(root, '400Regular_Italic/AtkinsonHyperlegible_400Regular_Italic.ttf'), asset: 'AtkinsonHyperlegible-Italic.ttf', weight: '400', style: 'italic' },
    { file: join(root, '700Bold/AtkinsonHyperlegible_700Bold.ttf'), asset: 'AtkinsonHyperlegible-Bold.ttf', weight: '700', style: 'normal' },
    { file: join(root, '700Bold_Italic/AtkinsonHyperlegible_700Bold_Italic.ttf'), asset: 'AtkinsonHyperlegible-BoldItalic.ttf', weight: '700', style: 'italic' },
  ] as const;
})();

/** "#fff" or "#ffffff" at half strength -> "rgba(255, 255, 255, 0.5)". */
function translucent(hex: string, alpha: number): string {
  const digits = hex.slice(1).length === 3 ? [...hex.slice(1)].map((digit) => digit + digit) : hex.slice(1).match(/../g)!;
  return `rgba(${digits.map((pair) => parseInt(pair, 16)).join(', ')}, ${alpha})`;
}

/** The custom properties themeCss() declares, by name, for the stylesheet to use with var(). */
export function themeProperties(theme: Theme): Record<string, string> {
  return {
    '--brand': theme.primary,
    '--accent': theme.accent,
    '--ink': theme.ink,
    '--muted': theme.muted,
    '--rule': theme.rule,
    '--wash': theme.wash,
    '--paper': theme.paper,
    // The line under the cover's period: the paper colour, half seen through on the brand.
    '--paper-half': translucent(theme.paper, 0.5),
    '--good': theme.good,
    '--some': theme.some,
    '--little': theme.little,
    '--none': theme.none,
    '--focus': theme.focus,
    '--focus-ink': theme.focusInk,
    '--draft-mark': theme.draftMark,
    '--font': `"${theme.fontFamily}", ${theme.fontFallbacks}`,
  };
}

/**
 * The theme as CSS: an @font-face rule for each shipped font file, then the custom
 * properties. The font URLs are relative to the stylesheet (fonts/<asset>), as the render
 * stage expects; it renames them to the fingerprinted files.
 */
export function themeCss(theme: Theme): string {
  const fonts = FONT_FILES.map(
    (font) =>
      `@font-face { font-family: "${theme.fontFamily}"; font-weight: ${font.weight}; font-style: ${font.style}; src: url("fonts/${font.asset}") format("truetype"); }`,
  );
  const properties = Object.entries(themeProperties(theme)).map(([name, value]) => `  ${name}: ${value};`);
  return ['/* Colours and fonts, written from src/render/theme.ts. */', ...fonts, '', ':root {', ...properties, '}', ''].join('\n');
}

/**
 * A stylesheet with the theme at its top, so any report.css (the bundled one or a
 * partnership's own) can use the properties. Leading comments, @charset and @import stay
 * first: an @import after any other rule would be ignored.
 */
export function withThemeCss(stylesheet: string, theme: Theme): string {
  const head = /^(?:\s|\/\*[\s\S]*?\*\/|@(?:charset|import|layer)\b[^;{}]*;)*/.exec(stylesheet)![0];
  return `${head.trimEnd()}${head.trim() ? '\n\n' : ''}${themeCss(theme)}\n${stylesheet.slice(head.length).trimStart()}`;
}

/**
 * The page's icon (the browser tab, bookmarks): a square in the partnership's colour. Without
 * one, browsers ask for /favicon.ico, which is not there.
 */
export function iconSvg(theme: Theme): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${theme.primary}"/></svg>\n`;
}
