/**
 * One theme: every colour and font is decided in src/render/theme.ts. The stylesheet and the
 * charts take them from there and state none of their own, so a colour changed in the theme
 * changes everywhere, and a colour restated anywhere fails here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../src/render/chart-spec.js';
import { drawChart } from '../src/render/chart-images.js';
import { render } from '../src/render/render-report.js';
import { themeCss, themeFor, themeProperties, withThemeCss, type Theme } from '../src/render/theme.js';
import { freshCache, ROOT, tempDir } from './helpers.js';
import { demoReport } from './report-fixture.js';

const theme = themeFor({ name: 'Test', area: 'Sandwell', website: 'https://example.org', safeguarding_partners: [] } as never);
const bundledCss = readFileSync(join(ROOT, 'templates', 'report.css'), 'utf8');
/** The bundled stylesheet without its comments, which may name colours in words. */
const bundledRules = bundledCss.replace(/\/\*[\s\S]*?\*\//g, '');

/** Every `--name` a stylesheet reads with var(). */
const usedProperties = (css: string) => new Set([...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1]!));
/** Every `--name: value` a stylesheet declares. */
const declaredProperties = (css: string) => new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1]!));

/** Words allowed in a declaration that could take a colour (or in border-collapse): none of them is a colour. */
const NOT_COLOURS = new Set(['solid', 'dashed', 'dotted', 'double', 'none', 'inherit', 'initial', 'unset', 'currentcolor', 'transparent', 'auto', 'underline', 'collapse', 'separate']);

