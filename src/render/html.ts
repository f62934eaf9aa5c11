/**
 * Presents the view model with the Handlebars templates in templates/. Templates only
 * present: every value is escaped except the fields the view model has already made safe
 * (Markdown rendered and sanitised), which the templates insert with {{{triple braces}}}.
 *
 * A partnership may override any template with --templates DIR: a file there (report.hbs,
 * report.css, or partials/<name>.hbs) replaces the bundled one of the same name; everything
 * else comes from the bundled templates.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { ReportView } from './view-model.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The file to use: the partnership's own if it has one, otherwise the bundled one. */
function templateFile(name: string, overrides?: string): string {
  const own = overrides ? join(overrides, name) : undefined;
  return own && existsSync(own) ? own : join(TEMPLATES_DIR, name);
}

async function partials(overrides?: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const dir of [join(TEMPLATES_DIR, 'partials'), ...(overrides ? [join(overrides, 'partials')] : [])]) {
    if (!existsSync(dir)) continue;
    for (const file of (await readdir(dir)).filter((name) => name.endsWith('.hbs'))) found.set(basename(file, '.hbs'), join(dir, file));
  }
  return found;
}

export async function renderHtml(view: ReportView, overrides?: string): Promise<string> {
  const handlebars = Handlebars.create();
  for (const [name, file] of await partials(overrides)) handlebars.registerPartial(name, await readFile(file, 'utf8'));
  const template = handlebars.compile(await readFile(templateFile('report.hbs', overrides), 'utf8'), {
    strict: false,
    preventIndent: true,
  });
  // Templates see only the view model's own data: no prototype properties or methods.
  return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

export async function readStylesheet(overrides?: string): Promise<string> {
  return readFile(templateFile('report.css', overrides), 'utf8');
}
