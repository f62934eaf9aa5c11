/**
 * Presents the view model with the Handlebars templates in templates/. Templates only
 * present: every value is escaped except the fields the view model has already made safe
 * (Markdown rendered and sanitised), which the templates insert with {{{triple braces}}}.
 *
 * A partnership may override any template with --templates DIR: a file there (report.hbs,
 * report.css, or partials/<name>.hbs) replaces the bundled one of the same name; everything
 * else comes from the bundled templates.
 *
 * Before anything is rendered, every template is read (regular files only, bounded) and
 * parsed, and its syntax tree walked, so every mistake in every template (a syntax error, a
 * partial or a helper that does not exist) is listed at once, each with its file, line and
 * column, rather than surfacing as Handlebars' own exception halfway through a build.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { TemplateProblemsError, UsageError } from '../errors.js';
import { displayPath } from '../util/display-path.js';
import type { Problem } from '../problems.js';
import { readRegularFile, RefusedFile } from '../read-file.js';
import { closest } from '../util/suggest.js';
import type { ReportView } from './view-model.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A template is a few KB; anything past this is not a template. */
const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/** Handlebars' own helpers take exactly this many values ({{#if a}}, {{lookup a "b"}}). */
const BUILT_IN_ARITY: Record<string, number> = { if: 1, unless: 1, with: 1, each: 1, lookup: 2 };

const SYNTAX_HINT = 'every {{ needs its }}, every {{#name ...}} its {{/name}}, and {{else}} belongs inside a block; see https://handlebarsjs.com/guide/';

interface TemplateFile {
  /** As the user would type it, for messages. */
  display: string;
  path: string;
}

interface Templates {
  report: { file: TemplateFile; source: string; tree: hbs.AST.Program };
  partials: Map<string, { file: TemplateFile; source: string; tree: hbs.AST.Program }>;
}

const fileOf = (path: string): TemplateFile => ({ path, display: displayPath(path) });

/**
 * --templates DIR must be a folder: one that is missing or is a file is a mistake to say
 * so, not a reason to fall back quietly to the bundled templates.
 */
export async function checkTemplatesFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info?.isDirectory()) return;
  const why = info
    ? `${dir} is ${info.isFile() ? 'a file' : 'not a folder'}: give --templates the folder that holds your report.hbs, report.css or partials/<name>.hbs`
    : 'check the folder\'s name, or leave out --templates to use the bundled templates';
  throw new UsageError(`There is no templates folder at ${dir}.\n    how to fix: ${why}`);
}

/** The file to use: the partnership's own if it has one, otherwise the bundled one. */
async function templateFile(name: string, overrides?: string): Promise<TemplateFile> {
  if (overrides) {
    const own = join(overrides, name);
    // Anything at that name is theirs (even a folder or a pipe, which is then refused by name).
    if (await stat(own).then(() => true, (error: NodeJS.ErrnoException) => error.code !== 'ENOENT')) return fileOf(own);
  }
  return fileOf(join(TEMPLATES_DIR, name));
}

/** The text of a template file, or a problem saying why it cannot be used. */
async function readTemplate(file: TemplateFile, problems: Problem[]): Promise<string | undefined> {
  try {
    return (await readRegularFile(file.path, MAX_TEMPLATE_BYTES)).toString('utf8');
  } catch (error) {
    if (!(error instanceof RefusedFile)) throw error;
    problems.push({ file: file.display, message: error.message, hint: error.hint });
    return undefined;
  }
}

async function partialFiles(overrides: string | undefined, problems: Problem[]): Promise<Map<string, TemplateFile>> {
  const found = new Map<string, TemplateFile>();
  for (const dir of [join(TEMPLATES_DIR, 'partials'), ...(overrides ? [join(overrides, 'partials')] : [])]) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) continue;
    if (!info.isDirectory()) {
      problems.push({ file: displayPath(dir), message: 'is not a folder', hint: 'partials/ must be a folder of <name>.hbs files, each replacing the bundled partial of that name' });
      continue;
    }
    for (const file of (await readdir(dir)).filter((name) => name.endsWith('.hbs')).sort()) found.set(basename(file, '.hbs'), fileOf(join(dir, file)));
  }
  return found;
}