describe('the stylesheet states no colour or font of its own', () => {
  it('has no hex, rgb(), hsl() or other colour function', () => {
    expect(bundledRules.match(/#[0-9a-f]{3,8}\b/gi) ?? []).toEqual([]);
    expect(bundledRules.match(/\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi) ?? []).toEqual([]);
  });

  it('has no named colour where a colour goes: every colour is a var()', () => {
    const colourDeclaration = /(?:^|[;{\s])((?:color|background(?:-color)?|border(?:-[a-z]+)*|outline(?:-color)?|text-decoration(?:-color)?|column-rule(?:-color)?|caret-color|accent-color|fill|stroke|box-shadow|text-shadow))\s*:\s*([^;}]*)/g;
    const found = [...bundledRules.matchAll(colourDeclaration)];
    expect(found.length).toBeGreaterThan(50);
    const named = found.flatMap(([, property, value]) =>
      value!
        .replace(/var\(--[\w-]+\)/g, '')
        .replace(/!important/g, '')
        .split(/[\s,]+/)
        .filter((word) => word !== '' && !/^-?[\d.]+[a-z%]*$/i.test(word) && !NOT_COLOURS.has(word.toLowerCase()))
        .map((word) => `${property}: ${word}`),
    );
    expect(named).toEqual([]);
  });

  it('names no font: every font-family is var(--font), and the @font-face rules come from the theme', () => {
    const families = [...bundledRules.matchAll(/font-family\s*:\s*([^;}]*)/g)].map((match) => match[1]!.trim());
    expect(families.length).toBeGreaterThan(0);
    expect(new Set(families)).toEqual(new Set(['var(--font)']));
    expect(bundledRules).not.toMatch(/@font-face|\bfont\s*:/);
    for (const name of [theme.fontFamily, ...theme.fontFallbacks.split(',').map((name) => name.trim().replace(/"/g, ''))]) {
      expect(bundledRules).not.toContain(name);
    }
  });

  it('reads only properties the theme declares (or its own layout ones), and restates none of the theme\'s', () => {
    const generated = declaredProperties(themeCss(theme));
    const own = declaredProperties(bundledRules);
    expect([...own].filter((name) => generated.has(name))).toEqual([]);
    expect([...usedProperties(bundledRules)].filter((name) => !generated.has(name) && !own.has(name))).toEqual([]);
    // Layout is the stylesheet's own business; colours and fonts are not.
    expect([...own]).toEqual(['--measure']);
  });
});

describe('the theme written as CSS', () => {
  it('declares each property once, with the theme\'s values', () => {
    const css = themeCss(theme);
    expect(css).toContain(`--ink: ${theme.ink};`);
    expect(css).toContain(`--brand: ${theme.primary};`);
    expect(css).toContain('--paper-half: rgba(255, 255, 255, 0.5);');
    expect(css).toContain(`--font: "${theme.fontFamily}", ${theme.fontFallbacks};`);
    for (const name of Object.keys(themeProperties(theme))) expect(css.split(`${name}:`)).toHaveLength(2);
    expect(css.match(/@font-face/g)).toHaveLength(4);
  });

  it('follows the partnership\'s brand colours', () => {
    const own = themeFor({ name: 'Own', colours: { primary: '#123456', accent: '#654321' } } as never);
    expect(themeCss(own)).toContain('--brand: #123456;');
    expect(themeCss(own)).toContain('--accent: #654321;');
  });

  it('goes at the top of any stylesheet, after the comments, @charset and @import that must come first', () => {
    expect(withThemeCss('body { color: var(--ink); }', theme)).toBe(`${themeCss(theme)}\nbody { color: var(--ink); }`);
    const own = '@charset "utf-8";\n/* ours */\n@import url("print.css") print;\n\nbody { color: var(--ink); }\n';
    const themed = withThemeCss(own, theme);
    expect(themed.startsWith('@charset "utf-8";\n/* ours */\n@import url("print.css") print;\n\n/* Colours and fonts')).toBe(true);
    expect(themed.endsWith('\nbody { color: var(--ink); }\n')).toBe(true);
  });

  it('reaches a partnership\'s own report.css (--templates), with the fonts\' published names', async () => {
    const templates = tempDir();
    writeFileSync(join(templates, 'report.css'), 'h1 { color: var(--accent); font-family: var(--font); }\n');
    const rendered = await render(await demoReport(), { templatesDir: templates, cacheDir: freshCache() });
    const stylesheet = rendered.assets.find((asset) => /^assets\/report\.[0-9a-f]{10}\.css$/.test(asset.path))!.content.toString();
    expect(stylesheet).toContain('--ink: #1f2933;');
    expect(stylesheet).toMatch(/url\("fonts\/AtkinsonHyperlegible-Regular\.[0-9a-f]{10}\.ttf"\)/);
    expect(stylesheet.endsWith('h1 { color: var(--accent); font-family: var(--font); }\n')).toBe(true);
  });
});

describe('the charts take their colours and font from the theme', () => {
  it('state no colour of their own in the drawing code', () => {
    const code = readFileSync(join(ROOT, 'src', 'render', 'charts.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code.match(/#[0-9a-f]{3,8}\b/gi) ?? []).toEqual([]);
    expect(code.match(/'(?:white|black|gr[ae]y|red|blue|green)'/gi) ?? []).toEqual([]);
    expect(code).not.toContain('Atkinson');
  });

  it('change when the theme\'s ink, rule or paper changes', async () => {
    const spec = chartSpec({
      id: 'theme-probe',
      kind: 'grouped-bar',
      labels: ['2021-22', '2022-23'],
      datasets: [{ label: 'Sandwell', values: [21, 23], colour: theme.primary }, { label: 'England', values: [20, 21.5], colour: theme.series.england }],
      unit: 'percentage',
      alt: 'x',
    });
    const cache = freshCache();
    const draw = async (changed: Partial<Theme>) => (await drawChart(spec, { ...theme, ...changed }, cache)).png;
    const plain = await draw({});
    expect(await draw({})).toEqual(plain);
    for (const changed of [{ ink: '#ff0000' }, { rule: '#00ff00' }, { paper: '#0000ff' }]) expect(await draw(changed)).not.toEqual(plain);
  });
});

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('chart colours', () => {
  it('are each at least 3:1 against the paper (WCAG 1.4.11: graphics a reader must tell apart)', () => {
    const theme = themeFor();
    const paper = theme.paper === '#fff' ? '#ffffff' : theme.paper;
    for (const colour of [...Object.values(theme.series), ...theme.parts]) {
      expect(contrast(colour, paper), colour).toBeGreaterThanOrEqual(3);
    }
  });
});

