/**
 * Colours and fonts: the one place the report's look is decided. Brand colours come from
 * partnership.yaml; chart colours for comparators come from the Okabe-Ito palette, which
 * stays distinguishable for the common forms of colour blindness.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Partnership } from '../model/partnership.js';

export interface Theme {
  primary: string;
  accent: string;
  /** Series colours: the area itself, then England, region, statistical neighbours. */
  series: { area: string; england: string; region: string; statistical_neighbours: string };
  /** Colours for the parts of a breakdown. */
  parts: string[];
  fontFamily: string;
}

const DEFAULT_PRIMARY = '#1d4f91';
const DEFAULT_ACCENT = '#c2410c';

export function themeFor(partnership: Partnership): Theme {
  const primary = partnership.colours?.primary ?? DEFAULT_PRIMARY;
  return {
    primary,
    accent: partnership.colours?.accent ?? DEFAULT_ACCENT,
    series: { area: primary, england: '#5f6368', region: '#E69F00', statistical_neighbours: '#009E73' },
    parts: [primary, '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#5f6368'],
    fontFamily: 'Atkinson Hyperlegible',
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