/** Where Handlebars' parser stopped, from its lexer, which keeps the location of the token it failed on. */
function parserPosition(handlebars: typeof Handlebars): { line: number; column: number } | undefined {
  const lexer = (handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line?: number; first_column?: number } } } }).Parser?.lexer;
  const at = lexer?.yylloc;
  return at?.first_line !== undefined && at.first_column !== undefined ? { line: at.first_line, column: at.first_column + 1 } : undefined;
}

/** Handlebars' message for a syntax error, said for a person. */
function syntaxMessage(message: string): string {
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) return `the block {{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}`;
  if (message.startsWith('Lexical error')) return 'there is text here that Handlebars cannot read (an unclosed {{!-- comment, perhaps)';
  const got = /got '([A-Z_]+)'$/.exec(message)?.[1];
  const expecting = /Expecting (.*), got/.exec(message)?.[1] ?? '';
  if (got === 'EOF') return 'the file ends before a block is closed: a {{#name}} has no {{/name}}';
  if (got === 'INVERSE' || got === 'OPEN_INVERSE') return 'this {{else}} is not inside a block';
  if (got === 'OPEN_ENDBLOCK') return 'this {{/...}} closes a block that was never opened';
  if (got === 'CLOSE' && expecting.includes('CLOSE_UNESCAPED')) return 'a tag opened with {{{ is closed with }} instead of }}}';
  if (got === 'CLOSE') return 'this tag ends before it is complete';
  if (got === 'INVALID') return 'this tag is not complete or has a character Handlebars cannot read';
  return message.split('\n')[0]!.replace(/ - \d+:\d+$/, '');
}

type Node = { type: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

/** Every node of a Handlebars syntax tree, depth first. */
function* nodes(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Node;
  if (typeof node.type === 'string') yield node;
  for (const [key, child] of Object.entries(node)) if (key !== 'loc') yield* nodes(child);
}

const nameOf = (node: unknown): string | undefined => {
  const named = node as { type?: string; original?: unknown } | undefined;
  return named && (named.type === 'PathExpression' || named.type === 'StringLiteral' || named.type === 'NumberLiteral') ? String(named.original) : undefined;
};

function helperProblem(node: Node, helpers: ReadonlySet<string>): { message: string; hint: string } | undefined {
  const name = nameOf(node.path);
  if (name === undefined || (node.path as Node).type !== 'PathExpression') return undefined;
  const values = (node.params as unknown[] | undefined)?.length ?? 0;
  const hash = node.hash !== undefined && node.hash !== null;
  if (helpers.has(name)) {
    const arity = BUILT_IN_ARITY[name];
    if (arity === undefined || values === arity || (node.type === 'MustacheStatement' && values === 0 && !hash && name === 'lookup')) return undefined;
    const tag = node.type === 'BlockStatement' ? `{{#${name}}}` : node.type === 'SubExpression' ? `(${name})` : `{{${name}}}`;
    return {
      message: `uses ${tag} with ${values === 0 ? 'no values' : `${values} value${values === 1 ? '' : 's'}`}, but it takes ${arity === 1 ? 'exactly one' : `exactly ${arity}`}`,
      hint: arity === 1 ? `give it one value, e.g. {{#${name} items}}` : 'use it as (lookup object "field")',
    };
  }
  // {{name}} alone is a field; with values after it ({{shout name}}, {{#shout name}}, (shout name)) it calls a helper.
  if (values === 0 && !hash) return undefined;
  const guess = closest(name, helpers);
  return {
    message: `uses a helper "${name}" that does not exist`,
    hint: `${guess ? `did you mean "${guess}"? ` : ''}the helpers are ${[...helpers].filter((helper) => !helper.endsWith('Missing')).sort().join(', ')}; compute anything else in the data, or if "${name}" is a field, write {{${name}}} with nothing after it`,
  };
}

/** Every problem in one parsed template: partials and helpers it uses that do not exist. */
function checkTree(tree: unknown, file: TemplateFile, partials: ReadonlySet<string>, helpers: ReadonlySet<string>, problems: Problem[]): void {
  const at = (node: Node) => ({ file: file.display, line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 });
  for (const node of nodes(tree)) {
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const problem = helperProblem(node, helpers);
      if (problem) problems.push({ ...at(node), ...problem });
    } else if (node.type === 'PartialStatement') {
      // {{> (lookup . "partial")}} names its partial only when it runs: it is not checked here.
      const name = nameOf(node.name);
      if (name === undefined || partials.has(name) || name.startsWith('@')) continue;
      const guess = closest(name, partials);
      problems.push({
        ...at(node),
        message: `uses a partial "${name}" that does not exist`,
        hint: `${guess ? `did you mean "${guess}"? ` : ''}a partial is a file partials/<name>.hbs in the templates folder: check the name, or add partials/${name}.hbs`,
      });
    }
  }
}

