/**
 * What `report validate` prints: a table for people (text), and formats for tools: json,
 * GitHub Actions workflow commands (annotations on the files), and JUnit XML for CI dashboards.
 * Each shows the same two things: problems in the data, and the compliance outcome.
 */
import { codeEscape, jsonText, terminalText } from '../control-characters.js';
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
    lines.push(formatProblems(output.problems), '', `${count} problem${count === 1 ? '' : 's'} found in ${output.year}. Fix them and run report validate again.`);
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
  return jsonText({ year: output.year, dataDir: output.dataDir, failed: output.failed, ...(output.readiness ? { ready: output.readiness.ready, notReadyBecause: output.readiness.reasons } : {}), problems: sortProblems(output.problems), warnings: sortProblems(output.warnings ?? []), toDos: output.toDos ?? [], notStated: output.notStated ?? [], compliance }, 2);
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

function annotation(kind: 'error' | 'warning' | 'notice', message: string, at?: { file: string; line?: number; column?: number }, title?: string): string {
  const properties = [
    at && `file=${escapeProperty(at.file)}`,
    at?.line !== undefined && `line=${at.line}`,
    at?.column !== undefined && `col=${at.column}`,
    title && `title=${escapeProperty(title)}`,
  ].filter(Boolean);
  return `::${kind}${properties.length ? ` ${properties.join(',')}` : ''}::${escapeData(message)}`;
}

export function formatGithub(output: ValidationOutput): string {
  const lines = sortProblems(output.problems).map((problem) =>
    annotation('error', `${fieldName(problem.path) ? `${fieldName(problem.path)}: ` : ''}${problem.message}${problem.hint ? ` (how to fix: ${problem.hint})` : ''}`, problem, 'Data problem'),
  );
  for (const warning of sortProblems(output.warnings ?? [])) {
    lines.push(annotation('warning', `${fieldName(warning.path) ? `${fieldName(warning.path)}: ` : ''}${warning.message}${warning.hint ? ` (how to fix: ${warning.hint})` : ''}`, warning, 'Data warning'));
  }
  for (const outcome of output.compliance?.outcomes ?? []) {
    if (outcome.status === 'met' || outcome.status === 'not-checked' || outcome.status === 'not-applicable') continue;
    const kind = outcome.status === 'reminder' ? 'notice' : outcome.requirement.level === 'must' ? 'error' : 'warning';
    const title = `${outcome.requirement.level.toUpperCase()} ${outcome.status === 'partly-met' ? 'partly met' : outcome.status === 'reminder' ? 'to do' : 'not met'}: ${outcome.requirement.id}`;
    for (const finding of findings(outcome, 'missing')) lines.push(annotation(kind, `${outcome.requirement.requirement} ${finding.message}`, finding.where, title));
  }
  lines.push(terminalText(formatText(output).split('\n').at(-1) ?? ''));
  return lines.join('\n');
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

export function formatJunit(output: ValidationOutput): string {
  const suites: string[] = [];
  const problemCases = sortProblems(output.problems).map(
    (problem) =>
      `    <testcase classname="data" name="${xml(`${location(problem)} ${fieldName(problem.path)}`.trim())}"><failure message="${xml(problem.message)}">${xml(problem.hint ?? '', 'content')}</failure></testcase>`,
  );
  const warnings = output.warnings?.length ? [`    <system-err>${xml(formatWarnings(output.warnings), 'content')}</system-err>`] : [];
  suites.push(
    `  <testsuite name="data ${xml(output.year)}" tests="${Math.max(1, problemCases.length)}" failures="${problemCases.length}">`,
    ...(problemCases.length ? problemCases : ['    <testcase classname="data" name="the data matches the model"/>']),
    ...warnings,
    '  </testsuite>',
  );
  const compliance = output.compliance;
  if (compliance) {
    const failures = compliance.failed.must + compliance.failed.should + compliance.partly.must + compliance.partly.should;
    const skipped = compliance.outcomes.filter((o) => o.status === 'not-checked' || o.status === 'not-applicable').length;
    suites.push(`  <testsuite name="${xml(compliance.catalogue.title)}" tests="${compliance.outcomes.length}" failures="${failures}" skipped="${skipped}">`);
    for (const outcome of compliance.outcomes) {
      const name = xml(`${outcome.requirement.id}: ${outcome.requirement.requirement}`);
      const classname = xml(`${compliance.catalogue.id}.${outcome.requirement.level}`);
      const details = xml(findings(outcome, 'missing').map((finding) => `${where(finding)} ${finding.message}`.trim()).join('\n'), 'content');
      if (outcome.status === 'not-met') suites.push(`    <testcase classname="${classname}" name="${name}"><failure message="${xml(outcome.requirement.level)} requirement not met">${details}</failure></testcase>`);
      else if (outcome.status === 'partly-met') suites.push(`    <testcase classname="${classname}" name="${name}"><failure message="${xml(outcome.requirement.level)} requirement partly met">${details}</failure></testcase>`);
      else if (outcome.status === 'not-applicable') suites.push(`    <testcase classname="${classname}" name="${name}"><skipped message="${xml(findings(outcome, 'met')[0]?.message ?? 'not applicable to the period')}"/></testcase>`);
      else if (outcome.status === 'not-checked') suites.push(`    <testcase classname="${classname}" name="${name}"><skipped message="confirmed by hand"/></testcase>`);
      else if (outcome.status === 'reminder') suites.push(`    <testcase classname="${classname}" name="${name}"><system-out>${details}</system-out></testcase>`);
      else suites.push(`    <testcase classname="${classname}" name="${name}"/>`);
    }
    suites.push('  </testsuite>');
  }
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="report validate">', ...suites, '</testsuites>'].join('\n');
}

export function formatOutput(output: ValidationOutput, format: OutputFormat): string {
  return { text: formatText, json: formatJson, github: formatGithub, junit: formatJunit }[format](output);
}
