/**
 * A preview left open all day: every way an editor saves a file rebuilds the report once and
 * tells the page once, through the server's own event stream read by a real HTTP client; a
 * broken save leaves the last good report on screen under a list of what is wrong; fields
 * still marked TO DO are counted and marked in the preview, and only there.
 *
 * One preview server for the file (in this process, HTML only), changed in turn by the tests.
 */
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { startPreview, type Preview, type RebuildOutcome } from '../src/preview/preview-server.js';
import { isEditorScratch, SETTLE_MS } from '../src/preview/watch-folders.js';
import { copyOf, freshCache, ROOT, tempDir } from './helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the preview's event stream and counts its messages (each a blank-line-ended block with a data: line). */
class Events {
  messages = 0;
  private reader!: ReadableStreamDefaultReader<Uint8Array>;
  private buffered = '';

  async open(url: string): Promise<void> {
    const response = await fetch(`${url}__report/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    this.reader = response.body!.getReader();
    void this.pump();
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await this.reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      this.buffered += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = this.buffered.indexOf('\n\n')) !== -1) {
        if (/^data: /m.test(this.buffered.slice(0, end))) this.messages++;
        this.buffered = this.buffered.slice(end + 2);
      }
    }
  }

  /** Waits for the next message after `seen`, then long enough for any second one, and returns how many came. */
  async after(seen: number): Promise<number> {
    for (let i = 0; i < 200 && this.messages === seen; i++) await pause(50);
    // A second rebuild from the same save would come within the settle time plus a rebuild.
    await pause(SETTLE_MS * 3 + 600);
    return this.messages - seen;
  }

  close(): Promise<void> {
    return this.reader.cancel();
  }
}

let data: string;
let templates: string;
let report: string;
let original: string;
let preview: Preview;
let events: Events;
const outcomes: RebuildOutcome[] = [];
const page = async () => (await fetch(preview.url)).text();

/** Saves `change` by `how`, then returns how many reload messages the page was sent. */
async function save(how: (file: string, text: string) => void | Promise<void>, text: string): Promise<number> {
  const seen = events.messages;
  await how(report, text);
  return events.after(seen);
}

const inPlace = (file: string, text: string) => writeFileSync(file, text);
/** As vim (backupcopy=no), JetBrains' "safe write" and sync tools do: a new file renamed over the old one. */
const atomicReplace = (file: string, text: string) => {
  const temporary = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
};
const deleteThenCreate = async (file: string, text: string) => {
  unlinkSync(file);
  await pause(30);
  writeFileSync(file, text);
};

const foreword = (sentence: string) => original.replace('text: A short foreword.', `text: ${sentence}`);

beforeAll(async () => {
  data = copyOf(join(ROOT, 'test', 'fixtures', 'minimal'));
  report = join(data, '2022-23', 'report.yaml');
  original = readFileSync(report, 'utf8');
  process.env.REPORT_CACHE_DIR = freshCache();
  templates = tempDir();
  preview = await startPreview({ data, templatesDir: templates, port: 0, onRebuild: (outcome) => outcomes.push(outcome) });
  events = new Events();
  await events.open(preview.url);
}, 60_000);

afterAll(async () => {
  await events?.close();
  await preview?.close();
});

describe('report preview, watching the data folder', () => {
  it('rebuilds once and reloads once for a save in place', async () => {
    expect(await save(inPlace, foreword('Saved in place.'))).toBe(1);
    expect(await page()).toContain('Saved in place.');
  }, 30_000);

  it('rebuilds once and reloads once for a burst of writes, as some editors and sync tools make', async () => {
    const burst = async (file: string, text: string) => {
      for (const part of ['Saved in ', 'Saved in a ', 'Saved in a burst.']) {
        writeFileSync(file, foreword(part));
        await pause(25);
      }
      writeFileSync(file, text);
    };
    expect(await save(burst, foreword('Saved in a burst, at last.'))).toBe(1);
    expect(await page()).toContain('Saved in a burst, at last.');
  }, 30_000);

  it('rebuilds once and reloads once for a new file renamed over the old one (an atomic save)', async () => {
    expect(await save(atomicReplace, foreword('Saved by renaming over.'))).toBe(1);
    expect(await page()).toContain('Saved by renaming over.');
    // And the file is still watched after it was replaced: saved in place again.
    expect(await save(inPlace, foreword('Saved in place after the rename.'))).toBe(1);
    expect(await page()).toContain('Saved in place after the rename.');
  }, 30_000);

  it('rebuilds once and reloads once when the file is deleted and written again', async () => {
    expect(await save(deleteThenCreate, foreword('Saved by delete and create.'))).toBe(1);
    expect(await page()).toContain('Saved by delete and create.');
    expect(await save(inPlace, foreword('Saved in place after delete and create.'))).toBe(1);
    expect(await page()).toContain('Saved in place after delete and create.');
  }, 30_000);

  it('sees a file saved into a new folder, and later changes to it', async () => {
    const notes = join(data, 'notes', 'drafts');
    let seen = events.messages;
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'ideas.md'), 'First thoughts\n');
    expect(await events.after(seen)).toBe(1);
    seen = events.messages;
    writeFileSync(join(notes, 'ideas.md'), 'Second thoughts\n');
    expect(await events.after(seen)).toBe(1);
  }, 30_000);

  it('watches the --templates folder too: a partial saved into a new partials folder, then by renaming over', async () => {
    const partials = join(templates, 'partials');
    let seen = events.messages;
    mkdirSync(partials);
    writeFileSync(join(partials, 'foreword.hbs'), '<p>Our own foreword partial.</p>');
    expect(await events.after(seen)).toBe(1);
    expect(await page()).toContain('Our own foreword partial.');
    seen = events.messages;
    atomicReplace(join(partials, 'foreword.hbs'), '<p>Our own foreword partial, replaced.</p>');
    expect(await events.after(seen)).toBe(1);
    expect(await page()).toContain('Our own foreword partial, replaced.');
    seen = events.messages;
    unlinkSync(join(partials, 'foreword.hbs'));
    expect(await events.after(seen)).toBe(1);
    expect(await page()).not.toContain('Our own foreword partial');
  }, 30_000);

  it('does not rebuild for an editor\'s swap and backup files alone', async () => {
    const seen = events.messages;
    writeFileSync(join(data, '2022-23', '.report.yaml.swp'), 'swap');
    writeFileSync(join(data, '2022-23', 'report.yaml~'), original);
    writeFileSync(join(data, '2022-23', '4913'), '');
    unlinkSync(join(data, '2022-23', '4913'));
    await pause(SETTLE_MS * 3 + 600);
    expect(events.messages - seen).toBe(0);
  }, 30_000);
});

describe("editors' scratch files", () => {
  it('are told apart from the data and templates', () => {
    for (const name of ['.report.yaml.swp', 'report.yaml.swx', 'report.yaml~', '4913', '.#report.yaml', '#report.yaml#', 'report.yaml___jb_tmp___', 'report.yaml___jb_old___', '.goutputstream-X1Y2Z3', 'logo.png.crdownload', 'report.yaml.tmp']) {
      expect(isEditorScratch(join('/data', '2022-23', name)), name).toBe(true);
    }
    for (const name of ['report.yaml', 'partnership.yaml', 'logo.png', 'foreword.hbs', 'report.css', '2022-23', 'indicators.csv']) {
      expect(isEditorScratch(join('/home/me/.config/data', name)), name).toBe(false);
    }
  });
});

describe('report preview, when a save breaks the report', () => {
  it('keeps the last good report on screen, with every problem listed over it, escaped', async () => {
    const good = foreword('The last good foreword.');
    expect(await save(inPlace, good)).toBe(1);
    // Two problems: a status that is not allowed, and a field the model does not know, named in markup.
    const broken = good.replace('status: draft', 'status: finished').replace('period:', '"<img src=x onerror=alert(1)>": 1\nperiod:');
    expect(await save(inPlace, broken)).toBe(1);
    const shown = await page();
    expect(shown).toContain('The last good foreword.');
    expect(shown).toContain('id="report-preview-overlay"');
    const overlay = shown.slice(shown.indexOf('<section id="report-preview-overlay"'));
    expect(overlay).toMatch(/<code>[^<]*report\.yaml:2:\d+<\/code> {2}status: expected draft or final/);
    expect(overlay).toMatch(/report\.yaml:\d+:\d+<\/code>[^<]*&lt;img src=x onerror=alert\(1\)&gt;/);
    expect(overlay).toContain('How to fix: ');
    expect(overlay).toContain('updates by itself when you next save');
    expect(shown).not.toContain('<img src=x');
    expect(outcomes.at(-1)).toMatchObject({ keptEarlier: true });
    expect(outcomes.at(-1)!.problems.length).toBeGreaterThanOrEqual(2);

    // A YAML mistake, saved by renaming over: still the last good report, and where the mistake is.
    expect(await save(atomicReplace, good.replace('status: draft', 'status: [draft'))).toBe(1);
    const yamlError = await page();
    expect(yamlError).toContain('The last good foreword.');
    expect(yamlError).toMatch(/report\.yaml:\d+:\d+<\/code>/);

    // Fixed: the overlay goes, and the page shows the new text.
    expect(await save(inPlace, foreword('Fixed again.'))).toBe(1);
    const fixed = await page();
    expect(fixed).toContain('Fixed again.');
    expect(fixed).not.toContain('report-preview-overlay');
  }, 30_000);

  it('shows a page of problems when the report has never built', async () => {
    const broken = copyOf(join(ROOT, 'test', 'fixtures', 'minimal'));
    const file = join(broken, '2022-23', 'report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: draft', 'status: "<b>done</b>"'));
    const second = await startPreview({ data: broken, port: 0 });
    try {
      const shown = await (await fetch(second.url)).text();
      expect(shown).toContain('The report cannot be shown yet');
      expect(shown).toMatch(/<code>[^<]*report\.yaml:2:\d+<\/code> {2}status: /);
      expect(shown).not.toContain('<b>done</b>');
      expect(shown).toContain('new EventSource("/__report/events")');
    } finally {
      await second.close();
    }
  }, 30_000);
});

describe('report preview, with fields still marked TO DO', () => {
  it('counts them in a banner and marks them in the page, but not in the built report', async () => {
    const withToDos = original
      .replace('text: A short foreword.', 'text: "TO DO: the foreword, <em>in Markdown</em>"')
      .replace(/summary: How the three partners[^\n]*/, 'summary: "TO DO: how the partners work together"');
    expect(await save(inPlace, withToDos)).toBe(1);
    const shown = await page();
    expect(shown).toMatch(/<summary>2 fields still marked TO DO<\/summary>/);
    expect(shown).toMatch(/<code>[^<]*report\.yaml:\d+<\/code> {2}foreword\.text: the foreword, &lt;em&gt;in Markdown&lt;\/em&gt;/);
    expect(shown).toContain("classList.add('report-preview-todo')");
    expect(shown).toContain('.report-preview-todo::before{content:"TO DO"');
    expect(outcomes.at(-1)!.toDos).toHaveLength(2);

    const out = tempDir();
    const built = await build({ data, out, formats: ['html'], cacheDir: freshCache() });
    const html = readFileSync(built.html!, 'utf8');
    expect(html).toContain('TO DO: how the partners work together');
    expect(html).not.toMatch(/report-preview|__report\/events/);

    // Written: the banner goes.
    expect(await save(inPlace, original)).toBe(1);
    expect(await page()).not.toContain('report-preview-todos');
  }, 60_000);
});
