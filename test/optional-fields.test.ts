/**
 * Honest absence: every optional field the demo gives is taken out in turn. The data must
 * still check (no problem, no invented content needed to get past the model), `validate` must
 * list the field as not stated, and the page must make no claim in its place: it only loses
 * words (no placeholder, no badge, no "not yet" appears), and no heading is left standing over
 * nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { check } from '../src/check.js';
import { partnershipSchema } from '../src/model/partnership.js';
import { YEAR_FILES, type YearFileName } from '../src/model/report-year.js';
import { renderHtml } from '../src/render/html.js';
import { themeFor } from '../src/render/theme.js';
import { buildView } from '../src/render/view-model.js';
import { statedOptionalFields } from '../src/validate/not-stated.js';
import { copyOf, DEMO } from './helpers.js';
import { rmSync } from 'node:fs';

const YEAR = '2022-23';

interface Removal {
  file: string;
  path: Array<string | number>;
  field: string;
}

/** The first place each optional field is given in the demo, by file. */
function removals(): Removal[] {
  const files: Array<[string, Parameters<typeof statedOptionalFields>[0]]> = [['partnership.yaml', partnershipSchema]];
  for (const name of Object.keys(YEAR_FILES) as YearFileName[]) files.push([`${YEAR}/${name}.yaml`, YEAR_FILES[name].schema]);
  const all: Removal[] = [];
  for (const [file, schema] of files) {
    let text: string;
    try {
      text = readFileSync(join(DEMO, file), 'utf8');
    } catch {
      continue;
    }
    const seen = new Set<string>();
    for (const field of statedOptionalFields(schema, parseDocument(text).toJS())) {
      if (seen.has(field.field)) continue;
      seen.add(field.field);
      all.push({ file, ...field });
    }
  }
  return all;
}

/** The page's words and how often each appears (letters only: section numbers and derived figures may move). */
function words(html: string): Map<string, number> {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    // An empty table cell says "blank" to a screen reader (and in the PDF's tags): it states
    // that the cell is empty, not anything in place of the missing data.
    .replace(/<span class="visually-hidden blank">blank<\/span>/g, ' ')
    .replace(/<img[^>]*alt="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * A heading with nothing under it: a label (h4) straight before another heading or the end of
 * its block, a heading straight before one of the same or a higher rank, or a section's end.
 * (An item's own title, h3, may end its article: the item is in the data.)
 */
const EMPTY_HEADING =
  /<h4[^>]*>(?:(?!<\/h4>).)*<\/h4>\s*(?=<h[2-4][\s>]|<\/article>|<\/section>|<\/div>)|<h3[^>]*>(?:(?!<\/h3>).)*<\/h3>\s*(?=<h[23][\s>]|<\/section>)|<h2[^>]*>(?:(?!<\/h2>).)*<\/h2>\s*(?=<h2[\s>]|<\/section>)/gs;

async function page(dataDir: string) {
  const checked = await check({ data: dataDir, year: YEAR, today: '2023-09-01' });
  const html = checked.report ? await renderHtml(buildView(checked.report, { theme: themeFor(checked.report.partnership), stylesheetHref: 'assets/report.css' })) : '';
  return { checked, html };
}

describe('every optional field can be left out', () => {
  const list = removals();
  let folder: string;
  let before: { html: string; words: Map<string, number> };

  beforeAll(async () => {
    folder = copyOf(DEMO);
    const { html } = await page(folder);
    before = { html, words: words(html) };
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('finds the optional fields the demo gives (so the test below has something to take out)', () => {
    const names = list.map((removal) => removal.field);
    for (const field of ['foreword', 'priorities[].progress', 'feedback[].changed', 'subgroups[].did', 'reviews[].recommendations[].owner', 'inspections[].date', 'evaluation']) {
      expect(names).toContain(field);
    }
    expect(list.length).toBeGreaterThan(60);
    expect(before.html.match(EMPTY_HEADING) ?? []).toEqual([]);
  });

  it.each(list.map((removal) => [`${removal.file} ${removal.field}`, removal] as const))('%s', async (_name, removal) => {
    const path = join(folder, removal.file);
    const original = readFileSync(path, 'utf8');
    try {
      const document = parseDocument(original);
      document.deleteIn(removal.path);
      writeFileSync(path, document.toString());
      const { checked, html } = await page(folder);

      // It builds: the data is still sound without the field.
      expect(checked.problems).toEqual([]);
      // validate lists it as not stated.
      expect(checked.notStated.map((item) => `${item.file.replace(/^.*?data\//, '')} ${item.field}`)).toContain(`${removal.file} ${removal.field}`);
      // The page makes no claim in its place: no word appears more often than before...
      const added = [...words(html)].filter(([word, count]) => count > (before.words.get(word) ?? 0)).map(([word]) => word);
      expect(added, `words that appeared when ${removal.field} was taken out`).toEqual([]);
      // ... and no heading over nothing.
      expect(html.match(EMPTY_HEADING) ?? []).toEqual([]);
    } finally {
      writeFileSync(path, original);
    }
  });
});
