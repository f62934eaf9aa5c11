/**
 * The provenance test (issue 13): for the demo and both examples, every number in the built
 * HTML's text and the PDF's text is found in the data or produced by a named derivation of it.
 * What counts, and how each number is matched, is in test/provenance-check.ts.
 *
 * Each data folder is built once, all three at the same time, with the real CLI and Chromium,
 * each with a cache folder of its own; the PDF is read with pdftotext -layout.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.js';
import { CLI, cliEnv, DEMO, EXAMPLES, ROOT, tempDir, tool } from './helpers.js';
import {
  dataFiles,
  derivedNumbers,
  describeUnaccounted,
  htmlBlocks,
  pdfBlocks,
  periodYearLabels,
  sectionTitles,
  statedNumbers,
  unaccounted,
  type Sources,
  type Structure,
} from './provenance-check.js';

const CATALOGUES = join(ROOT, 'schemas', 'requirements');

const REPORTS = [
  { name: 'the demo', dir: DEMO },
  { name: 'Sandwell', dir: EXAMPLES.sandwell.dir },
  { name: 'Worcestershire', dir: EXAMPLES.worcestershire.dir },
];

interface Built {
  html: string;
  pdfText: string;
  pdfBytes: number;
  sources: Sources;
  threshold: number;
}

/** Runs `report build` without blocking, so the three builds overlap. */
function build(dir: string, out: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, 'build', '--data', dir, '--out', out], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stderr }));
  });
}

const built = new Map<string, Built>();

beforeAll(async () => {
  await Promise.all(
    REPORTS.map(async ({ name, dir }) => {
      const out = tempDir('report-provenance-');
      const [run, checked] = await Promise.all([build(dir, out), check({ data: dir })]);
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      expect(checked.report, name).toBeDefined();
      const report = checked.report!;
      const folder = join(out, report.year);
      const pdf = join(folder, readdirSync(folder).find((file) => file.endsWith('.pdf'))!);
      built.set(name, {
        html: readFileSync(join(folder, 'index.html'), 'utf8'),
        pdfText: tool('pdftotext', ['-layout', pdf, '-']),
        pdfBytes: statSync(pdf).size,
        sources: {
          stated: statedNumbers(dir, CATALOGUES),
          derived: derivedNumbers(report, dataFiles(dir), checked.compliance),
          yearLabels: new Set(periodYearLabels(report)),
        },
        // src/render/small-numbers.ts: DEFAULT_THRESHOLD, unless the partnership sets its own.
        threshold: report.partnership.small_numbers?.threshold ?? 5,
      });
    }),
  );
}, 150_000);

/** What the structural rules need: the sections as the HTML numbers them; for the PDF, its pages and the page the appendix starts on. */
function structureOf(report: Built, pdf: boolean): Structure {
  const sections = sectionTitles(report.html);
  const pages = pdfBlocks(report.pdfText);
  const last = sections.size;
  // The appendix is the last section: the last page with its heading (the contents page has it too).
  const appendix = pages.findLastIndex((page) => page.text.includes(`${last}. ${sections.get(last)!}`));
  return {
    sections,
    threshold: report.threshold,
    pdfBytes: report.pdfBytes,
    ...(pdf ? { pageCount: pages.length, appendixPage: appendix + 1 } : {}),
  };
}

describe.each(REPORTS)('every number in the report of $name', ({ name }) => {
  it('in the HTML is in the data or a named derivation of it', () => {
    const report = built.get(name)!;
    const sections = sectionTitles(report.html);
    // Sections are numbered 1 to n in order, so a number before a title is its place.
    expect([...sections.keys()]).toEqual(Array.from({ length: sections.size }, (_, i) => i + 1));
    const list = unaccounted(htmlBlocks(report.html), 'HTML', report.sources, structureOf(report, false));
    expect(list, describeUnaccounted(list)).toEqual([]);
  });

  it('in the PDF is in the data or a named derivation of it', () => {
    const report = built.get(name)!;
    const list = unaccounted(pdfBlocks(report.pdfText), 'PDF', report.sources, structureOf(report, true));
    expect(list, describeUnaccounted(list)).toEqual([]);
  });
});

