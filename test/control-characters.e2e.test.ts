/**
 * Text can never break out of its context. Every control character (the 32 C0 controls, DEL,
 * the 32 C1 controls, U+2028 and U+2029) goes into every text field of the demo's data; the
 * report is built, and no output may carry one where it does not belong: not the web page, not
 * the PDF's document information, not the terminal (validate in each format, build), not the
 * JSON, not the JUnit XML, which a real XML parser must read. A name holding U+202E (a
 * right-to-left override) is warned of, with its place.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillEveryTextField, type Filled } from './every-text-field.js';
import { copyOf, DEMO, runCli, tempDir, tool, type Run } from './helpers.js';

const C0 = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code));
const C1 = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(0x80 + code));
const EVERY_CONTROL = [...C0, '\u007f', ...C1, '\u2028', '\u2029'];
/** Tab, line feed and carriage return are ordinary in multi-line text; the others are not. */
const NOT_ORDINARY = EVERY_CONTROL.filter((char) => !'\t\n\r'.includes(char));
const PAYLOAD = EVERY_CONTROL.join('');
const OVERRIDE = '\u202e';
const NAME = 'Kingsmere Safeguarding Children Partnership';

const code = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The control characters in `text`, by code point, other than those allowed. */
function controlsIn(text: string, allowed = '\n'): string[] {
  return [...new Set([...text].filter((char) => EVERY_CONTROL.includes(char) && !allowed.includes(char)).map(code))];
}

/** Numeric character references to control characters, which HTML forbids as well. */
function controlReferencesIn(html: string): string[] {
  return [...html.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)]
    .map(([reference, number]) => ({ reference, value: number!.startsWith('x') || number!.startsWith('X') ? parseInt(number!.slice(1), 16) : Number(number) }))
    .filter(({ value }) => (value < 0x20 && ![9, 10, 13].includes(value)) || (value >= 0x7f && value <= 0x9f) || value === 0x2028 || value === 0x2029)
    .map(({ reference }) => reference);
}

/** What the terminal was sent: stdout and stderr. */
const printed = (run: Run) => `${run.stdout}${run.stderr}`;

const pdfIn = (folder: string) => join(folder, readdirSync(folder).find((name) => name.endsWith('.pdf'))!);
const pdfinfo = (pdf: string) => tool('pdfinfo', ['-enc', 'UTF-8', pdf]);
const pages = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(pdfinfo(pdf))![1]);
const infoField = (info: string, field: string) => new RegExp(`^${field}:\\s+(.*)$`, 'm').exec(info)?.[1] ?? '';

/** Parses XML with Python's xml.dom.minidom; the number of testcase elements, or the parser's error. */
function parseXml(text: string): { status: number | null; testcases: number; error: string } {
  const script = 'import sys, xml.dom.minidom as m\nd = m.parseString(sys.stdin.buffer.read())\nprint(len(d.getElementsByTagName("testcase")))';
  const result = spawnSync('python3', ['-c', script], { input: Buffer.from(text, 'utf8'), encoding: 'utf8' });
  return { status: result.status, testcases: Number(result.stdout.trim()), error: result.stderr };
}

