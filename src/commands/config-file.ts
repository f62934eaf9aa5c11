/**
 * report.config.yaml: the settings a partnership's repository would otherwise repeat on every
 * command (where the data is, where the site goes, the standard, the templates, the address it
 * is published at). Found by walking up from the working folder, like .gitignore or
 * package.json, so every command run anywhere in the repository uses it. Paths in it are
 * relative to the file. An option given on the command line wins over the file; the file wins
 * over the built-in default.
 *
 *     # report.config.yaml
 *     data: partnership-data
 *     out: public
 *     base_url: https://www.example.org.uk/annual-report/
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { UsageError } from '../errors.js';
import { formatProblems, type Problem } from '../problems.js';
import { displayPath } from '../util/display-path.js';
import { upFrom } from '../util/up-from.js';

export const CONFIG_FILE = 'report.config.yaml';

/** Each setting: the command-line option it stands for, and whether it is a path. */
const SETTINGS = {
  data: { option: 'data', path: true, says: 'the partnership\'s data folder' },
  out: { option: 'out', path: true, says: 'where build writes the site' },
  standard: { option: 'standard', path: false, says: 'the requirements to check against (such as wt2018), or a catalogue file' },
  templates: { option: 'templates', path: true, says: 'a folder of templates replacing the bundled ones' },
  base_url: { option: 'baseUrl', path: false, says: 'where the site is published, e.g. https://www.example.org.uk/reports/' },
} as const;
type Setting = keyof typeof SETTINGS;

export interface Config {
  file: string;
  /** Option name (as commander keeps it) -> value, paths made absolute. */
  values: Record<string, string>;
}

/** The nearest report.config.yaml at or above `from`, or undefined. */
export function findConfig(from = process.cwd()): string | undefined {
  for (const dir of upFrom(from)) if (existsSync(join(dir, CONFIG_FILE))) return join(dir, CONFIG_FILE);
  return undefined;
}

/** Reads and checks a config file; every problem in it at once, each with its line. */
export function readConfig(file: string): Config {
  const shown = displayPath(file);
  const text = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined) => (offset === undefined ? {} : lines.linePos(offset));
  const problems: Problem[] = document.errors.map((error) => ({
    file: shown,
    ...at(error.pos[0]),
    message: error.message.split('\n')[0]!,
    hint: 'report.config.yaml holds lines like "data: partnership-data"; put a value in quotes if it has a colon or a # in it.',
  }));
  const values: Record<string, string> = {};
  if (problems.length === 0 && document.contents !== null) {
    if (!isMap(document.contents)) {
      problems.push({ file: shown, line: 1, column: 1, message: 'is not a list of settings', hint: `Write one setting a line: ${Object.keys(SETTINGS).join(', ')}.` });
    } else {
      for (const pair of document.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const where = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
        if (!(key in SETTINGS)) {
          problems.push({ file: shown, ...where, message: `"${key}" is not a setting report knows`, hint: `The settings are: ${Object.entries(SETTINGS).map(([name, { says }]) => `${name} (${says})`).join('; ')}.` });
          continue;
        }
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        if (typeof value !== 'string' || value.trim() === '') {
          problems.push({ file: shown, ...at(isScalar(pair.value) ? pair.value.range?.[0] : undefined), ...(isScalar(pair.value) ? {} : where), message: `${key} needs a value: ${SETTINGS[key as Setting].says}`, hint: `For example: ${key}: ${key === 'base_url' ? 'https://www.example.org.uk/reports/' : key === 'standard' ? 'wt2023' : 'folder-name'}` });
          continue;
        }
        const setting = SETTINGS[key as Setting];
        values[setting.option] = setting.path ? resolve(dirname(file), value) : value;
      }
    }
  }
  if (problems.length > 0) {
    throw new UsageError(`${problems.length === 1 ? 'A problem' : `${problems.length} problems`} in ${shown}, the settings file:\n${formatProblems(problems)}`);
  }
  return { file, values };
}

/**
 * Gives the command about to run the config file's settings for the options it has, where
 * the command line did not give them.
 */
export function applyConfig(command: Command, config: Config): void {
  for (const option of command.options) {
    const name = option.attributeName();
    const value = config.values[name];
    if (value === undefined) continue;
    const source = command.getOptionValueSource(name);
    if (source === undefined || source === 'default') command.setOptionValueWithSource(name, value, 'config');
  }
  // `report init [dir]`: the data folder to create, when none is named.
  const dirArgument = command.registeredArguments.findIndex((argument) => argument.name() === 'dir');
  if (dirArgument !== -1 && config.values.data !== undefined && command.args.length <= dirArgument) {
    command.processedArgs[dirArgument] = config.values.data;
  }
}
