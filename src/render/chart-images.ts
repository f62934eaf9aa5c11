/**
 * A chart's two images, each drawn once per content: they depend only on the chart's data,
 * their sizes and the theme, so they are kept (in memory and in the cache folder) under a hash
 * of those. Drawing (charts.ts, with canvas and chart.js) is loaded only when an image is not
 * kept, so a build whose charts are unchanged never loads either.
 */
import { cacheDir, cacheKey, readCache, writeCache } from '../cache.js';
import { packageVersion } from '../util/package-version.js';
import { NARROW_CHART, type ChartSpec } from './chart-spec.js';
import type { Theme } from './theme.js';

export interface DrawnChart {
  spec: ChartSpec;
  /** For print and wide screens: spec.width by spec.height CSS px, drawn at 2x. */
  png: Buffer;
  /** For narrow screens: NARROW_CHART.width CSS px wide, as tall as its labels need, drawn at NARROW_CHART.scale. */
  narrow: { png: Buffer; width: number; height: number };
}

/** Bumped whenever the drawing code changes how a chart looks, so cached images are not reused. */
const DRAWING_VERSION = 4;

const chartJsVersion = packageVersion('chart.js', import.meta.url);

/**
 * Images in memory, for the preview's rebuilds: a few reports' worth (the demo has 44), so that
 * a batch of forty reports does not keep every image it has drawn.
 */
const memory = new Map<string, Buffer>();
const MEMORY_LIMIT = 256;

function keep(place: string, png: Buffer): void {
  // The oldest goes first (a Map keeps the order things were put in).
  if (memory.size >= MEMORY_LIMIT && !memory.has(place)) memory.delete(memory.keys().next().value!);
  memory.set(place, png);
}

/** What is under `key`, in memory or the cache folder, or else drawn now and kept in both. */
async function remembered(kind: string, key: string, cache: string, draw: () => Promise<Buffer>): Promise<Buffer> {
  // Remembered per cache folder: a build given a folder of its own draws every chart afresh.
  const place = `${cache}\0${kind}\0${key}`;
  const cached = memory.get(place) ?? readCache(kind, key, cache);
  if (cached) {
    keep(place, cached);
    return cached;
  }
  const png = await draw();
  keep(place, png);
  writeCache(kind, key, png, cache);
  return png;
}

export async function drawChart(spec: ChartSpec, theme: Theme, cache = cacheDir()): Promise<DrawnChart> {
  const { id: _id, alt: _alt, href: _href, narrow: _narrow, ...content } = spec;
  const png = await remembered('charts', cacheKey('chart', DRAWING_VERSION, chartJsVersion, content, theme), cache, async () =>
    (await import('./charts.js')).drawWide(spec, theme),
  );
  const narrowPng = await remembered('charts', cacheKey('chart-narrow', DRAWING_VERSION, chartJsVersion, content, theme, NARROW_CHART), cache, async () =>
    (await import('./charts.js')).drawNarrow(spec, theme),
  );
  // The narrow image's height was decided as it was drawn; its PNG header says it.
  const size = pngSize(narrowPng);
  return { spec, png, narrow: { png: narrowPng, width: size.width / NARROW_CHART.scale, height: size.height / NARROW_CHART.scale } };
}

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