/** Partials a template defines for itself with {{#*inline "name"}}. */
function inlinePartials(tree: unknown): string[] {
  return [...nodes(tree)].filter((node) => node.type === 'DecoratorBlock' && nameOf(node.path) === 'inline').flatMap((node) => {
    const name = nameOf((node.params as unknown[])[0]);
    return name === undefined ? [] : [name];
  });
}

/** Every template the report would use, read; unreadable ones are problems. */
interface TemplateSources {
  report?: { file: TemplateFile; source: string };
  partials: Map<string, { file: TemplateFile; source: string }>;
  problems: Problem[];
}

async function readTemplates(overrides?: string): Promise<TemplateSources> {
  if (overrides) await checkTemplatesFolder(overrides);
  const problems: Problem[] = [];
  const reportFile = await templateFile('report.hbs', overrides);
  const report = await readTemplate(reportFile, problems);
  // The stylesheet is not Handlebars, but one that cannot be read is said here too, with the rest.
  await readTemplate(await templateFile('report.css', overrides), problems);
  const partials = new Map<string, { file: TemplateFile; source: string }>();
  for (const [name, file] of await partialFiles(overrides, problems)) {
    const source = await readTemplate(file, problems);
    if (source !== undefined) partials.set(name, { file, source });
  }
  return { ...(report === undefined ? {} : { report: { file: reportFile, source: report } }), partials, problems };
}

/** What a set of templates is compiled from: the folder, and every file's text. */
function templatesKey(overrides: string | undefined, sources: Pick<TemplateSources, 'report' | 'partials'>): string {
  const partials = [...sources.partials].map(([name, { source }]) => [name, source]);
  return createHash('sha256').update(JSON.stringify([overrides ?? '', sources.report?.source ?? '', partials])).digest('hex');
}

/**
 * Parses and checks templates read, listing every problem in every one of them at once.
 * Throws TemplateProblemsError (exit 2) when there is any.
 */
function checkTemplateSources(handlebars: typeof Handlebars, sources: TemplateSources): Templates {
  const { report, partials: read } = sources;
  const problems = [...sources.problems];
  const parsed: Array<{ file: TemplateFile; tree: hbs.AST.Program }> = [];
  for (const { file, source } of [...(report === undefined ? [] : [report]), ...read.values()]) {
    try {
      parsed.push({ file, tree: handlebars.parse(source) });
    } catch (error) {
      const exception = error as { message?: string; lineNumber?: number; column?: number };
      if (typeof exception?.message !== 'string') throw error;
      const where = exception.lineNumber !== undefined ? { line: exception.lineNumber, column: (exception.column ?? 0) + 1 } : parserPosition(handlebars);
      problems.push({ file: file.display, ...where, message: `this template has a syntax error: ${syntaxMessage(exception.message)}`, hint: SYNTAX_HINT });
    }
  }
  const partialNames = new Set([...read.keys(), ...parsed.flatMap(({ tree }) => inlinePartials(tree))]);
  const helpers = new Set(Object.keys(handlebars.helpers));
  for (const { file, tree } of parsed) checkTree(tree, file, partialNames, helpers, problems);

  if (problems.length > 0 || report === undefined) throw new TemplateProblemsError(problems);
  const treeOf = (file: TemplateFile) => parsed.find((entry) => entry.file === file)!.tree;
  const partials = new Map([...read].map(([name, { file, source }]) => [name, { file, source, tree: treeOf(file) }]));
  return { report: { ...report, tree: treeOf(report.file) }, partials };
}

async function loadTemplates(handlebars: typeof Handlebars, overrides?: string): Promise<Templates> {
  return checkTemplateSources(handlebars, await readTemplates(overrides));
}

/** Checks every template (--templates DIR over the bundled ones) without rendering: throws on any problem. */
export async function checkTemplates(overrides?: string): Promise<void> {
  await loadTemplates(Handlebars.create(), overrides);
}

/** How every template is compiled, here and ahead of time. */
const COMPILE_OPTIONS = { strict: false, preventIndent: true } as const;