describe('the provenance checker', () => {
  const sources: Sources = {
    stated: { numbers: [401, 386, 52.4, 469.3, 1760, 2022, 3, 31, 2023], yearLabels: new Set(['2021-22']) },
    derived: [{ value: (401 / 1000) * 100, name: 'share of a breakdown' }],
    yearLabels: new Set(['2022-23']),
  };
  const structure: Structure = { sections: new Map([[1, 'Foreword'], [2, 'Training and its impact on practice']]), threshold: 5, pageCount: 3, appendixPage: 3 };
  const html = (body: string) => `<!doctype html><html><head><title>Annual report 2022-23</title><style>p { margin: 12px }</style></head><body>${body}</body></html>`;

  it('accepts stated numbers, rounded or formatted, derived shares printed to one decimal place, year labels and section numbers', () => {
    const page = html(
      '<h2><span class="number">2.</span> Training and its impact on practice</h2>' +
        '<p>Courses of 401 and 386 people; 1,760 trained; scores of 52.4% (about 52); 40.1% of the total; 31 March 2023.</p>' +
        '<table><tr><td>2021-22</td><td>2022-23</td></tr></table><img src="x.png" alt="Bar chart: 401 in 2022-23">' +
        '<p>A rate of 469.3 per 10,000 children, and fewer than 6 children.</p><script>var x = 999;</script>',
    );
    const list = unaccounted(htmlBlocks(page), 'HTML', sources, structure);
    expect(list, describeUnaccounted(list)).toEqual([]);
  });

  it('reports an invented total, a whole number that only a derived ratio rounds to, an unknown year label and a misnumbered section', () => {
    const page = html(
      '<p>787 people attended multi-agency courses.</p><p>About 40 in every hundred.</p>' +
        '<table><tr><td>2019-20</td></tr></table><img src="x.png" alt="Chart with 788 points"><h2><span class="number">7.</span> Foreword</h2>',
    );
    const list = unaccounted(htmlBlocks(page), 'HTML', sources, structure);
    expect(list.map((u) => u.number)).toEqual(['787', '40', '2019-20', '788', '7']);
    expect(list[0]).toMatchObject({ output: 'HTML', snippet: '«787» people attended multi-agency courses.' });
    expect(describeUnaccounted(list)).toContain('HTML body: 787   "«787» people attended multi-agency courses."');
  });

  it('accepts page numbers only where pages are numbered: the footer, the contents, the appendix', () => {
    const pages = [
      'Contents\n1.    Foreword                       2\n2.    Training and its\n      impact on practice            3\nPeople trained                   4\n\n   KSCP: Annual report 2022-23     Page 1 of 3',
      '1. Foreword\nWe trained 1,760 people (see page 2).\n   KSCP: Annual report 2022-23     Page 2 of 3',
      '2. Training and its\nimpact on practice page 3\n   KSCP: Annual report 2022-23     Page 3 of 2',
    ].join('\f');
    const list = unaccounted(pdfBlocks(pages), 'PDF', sources, structure);
    // A contents line that is not an entry, a page number in the text before the appendix, and a
    // footer with the wrong page count are not structure.
    expect(list.map((u) => `${u.where} ${u.number}`)).toEqual(['page 1 4', 'page 2 2', 'page 3 2']);
  });

  it('reports a number added to the demo\'s real HTML and PDF text, and nothing else new', () => {
    const demo = built.get('the demo')!;
    const key = (u: { number: string; where: string }) => `${u.number} ${u.where}`;
    const invented = '<p>787 people attended multi-agency courses.</p>';
    const html = demo.html.replace(/(<h2 id="training-heading">.*?<\/h2>)/, `$1${invented}`);
    expect(html).toContain(invented);
    const htmlBefore = unaccounted(htmlBlocks(demo.html), 'HTML', demo.sources, structureOf(demo, false)).map(key);
    const htmlAfter = unaccounted(htmlBlocks(html), 'HTML', demo.sources, structureOf(demo, false)).map(key);
    expect(htmlAfter.filter((entry) => !htmlBefore.includes(entry))).toEqual(['787 section #training']);

    const pages = demo.pdfText.split('\f');
    pages[4] += '\nIn all, 787 people attended multi-agency courses.\n';
    const pdfBefore = unaccounted(pdfBlocks(demo.pdfText), 'PDF', demo.sources, structureOf(demo, true)).map(key);
    const pdfAfter = unaccounted(pdfBlocks(pages.join('\f')), 'PDF', demo.sources, structureOf(demo, true)).map(key);
    expect(pdfAfter.filter((entry) => !pdfBefore.includes(entry))).toEqual(['787 page 5']);
  });
});