describe('control characters in every text field', () => {
  // Each run its own fresh cache folder (runCli's default): no build reads another's charts.
  const run = (args: string[]) => runCli(args);
  const data = copyOf(DEMO);
  const refused = copyOf(DEMO);
  const out = tempDir();
  const plainOut = tempDir();
  let filled: Filled;
  let chair = '';
  let build: Run;
  let html = '';
  let pdf = '';

  beforeAll(() => {
    // The chair's name also gets a right-to-left override.
    const variants = (original: string, field: { file: string; path: Array<string | number> }) => {
      const extra = field.file === 'partnership.yaml' && field.path.join('.') === 'chair.name' ? OVERRIDE : '';
      return [`${original}${extra}${PAYLOAD}`, `${original}${extra}${NOT_ORDINARY.join('')}`];
    };
    filled = fillEveryTextField(data, variants);
    // Every field changed, and left so: validate refuses dates, ids, choices and addresses,
    // and quotes each refused value in its message.
    fillEveryTextField(refused, variants, { repair: false });

    const counter = new LineCounter();
    const partnership = parseDocument(readFileSync(join(data, 'partnership.yaml'), 'utf8'), { lineCounter: counter });
    const at = counter.linePos((partnership.getIn(['chair', 'name'], true) as { range: [number, number, number] }).range[0]);
    chair = `partnership.yaml:${at.line}:${at.col}`;

    build = run(['build', '--data', data, '--out', out]);
    html = readFileSync(join(out, '2022-23', 'index.html'), 'utf8');
    pdf = pdfIn(join(out, '2022-23'));
  }, 300_000);

  it('reaches every text field of every file', () => {
    expect(filled.all.length).toBeGreaterThan(300);
    // Every field took the characters but ids and references to them, dates, choices from a
    // list, colours, web and e-mail addresses, the logo's file name and figures written as text.
    const changed = new Set(filled.changed);
    const refused = filled.all.filter((field) => !changed.has(field));
    const notText = /[.:](id|indicator|date|start|end|due|sent_to_national_panel|sent_to_what_works_centre|status|type|sector|kind|unit|polarity|progress|continuum\.\d+|logo|primary|accent|value|website|email|url)$/;
    expect(refused.filter((field) => !notText.test(field))).toEqual([]);
    expect(filled.changed.length).toBeGreaterThan(filled.all.length * 0.75);
    for (const field of ['partnership.yaml:name', 'partnership.yaml:area', 'partnership.yaml:chair.name', '2022-23/report.yaml:foreword.text', '2022-23/glossary.yaml:terms.0.term']) {
      expect(filled.changed).toContain(field);
    }
  });

  it('builds, warning of the name with U+202E in it, with its place, and prints no control character', () => {
    expect(build.status, build.stderr).toBe(0);
    const warning = build.stderr.split('\n').find((line) => line.startsWith('Warning: ') && line.includes('chair.name'));
    expect(warning).toContain(chair);
    expect(warning).toContain('U+202E (right-to-left override)');
    expect(build.stderr).toMatch(/how to fix: delete it/);
    expect(controlsIn(printed(build))).toEqual([]);
    expect(printed(build)).not.toContain(OVERRIDE);
  });

  it('leaves no control character in the web page, not even as a character reference, and it is still the page', () => {
    expect(controlsIn(html, '\t\n\r')).toEqual([]);
    expect(controlReferencesIn(html)).toEqual([]);
    expect(html).toContain(`<p class="cover-partnership">${NAME}`);
    expect(html).toMatch(new RegExp(`<title>${NAME}`));
    expect((html.match(/<section /g) ?? []).length).toBeGreaterThan(10);
    // The running footer's CSS string (the short name and the title) stays one string on
    // one line, in one rule.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(style).toMatch(/@page \{ @bottom-left \{ content: "KSCP[^"\\\n]*: Annual report 2022-23[^"\\\n]*"; \} \}\n/);
  });

  it('prints the PDF with as many pages as the unchanged demo, with clean document information', () => {
    const plain = run(['build', '--data', DEMO, '--out', plainOut, '--format', 'pdf']);
    expect(plain.status, plain.stderr).toBe(0);
    expect(pages(pdf)).toBe(pages(pdfIn(join(plainOut, '2022-23'))));
    const info = pdfinfo(pdf);
    expect(controlsIn(info)).toEqual([]);
    expect(infoField(info, 'Title')).toMatch(new RegExp(`^${NAME}\\s+: Annual report 2022-23`));
    expect(infoField(info, 'Author')).toMatch(new RegExp(`^${NAME}\\s*$`));
    expect(infoField(info, 'Subject')).toContain('Kingsmere');
    expect(infoField(info, 'Keywords')).toContain('safeguarding children');
    // The text of the pages too: line feeds, and form feeds between pages, only.
    expect(controlsIn(tool('pdftotext', ['-enc', 'UTF-8', pdf, '-']), '\n\f')).toEqual([]);
  });

  it('validate prints the warning, and no control character, in every format', () => {
    const text = run(['validate', '--data', data]);
    expect(controlsIn(printed(text))).toEqual([]);
    expect(printed(text)).toMatch(new RegExp(`^Warning: .*${chair.replace(/\./g, '\\.')}  chair\\.name: .*U\\+202E`, 'm'));

    const json = run(['validate', '--data', data, '--format', 'json']);
    expect(controlsIn(json.stdout)).toEqual([]);
    const parsed = JSON.parse(json.stdout) as { problems: unknown[]; warnings: Array<{ file: string; line: number; column: number; path: string[]; message: string }> };
    expect(parsed.problems).toEqual([]);
    const warning = parsed.warnings.find((found) => found.path.join('.') === 'chair.name')!;
    expect(`${warning.file.split('/').pop()}:${warning.line}:${warning.column}`).toBe(chair);
    expect(warning.message).toContain('U+202E');

    const github = run(['validate', '--data', data, '--format', 'github']);
    expect(controlsIn(github.stdout)).toEqual([]);
    expect(github.stdout).toMatch(new RegExp(`^::warning file=[^,]*partnership\\.yaml,line=${chair.split(':')[1]},col=${chair.split(':')[2]},title=Data warning::chair\\.name: `, 'm'));

    const junit = run(['validate', '--data', data, '--format', 'junit']);
    expect(controlsIn(junit.stdout)).toEqual([]);
    const xml = parseXml(junit.stdout);
    expect(xml.error).toBe('');
    expect(xml.testcases).toBeGreaterThan(10);
    expect(junit.stdout).toMatch(/<system-err>Warning: .*chair\.name: .*U\+202E/);
  });

  it('validate quotes refused values with their control characters shown escaped, in every format', () => {
    const text = run(['validate', '--data', refused]);
    expect(text.status).toBe(1);
    expect(controlsIn(printed(text))).toEqual([]);
    expect(printed(text)).toContain('\\u001b');
    expect(printed(text)).toContain('\\u0085');

    const json = run(['validate', '--data', refused, '--format', 'json']);
    expect(controlsIn(json.stdout)).toEqual([]);
    const problems = (JSON.parse(json.stdout) as { problems: Array<{ message: string }> }).problems;
    expect(problems.length).toBeGreaterThan(10);
    // JSON's own escapes: parsed, the values quoted are exactly what the data holds.
    expect(problems.some((problem) => problem.message.includes('\u001b'))).toBe(true);
    expect(problems.some((problem) => problem.message.includes('\u0085'))).toBe(true);

    const github = run(['validate', '--data', refused, '--format', 'github']);
    expect(controlsIn(github.stdout)).toEqual([]);
    // At most 10 errors (GitHub shows no more), grouped so that each problem is still listed.
    const errors = github.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(errors.length).toBeLessThanOrEqual(10);
    const listed = errors.filter((line) => /title=Data problem/.test(line)).map((line) => line.split('::')[2]!.split('%0A').filter((item) => item.startsWith('- ')).length || 1);
    expect(listed.reduce((sum, count) => sum + count, 0)).toBe(problems.length);

    const junit = run(['validate', '--data', refused, '--format', 'junit']);
    expect(controlsIn(junit.stdout)).toEqual([]);
    const xml = parseXml(junit.stdout);
    expect(xml.error).toBe('');
    expect(xml.testcases).toBe(problems.length);

    const refusedBuild = run(['build', '--data', refused, '--out', tempDir(), '--format', 'html']);
    expect(refusedBuild.status).toBe(1);
    expect(controlsIn(printed(refusedBuild))).toEqual([]);
  });

  it('build --json is valid JSON with no control character', () => {
    const json = run(['build', '--data', data, '--out', tempDir(), '--format', 'html', '--json']);
    expect(json.status, json.stderr).toBe(0);
    expect(controlsIn(printed(json))).toEqual([]);
    const summary = JSON.parse(json.stdout) as { warnings: string[] };
    expect(summary.warnings.find((warning) => warning.includes('chair.name'))).toContain(chair);
  });
});
