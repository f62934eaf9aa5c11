/**
 * What `report validate` prints: a table for people (text), and formats for tools: json,
 * GitHub Actions workflow commands (annotations on the files), and JUnit XML for CI dashboards.
 * Each shows the same two things: problems in the data, and the compliance outcome.
 */
import { codeEscape, jsonText, oneLine, terminalText } from '../control-characters.js';
import { fieldName, formatProblems, location, sortProblems, type Problem } from '../problems.js';
import type { ComplianceReport, Finding, RequirementOutcome, RequirementStatus } from '../model/compliance.js';
import { formatNotStated, type NotStated } from './not-stated.js';
import { formatToDos, type ToDo } from './to-do.js';

export const OUTPUT_FORMATS = ['text', 'json', 'github', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ValidationOutput {
  year: string;
  dataDir: string;
  problems: Problem[];
  /** Things worth looking at that do not fail the run. */
  warnings?: Problem[];
  /** Fields still marked TO DO. */
  toDos?: ToDo[];
  /** Optional fields the data leaves out: the page says nothing of them. */
  notStated?: NotStated[];
  compliance?: ComplianceReport;
  /** Whether the report could be published as it stands, and why not. */
  readiness?: { ready: boolean; reasons: string[] };
  /** Whether the run fails (exit 1). */
  failed: boolean;
}

const STATUS_WORDS: Record<RequirementStatus, string> = {
  met: 'met',
  'partly-met': 'PARTLY',
  'not-met': 'NOT MET',
  'not-applicable': 'n/a',
  reminder: 'to do',
  'not-checked': 'by hand',
};

/** "file:line: “quote”", the evidence a verdict relied on. */
function evidence(finding: Finding): string {
  const place = where(finding);
  const quote = finding.quote ? `“${finding.quote}”` : finding.message;
  return place ? `${place}: ${quote}` : quote;
}

/** The one line that opens the text output: ready to publish, or not and why. */
function readinessLine(output: ValidationOutput): string | undefined {
  const readiness = output.readiness;
  if (!readiness) return undefined;
  if (!readiness.ready) return `Not ready to publish: ${readiness.reasons.join('; ')}.`;
  // Ready is about the statutory "must"s: say so when "should"s are still short, lest it read as "fully met".
  const short = output.compliance ? output.compliance.failed.should + output.compliance.partly.should : 0;
  return short > 0 ? `Ready to publish: every statutory "must" is met; ${short} "should"${short === 1 ? ' is' : 's are'} not fully met.` : 'Ready to publish.';
}

function where(finding: Finding): string {
  const at = finding.where;
  if (!at) return '';
  return at.line === undefined ? at.file : `${at.file}:${at.line}`;
}

function findings(outcome: RequirementOutcome, kind: 'met' | 'missing'): Finding[] {
  return outcome.checks.flatMap(({ result }) => result[kind]);
}

/** The warnings, each as "Warning: <file:line:column>  <field>: <message>" and how to fix it. */
export function formatWarnings(warnings: Problem[]): string {
  return formatProblems(warnings).replace(/^(?! )/gm, 'Warning: ');
}

export function formatText(output: ValidationOutput): string {
  const first = readinessLine(output);
  const warnings = output.warnings?.length ? `${formatWarnings(output.warnings)}\n\n` : '';
  return `${first ? `${first}\n\n` : ''}${warnings}${formatResult(output)}`;
}

function formatResult(output: ValidationOutput): string {
  const lines: string[] = [];
  if (output.problems.length > 0) {
    const count = output.problems.length;
    // No year: a partnership of a batch (validate --all) with no year folder to check.
    lines.push(formatProblems(output.problems), '', `${count} problem${count === 1 ? '' : 's'} found${output.year ? ` in ${output.year}` : ''}. Fix them and run report validate again.`);
    return lines.join('\n');
  }
  const compliance = output.compliance;
  if (!compliance) return `The ${output.year} data in ${output.dataDir} is valid.`;
  const toDos = output.toDos ?? [];
  if (toDos.length > 0) {
    const unmet = compliance.outcomes.filter((o) => o.status === 'not-met').length;
    return [
      `The ${output.year} data in ${output.dataDir} is in order so far. ${toDos.length} thing${toDos.length === 1 ? ' is' : 's are'} still to do:`,
      '',
      formatToDos(toDos),
      '',
      `When they are done, report validate checks the report against ${compliance.catalogue.title}: ${compliance.outcomes.length} requirements, ${unmet} not met yet.`,
    ].join('\n');
  }
  lines.push(`The ${output.year} data in ${output.dataDir} is valid.`, '', `Checked against ${compliance.catalogue.title} (${compliance.reason}).`, '');
  for (const outcome of compliance.outcomes) {
    const head = `${outcome.requirement.level.toUpperCase().padEnd(7)}${STATUS_WORDS[outcome.status].padEnd(9)}${outcome.requirement.requirement}`;
    lines.push(head);
    const indent = '                 ';
    if (outcome.status === 'met' || outcome.status === 'partly-met') {
      // The evidence relied on: the words or figures, where they are.
      const relied = findings(outcome, 'met').filter((finding) => finding.where);
      for (const finding of relied.slice(0, 3)) lines.push(`${indent}${outcome.status === 'met' ? 'met by' : 'partly by'} ${evidence(finding)}`);
      if (relied.length > 3) lines.push(`${indent}and ${relied.length - 3} more`);
    }
    if (outcome.status === 'not-applicable') {
      for (const finding of findings(outcome, 'met').slice(0, 1)) lines.push(`${indent}${finding.message}`);
    } else if (outcome.status !== 'met') {
      for (const finding of findings(outcome, 'missing')) lines.push(`${indent}${where(finding) ? `${where(finding)}  ` : ''}${finding.message}`);
      if (outcome.status === 'not-checked') lines.push(`${indent}no automatic check: the partners confirm this themselves`);
    }
  }
  const notStated = output.notStated ?? [];
  if (notStated.length > 0) {
    lines.push('', 'Not stated in the data (the report says nothing of these; add them where the partnership has something to say):', formatNotStated(notStated));
  }
  const total = compliance.outcomes.length;
  const met = compliance.outcomes.filter((o) => o.status === 'met').length;
  const partlyMet = compliance.partly.must + compliance.partly.should;
  const notApplicable = compliance.outcomes.filter((o) => o.status === 'not-applicable').length;
  lines.push(
    '',
    `${total} requirements: ${met} met, ${partlyMet} partly met, ${compliance.failed.must + compliance.failed.should} not met (${compliance.failed.must} must, ${compliance.failed.should} should), ${notApplicable} not applicable to the period, ${compliance.reminders} to do at publication.`,
  );
  if (compliance.failed.must + compliance.partly.must > 0) lines.push('The report fails a statutory "must": it cannot be published until that is fixed (report build --draft builds a marked draft).');
  return lines.join('\n');
}

export function formatJson(output: ValidationOutput): string {
  return jsonText(jsonOf(output), 2);
}

/** The json output as an object: the whole outcome of one report. */
function jsonOf(output: ValidationOutput): Record<string, unknown> {
  const compliance = output.compliance && {
    catalogue: output.compliance.catalogue,
    reason: output.compliance.reason,
    failed: output.compliance.failed,
    partly: output.compliance.partly,
    reminders: output.compliance.reminders,
    requirements: output.compliance.outcomes.map((outcome) => ({
      id: outcome.requirement.id,
      level: outcome.requirement.level,
      reference: outcome.requirement.reference,
      requirement: outcome.requirement.requirement,
      status: outcome.status,
      sections: outcome.sections,
      checks: outcome.checks.map(({ id, result }) => ({ id, status: result.status, met: result.met, missing: result.missing })),
    })),
  };
  return { year: output.year, dataDir: output.dataDir, failed: output.failed, ...(output.readiness ? { ready: output.readiness.ready, notReadyBecause: output.readiness.reasons } : {}), problems: sortProblems(output.problems), warnings: sortProblems(output.warnings ?? []), toDos: output.toDos ?? [], notStated: output.notStated ?? [], compliance };
}

/**
 * GitHub's workflow-command escaping: data and property values. Any other control character
 * (which the log would show, or act on as a terminal escape) is written visibly, as \u001b.
 */
function escapeData(text: string): string {
  return terminalText(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type AnnotationKind = 'error' | 'warning' | 'notice';
interface Place {
  file: string;
  line?: number;
  column?: number;
}
/** One annotation before it is printed: grouped with others of its kind when there are too many. */
interface Note {
  kind: AnnotationKind;
  message: string;
  at?: Place;
  title: string;
}

/** GitHub shows this many annotations of each kind per step, and drops the rest. */
export const ANNOTATIONS_SHOWN = 10;

function annotation(kind: AnnotationKind, message: string, at?: Place, title?: string): string {
  const properties = [
    at && `file=${escapeProperty(at.file)}`,
    at?.line !== undefined && `line=${at.line}`,
    at?.column !== undefined && `col=${at.column}`,
    title && `title=${escapeProperty(title)}`,
  ].filter(Boolean);
  return `::${kind}${properties.length ? ` ${properties.join(',')}` : ''}::${escapeData(message)}`;
}

function placeText(at: Place | undefined): string {
  if (!at) return '';
  return at.line === undefined ? at.file : `${at.file}:${at.line}`;
}

/** Every note of one kind as at most ANNOTATIONS_SHOWN groups, each listing its members' lines. */
interface NoteGroup {
  notes: Note[];
  /** What its notes share: nothing (a single note), their file and requirement, file, requirement; or, the rest. */
  by: 'one' | 'file and title' | 'file' | 'title' | 'rest';
}

function groupNotes(notes: Note[]): NoteGroup[] {
  if (notes.length <= ANNOTATIONS_SHOWN) return notes.map((note) => ({ notes: [note], by: 'one' as const }));
  const groupBy = (key: (note: Note) => string) => {
    const groups = new Map<string, Note[]>();
    for (const note of notes) {
      const group = groups.get(key(note));
      if (group) group.push(note);
      else groups.set(key(note), [note]);
    }
    return [...groups.values()];
  };
  for (const [by, key] of [
    ['file and title', (note: Note) => `${note.at?.file ?? ''}\u0000${note.title}`],
    ['file', (note: Note) => note.at?.file ?? ''],
    ['title', (note: Note) => note.title],
  ] as const) {
    const groups = groupBy(key);
    if (groups.length <= ANNOTATIONS_SHOWN) return groups.map((group) => ({ notes: group, by }));
  }
  // Still too many: the first groups by file as they are, and the last holds all the rest.
  const groups = groupBy((note) => note.at?.file ?? '');
  return [...groups.slice(0, ANNOTATIONS_SHOWN - 1).map((group) => ({ notes: group, by: 'file' as const })), { notes: groups.slice(ANNOTATIONS_SHOWN - 1).flat(), by: 'rest' as const }];
}

function groupAnnotation(kind: AnnotationKind, group: NoteGroup): string {
  const [first] = group.notes as [Note, ...Note[]];
  if (group.by === 'one' || group.notes.length === 1) return annotation(kind, first.message, first.at, first.title);
  const count = group.notes.length;
  const sameFile = group.by === 'file and title' || group.by === 'file';
  const title = group.by === 'file and title' || group.by === 'title' ? `${first.title} (${count} places)` : `${count} ${kind === 'notice' ? 'notices' : `${kind}s`}${group.by === 'rest' ? ' in other files' : ' in this file'}`;
  const list = group.notes.map((note) => {
    const at = sameFile ? (note.at?.line === undefined ? '' : `line ${note.at.line}`) : placeText(note.at);
    const label = group.by === 'file' || group.by === 'rest' ? `${note.title}: ` : '';
    return `- ${at ? `${at}: ` : ''}${label}${note.message}`;
  });
  return annotation(kind, list.join('\n'), sameFile ? first.at : undefined, title);
}

function dataNote(kind: AnnotationKind, problem: Problem, title: string): Note {
  const message = `${fieldName(problem.path) ? `${fieldName(problem.path)}: ` : ''}${problem.message}${problem.hint ? ` (how to fix: ${problem.hint})` : ''}`;
  return { kind, message, at: problem, title };
}

/** `label` names the report in each title, when there are several (validate --all). */
function notesOf(output: ValidationOutput, label?: string): Note[] {
  const notes = sortProblems(output.problems).map((problem) => dataNote('error', problem, 'Data problem'));
  // The run fails: say why on the job's page, where the notices alone would not.
  if (output.failed && output.readiness && !output.readiness.ready) notes.unshift({ kind: 'error', message: `${output.readiness.reasons.join('; ')}.`, title: 'Not ready to publish' });
  for (const warning of sortProblems(output.warnings ?? [])) notes.push(dataNote('warning', warning, 'Data warning'));
  for (const outcome of output.compliance?.outcomes ?? []) {
    if (outcome.status === 'met' || outcome.status === 'not-checked' || outcome.status === 'not-applicable') continue;
    const kind = outcome.status === 'reminder' ? 'notice' : outcome.requirement.level === 'must' ? 'error' : 'warning';
    const title = `${outcome.requirement.level.toUpperCase()} ${outcome.status === 'partly-met' ? 'partly met' : outcome.status === 'reminder' ? 'to do' : 'not met'}: ${outcome.requirement.id}`;
    for (const finding of findings(outcome, 'missing')) notes.push({ kind, message: `${outcome.requirement.requirement} ${finding.message}`, ...(finding.where ? { at: finding.where } : {}), title });
  }
  return label === undefined ? notes : notes.map((note) => ({ ...note, title: `${label}: ${note.title}` }));
}

/**
 * Workflow commands: an annotation on the file and line of each problem, warning, and
 * requirement not met or to do (fields still marked TO DO among them). GitHub shows only
 * ANNOTATIONS_SHOWN of each kind per step, so when there are more of a kind they are grouped
 * (by file and requirement, by file, by requirement, and at worst the last annotation lists
 * the rest), each listing its lines: none is dropped. The step summary (formatStepSummary)
 * has the whole list.
 */
export function formatGithub(output: ValidationOutput): string {
  return githubLines(output).join('\n');
}

function githubLines(output: ValidationOutput, label?: string): string[] {
  const notes = notesOf(output, label);
  const lines: string[] = [];
  for (const kind of ['error', 'warning', 'notice'] as const) {
    for (const group of groupNotes(notes.filter((note) => note.kind === kind))) lines.push(groupAnnotation(kind, group));
  }
  const first = readinessLine(output);
  if (first) lines.push(terminalText(first));
  lines.push(terminalText(formatText(output).split('\n').at(-1) ?? ''));
  return lines;
}

/** Text for Markdown: the user's words shown as written, never as markup or HTML. */
function markdown(text: string): string {
  return terminalText(oneLine(text))
    .replace(/[\\`*_{}[\]()#+!|~>-]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/**
 * The compliance summary for a GitHub Actions job page ($GITHUB_STEP_SUMMARY, Markdown): ready
 * or not and why, the requirements met, partly met and not met, and everything left with its
 * file:line, in full (the annotations may be grouped).
 */
export function formatStepSummary(output: ValidationOutput): string {
  return stepSummary(output, `Annual report ${output.year}`);
}

/** The summary of one report under a heading naming it. */
function stepSummary(output: ValidationOutput, name: string): string {
  const lines: string[] = [];
  const ready = output.readiness?.ready ?? !output.failed;
  lines.push(`## ${markdown(name)}: ${ready ? 'ready to publish' : 'not ready to publish'}`, '');
  if (output.readiness && !output.readiness.ready) lines.push(...output.readiness.reasons.map((reason) => `- ${markdown(reason)}`), '');
  const compliance = output.compliance;
  if (compliance) {
    const count = (status: RequirementStatus) => compliance.outcomes.filter((o) => o.status === status).length;
    lines.push(
      `Checked against ${markdown(compliance.catalogue.title)}.`,
      '',
      '| Requirements | Met | Partly met | Not met | Not applicable | To do at publication | Checked by hand |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      `| ${compliance.outcomes.length} | ${count('met')} | ${count('partly-met')} | ${count('not-met')} | ${count('not-applicable')} | ${count('reminder')} | ${count('not-checked')} |`,
      '',
    );
  }
  const section = (heading: string, items: string[], count = items.length) => {
    if (items.length > 0) lines.push(`### ${heading} (${count})`, '', ...items, '');
  };
  const at = (place: string) => (place ? `\`${terminalText(oneLine(place)).replace(/`/g, "'")}\` ` : '');
  section('Problems in the data', sortProblems(output.problems).map((problem) => `- ${at(location(problem))}${markdown(`${fieldName(problem.path) ? `${fieldName(problem.path)}: ` : ''}${problem.message}`)}${problem.hint ? ` (how to fix: ${markdown(problem.hint)})` : ''}`));
  const outcomes = compliance?.outcomes ?? [];
  const requirementItems = (status: RequirementStatus) =>
    outcomes
      .filter((o) => o.status === status)
      .flatMap((o) => {
        const missing = findings(o, 'missing');
        const head = `- **${o.requirement.level.toUpperCase()}** ${markdown(o.requirement.requirement)} (${markdown(o.requirement.id)})`;
        return [head, ...missing.map((finding) => `  - ${at(where(finding))}${markdown(finding.message)}`)];
      });
  const howMany = (status: RequirementStatus) => outcomes.filter((o) => o.status === status).length;
  section('Not met', requirementItems('not-met'), howMany('not-met'));
  section('Partly met', requirementItems('partly-met'), howMany('partly-met'));
  section('Still marked TO DO', (output.toDos ?? []).map((item) => `- ${at(`${item.file}:${item.line}`)}${markdown(`${item.field}: ${item.what}`)}`));
  section('To do at publication', requirementItems('reminder'), howMany('reminder'));
  section('Warnings', sortProblems(output.warnings ?? []).map((warning) => `- ${at(location(warning))}${markdown(`${fieldName(warning.path) ? `${fieldName(warning.path)}: ` : ''}${warning.message}`)}`));
  return `${lines.join('\n')}\n`;
}

/**
 * Text for XML 1.0 content and attribute values. XML forbids the C0 controls other than tab,
 * line feed and carriage return even as character references, so those are written visibly
 * as the text \u001b (as are U+FFFE and U+FFFF; a lone surrogate becomes U+FFFD). Tab, carriage
 * return, C1 controls, U+2028, U+2029 and the bidirectional controls are character references,
 * so the file holds no raw control character but line feeds between elements and in text (in
 * attribute values line feed is a reference too, so the value keeps it).
 */
export function xml(text: string, where: 'attribute' | 'content' = 'attribute'): string {
  const escaped = text
    .replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, codeEscape)
    .replace(/[\t\r\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`);
  return where === 'content' ? escaped : escaped.replace(/\n/g, '&#xA;');
}

interface JunitCase {
  classname: string;
  name: string;
  /** The testcase's content: at most one of failure or skipped, and system-out. */
  failure?: { message: string; type: string; body: string };
  skipped?: string;
  out?: string;
}

interface JunitSuite {
  lines: string[];
  tests: number;
  failures: number;
  skipped: number;
}

function junitSuite(name: string, cases: JunitCase[], systemErr?: string): JunitSuite {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const lines = [`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`];
  for (const c of cases) {
    const head = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"`;
    // junit-10.xsd's order inside a testcase: skipped, error, failure, system-out, system-err.
    const inner = [
      c.skipped !== undefined ? `<skipped message="${xml(c.skipped)}"/>` : '',
      c.failure ? `<failure message="${xml(c.failure.message)}" type="${xml(c.failure.type)}">${xml(c.failure.body, 'content')}</failure>` : '',
      c.out ? `<system-out>${xml(c.out, 'content')}</system-out>` : '',
    ].join('');
    lines.push(inner ? `${head}>${inner}</testcase>` : `${head}/>`);
  }
  if (systemErr) lines.push(`    <system-err>${xml(systemErr, 'content')}</system-err>`);
  lines.push('  </testsuite>');
  return { lines, tests: cases.length, failures, skipped };
}

/**
 * JUnit XML as the common schema (Jenkins/Ant junit-10.xsd) has it, for CI dashboards. Test
 * names are the same from run to run, so a dashboard follows each one over time: a data
 * problem is named by its file and field, a requirement by its id; the line numbers, which
 * move as the data is edited, are in the failure's text. A check the tool could not run is
 * an error; there are none today, so errors is 0.
 */
export function formatJunit(output: ValidationOutput): string {
  const { data, compliance } = junitCases(output);
  const suites = [junitSuite(`data ${output.year}`, data, output.warnings?.length ? formatWarnings(output.warnings) : undefined)];
  if (output.compliance) suites.push(junitSuite(output.compliance.catalogue.title, compliance));
  return junitDocument(suites);
}

/** The document around the suites, with their totals. */
function junitDocument(suites: JunitSuite[]): string {
  const count = (key: 'tests' | 'failures' | 'skipped') => suites.reduce((sum, suite) => sum + suite[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="report validate" tests="${count('tests')}" failures="${count('failures')}" errors="0" skipped="${count('skipped')}">`,
    ...suites.flatMap((suite) => suite.lines),
    '</testsuites>',
  ].join('\n');
}

/**
 * One report's test cases: its data (a case per problem, or one that passes), and each
 * requirement of the catalogue, when it was checked. `classPrefix` starts every classname,
 * when the cases of several reports share a document.
 */
function junitCases(output: ValidationOutput, classPrefix = ''): { data: JunitCase[]; compliance: JunitCase[] } {
  const seen = new Map<string, number>();
  /** The same name twice (two problems in one field) gets " (2)": still stable, as the order is. */
  const unique = (name: string) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  };
  const problemCases: JunitCase[] = sortProblems(output.problems).map((problem) => ({
    classname: `${classPrefix}data`,
    name: unique(`${problem.file} ${fieldName(problem.path)}`.trim()),
    failure: { message: problem.message, type: 'data problem', body: `${location(problem)} ${problem.message}${problem.hint ? `\nhow to fix: ${problem.hint}` : ''}` },
  }));
  const data = problemCases.length ? problemCases : [{ classname: `${classPrefix}data`, name: 'the data matches the model' }];
  const compliance = output.compliance;
  if (!compliance) return { data, compliance: [] };
  return {
    data,
    compliance: compliance.outcomes.map((outcome): JunitCase => {
      const base = { classname: `${classPrefix}${compliance.catalogue.id}.${outcome.requirement.level}`, name: `${outcome.requirement.id}: ${outcome.requirement.requirement}` };
      const details = findings(outcome, 'missing').map((finding) => `${where(finding)} ${finding.message}`.trim()).join('\n');
      switch (outcome.status) {
        case 'not-met':
          return { ...base, failure: { message: `${outcome.requirement.level} requirement not met`, type: 'not met', body: details } };
        case 'partly-met':
          return { ...base, failure: { message: `${outcome.requirement.level} requirement partly met`, type: 'partly met', body: details } };
        case 'not-applicable':
          return { ...base, skipped: findings(outcome, 'met')[0]?.message ?? 'not applicable to the period' };
        case 'not-checked':
          return { ...base, skipped: 'confirmed by hand' };
        case 'reminder':
          return { ...base, out: details };
        default:
          return base;
      }
    }),
  };
}

export function formatOutput(output: ValidationOutput, format: OutputFormat): string {
  return { text: formatText, json: formatJson, github: formatGithub, junit: formatJunit }[format](output);
}

const STYLE = { bold: ['\u001b[1m', '\u001b[22m'], red: ['\u001b[31m', '\u001b[39m'], green: ['\u001b[32m', '\u001b[39m'], yellow: ['\u001b[33m', '\u001b[39m'] } as const;
const paint = (style: keyof typeof STYLE, text: string) => `${STYLE[style][0]}${text}${STYLE[style][1]}`;

/**
 * The text output in colour, for a terminal: the opening line green when ready to publish and
 * red when not, file:line places bold, NOT MET red and PARTLY yellow. Takes text already made
 * safe for a terminal (terminalText), so the only escape sequences in the result are these.
 */
export function colourText(text: string): string {
  return text
    .replace(/^(Ready to publish[^\n]*)/, (line) => paint('green', line))
    .replace(/^(Not ready to publish[^\n]*)/, (line) => paint('red', line))
    .replace(/(?<=^|\s)([^\s:]+\.ya?ml(?::\d+){0,2})(?=:?(?:\s|$))/gm, (place) => paint('bold', place))
    .replace(/^(MUST   |SHOULD )(NOT MET |PARTLY  )/gm, (_all, level: string, status: string) => `${level}${paint(status.startsWith('NOT') ? 'red' : 'yellow', status)}`);
}

/** One report of a batch (report validate --all): its name, e.g. "sandwell 2022-23", its partnership's folder, its outcome. */
export interface BatchReport {
  label: string;
  data: string;
  output: ValidationOutput;
}

/** Every report of a batch, in order, and what was not checked. */
export interface BatchOutput {
  reports: BatchReport[];
  /** The year asked for, when one was. */
  year?: string;
  /** The partnerships without that year's folder. */
  withoutYear: string[];
  /** Folders among the partnerships' without a partnership.yaml, so not checked. */
  notPartnerships: string[];
  /** Whether the run fails (exit 1): any report fails. */
  failed: boolean;
}

/** The line over each report's text. */
export function batchHeading(report: BatchReport): string {
  return `=== ${report.label} ===`;
}

const notReady = (batch: BatchOutput) => batch.reports.filter((report) => !(report.output.readiness?.ready ?? !report.output.failed));

/** The closing summary: how many reports, how many ready, and why each of the others is not. */
export function formatBatchSummary(batch: BatchOutput): string {
  const count = batch.reports.length;
  const waiting = notReady(batch);
  const failed = batch.reports.filter((report) => report.output.failed).length;
  const lines = [`Checked ${count} report${count === 1 ? '' : 's'}: ${count - waiting.length} ready to publish, ${waiting.length} not.`];
  // With --draft a report may be not ready and still pass: say which count fails the run.
  if (failed !== waiting.length) lines.push(`${failed} report${failed === 1 ? '' : 's'} failed the check.`);
  if (waiting.length) lines.push('Not ready to publish:', ...waiting.map((report) => `  ${report.label}: ${report.output.readiness?.reasons.join('; ') ?? 'it failed the check'}`));
  if (batch.withoutYear.length) lines.push(`No ${batch.year} folder, so not checked: ${batch.withoutYear.join(', ')}.`);
  if (batch.notPartnerships.length) lines.push(`Folders without a partnership.yaml, not checked: ${batch.notPartnerships.join(', ')}.`);
  return lines.join('\n');
}

/** Every report's text under its heading, then the summary. */
export function formatBatchText(batch: BatchOutput): string {
  return [...batch.reports.map((report) => `${batchHeading(report)}\n${formatText(report.output)}\n`), formatBatchSummary(batch)].join('\n');
}

/** One document: each report as the json output has it, with its label and folder first, then the summary. */
export function formatBatchJson(batch: BatchOutput): string {
  const waiting = notReady(batch);
  return jsonText(
    {
      reports: batch.reports.map((report) => ({ label: report.label, data: report.data, ...jsonOf(report.output) })),
      summary: {
        reports: batch.reports.length,
        ready: batch.reports.length - waiting.length,
        failed: batch.reports.filter((report) => report.output.failed).length,
        notReady: waiting.map((report) => ({ label: report.label, reasons: report.output.readiness?.reasons ?? [] })),
        ...(batch.year !== undefined ? { year: batch.year, withoutYear: batch.withoutYear } : {}),
        notPartnerships: batch.notPartnerships,
      },
    },
    2,
  );
}

/**
 * Each report's annotations (grouped, where there are too many, as for one report) in a
 * collapsible group of the log named by the report, each title naming it too; then the summary.
 */
export function formatBatchGithub(batch: BatchOutput): string {
  const lines = batch.reports.flatMap((report) => [`::group::${escapeData(report.label)}`, ...githubLines(report.output, report.label), '::endgroup::']);
  if (batch.withoutYear.length) lines.push(annotation('notice', `No ${batch.year} folder, so not checked: ${batch.withoutYear.join(', ')}.`, undefined, `Partnerships without ${batch.year}`));
  lines.push(terminalText(formatBatchSummary(batch)));
  return lines.join('\n');
}

/** The job page's summary: the batch in a few lines, then a section per report. */
export function formatBatchStepSummary(batch: BatchOutput): string {
  const count = batch.reports.length;
  const waiting = notReady(batch);
  const lines = [`# Annual reports: ${count} checked, ${count - waiting.length} ready to publish`, ''];
  if (waiting.length) lines.push('Not ready to publish:', '', ...waiting.map((report) => `- **${markdown(report.label)}**: ${markdown(report.output.readiness?.reasons.join('; ') ?? 'it failed the check')}`), '');
  if (batch.withoutYear.length) lines.push(markdown(`No ${batch.year} folder, so not checked: ${batch.withoutYear.join(', ')}.`), '');
  if (batch.notPartnerships.length) lines.push(markdown(`Folders without a partnership.yaml, not checked: ${batch.notPartnerships.join(', ')}.`), '');
  return `${lines.join('\n')}\n${batch.reports.map((report) => stepSummary(report.output, report.label)).join('\n')}`;
}

/**
 * One document with a testsuite per report, named by it ("sandwell 2022-23"), holding a case
 * for whether it is ready to publish, then its data and requirement cases as for one report,
 * each classname starting with the report's name as well: a dashboard
 * follows every test of every report from run to run. Partnerships without the year asked for
 * are skipped cases in a suite of their own.
 */
export function formatBatchJunit(batch: BatchOutput): string {
  const suites = batch.reports.map((report) => {
    const { data, compliance } = junitCases(report.output, `${report.label}.`);
    // Whether it could be published as it stands: what the reviewer of a batch asks first.
    const readiness = report.output.readiness;
    const ready: JunitCase = { classname: `${report.label}.report`, name: 'ready to publish' };
    if (readiness && !readiness.ready) ready.failure = { message: 'not ready to publish', type: 'not ready', body: readiness.reasons.join('\n') };
    return junitSuite(report.label, [ready, ...data, ...compliance], report.output.warnings?.length ? formatWarnings(report.output.warnings) : undefined);
  });
  if (batch.withoutYear.length) {
    suites.push(junitSuite(`without ${batch.year}`, batch.withoutYear.map((name) => ({ classname: name, name: `${batch.year}`, skipped: `${name} has no ${batch.year} folder` }))));
  }
  return junitDocument(suites);
}

export function formatBatchOutput(batch: BatchOutput, format: OutputFormat): string {
  return { text: formatBatchText, json: formatBatchJson, github: formatBatchGithub, junit: formatBatchJunit }[format](batch);
}

/** A batch's heading line in colour, for a terminal: bold. */
export function colourHeading(text: string): string {
  return text.replace(/^(=== .* ===)$/gm, (line) => paint('bold', line));
}
