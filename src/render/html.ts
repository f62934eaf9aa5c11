/**
 * Presents the view model with the Handlebars templates in templates/. Templates only
 * present: every value is escaped except the fields the view model has already made safe
 * (Markdown rendered and sanitised), which the templates insert with {{{triple braces}}}.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { ReportView } from './view-model.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export async function renderHtml(view: ReportView, templatesDir = TEMPLATES_DIR): Promise<string> {
  const handlebars = Handlebars.create();
  const partialsDir = join(templatesDir, 'partials');
  for (const file of (await readdir(partialsDir)).filter((name) => name.endsWith('.hbs'))) {
    handlebars.registerPartial(basename(file, '.hbs'), await readFile(join(partialsDir, file), 'utf8'));
  }
  const template = handlebars.compile(await readFile(join(templatesDir, 'report.hbs'), 'utf8'), {
    strict: false,
    preventIndent: true,
  });
  return template(view, {
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  });
}

export async function readStylesheet(templatesDir = TEMPLATES_DIR): Promise<string> {
  return readFile(join(templatesDir, 'report.css'), 'utf8');
}