/**
 * Templates compiled in this process, by everything they were compiled from (the folder and
 * the text of every file): a build renders its page twice, the preview on every edit, and
 * `build --all` once a report, so each set of templates is compiled once. The files are still
 * read each time, so an edited template is compiled afresh.
 */
const compiled = new Map<string, HandlebarsTemplateDelegate<ReportView>>();

/**
 * The bundled templates compiled ahead of time (scripts/precompile-templates.mjs writes
 * bundled-templates.js beside this module when the package is built), or undefined.
 */
interface Precompiled {
  key: string;
  report: TemplateSpecification;
  partials: Record<string, TemplateSpecification>;
}

async function precompiled(): Promise<Precompiled | undefined> {
  try {
    // A module written at build time: not there when running from the sources (the tests).
    const modulePath: string = './bundled-templates.js';
    return ((await import(modulePath)) as { default: Precompiled }).default;
  } catch {
    return undefined;
  }
}

async function compiledTemplate(overrides: string | undefined): Promise<HandlebarsTemplateDelegate<ReportView>> {
  const sources = await readTemplates(overrides);
  const key = sources.report && sources.problems.length === 0 ? templatesKey(overrides, sources) : undefined;
  const known = key === undefined ? undefined : compiled.get(key);
  if (known) return known;
  const handlebars = Handlebars.create();
  let template: HandlebarsTemplateDelegate<ReportView>;
  const ahead = key !== undefined && overrides === undefined ? await precompiled() : undefined;
  if (ahead && ahead.key === key) {
    // The bundled templates, unchanged since they were checked and compiled with the package.
    for (const [name, spec] of Object.entries(ahead.partials)) handlebars.registerPartial(name, handlebars.template(spec));
    template = handlebars.template<ReportView>(ahead.report);
  } else {
    // Checked on every compile, so a fault is said every time; compiled from the trees parsed
    // for the checks, each partial once, up front.
    const templates = checkTemplateSources(handlebars, sources);
    for (const [name, { tree }] of templates.partials) handlebars.registerPartial(name, handlebars.compile(tree, COMPILE_OPTIONS));
    template = handlebars.compile<ReportView>(templates.report.tree, COMPILE_OPTIONS);
  }
  if (key !== undefined) {
    if (compiled.size >= 8) compiled.clear(); // the preview, after many edits of a template
    compiled.set(key, template);
  }
  return template;
}

/**
 * The source of bundled-templates.js: the bundled templates, checked, compiled to JavaScript,
 * and the key they are used under (so edited templates are never taken for them).
 */
export async function precompileBundledTemplates(): Promise<string> {
  const handlebars = Handlebars.create();
  const sources = await readTemplates();
  const templates = checkTemplateSources(handlebars, sources);
  const partials = [...templates.partials].map(([name, { tree }]) => `    ${JSON.stringify(name)}: ${handlebars.precompile(tree, COMPILE_OPTIONS)},`);
  return [
    '// Written by scripts/precompile-templates.mjs from templates/: do not edit.',
    'export default {',
    `  key: ${JSON.stringify(templatesKey(undefined, sources))},`,
    `  report: ${handlebars.precompile(templates.report.tree, COMPILE_OPTIONS)},`,
    '  partials: {',
    ...partials,
    '  },',
    '};',
    '',
  ].join('\n');
}

export async function renderHtml(view: ReportView, overrides?: string): Promise<string> {
  const template = await compiledTemplate(overrides);
  try {
    // Templates see only the view model's own data: no prototype properties or methods.
    return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    // What the checks above cannot see (a partial that includes itself without end, a
    // dynamic partial's name) is still the partnership's template, not a fault in the tool.
    if (!overrides || !(error instanceof Handlebars.Exception || error instanceof RangeError)) throw error;
    const message = error instanceof RangeError ? 'the templates include each other without end (does a partial include itself?)' : `could not be used: ${error.message.split('\n')[0]}`;
    throw new TemplateProblemsError([{ file: displayPath(overrides), message, hint: 'check the templates in this folder against the bundled ones in templates/' }]);
  }
}

export async function readStylesheet(overrides?: string): Promise<string> {
  if (overrides) await checkTemplatesFolder(overrides);
  const problems: Problem[] = [];
  const source = await readTemplate(await templateFile('report.css', overrides), problems);
  if (source === undefined) throw new TemplateProblemsError(problems);
  return source;
}
