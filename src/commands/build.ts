/** `report build`: one report, or with --all every year of every partnership in a folder. */
import { Option, type Command } from 'commander';
import { EXIT, RendererError, UserError } from '../errors.js';
import { DATA_OPTION, STANDARD_OPTION, TEMPLATES_OPTION, YEAR_OPTION } from './options.js';
import { plural, print, printError } from './output.js';

interface BuildCommandOptions {
  data: string;
  year?: string;
  out: string;
  format: string;
  browser?: string;
  standard?: string;
  strict?: boolean;
  draft?: boolean;
  templates?: string;
  baseUrl?: string;
  quiet?: boolean;
  json?: boolean;
  all?: boolean;
}

export function registerBuild(cli: Command): void {
  cli
    .command('build')
    .description('Validate, then write <out>/<year>/index.html with its assets and the PDF')
    .option(...DATA_OPTION)
    .option(...YEAR_OPTION)
    .option('--out <dir>', 'where to write the report', 'dist')
    .addOption(new Option('--format <list>', 'what to write: html, pdf, or both').default('html,pdf'))
    .option('--browser <path>', 'the Chrome, Chromium or Edge to print with (default: PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, a browser fetched by report browser install, then the usual system places)')
    .option(...STANDARD_OPTION)
    .option('--strict', 'refuse to build when any requirement is not met, not only statutory "must"s')
    .option('--draft', 'build even if requirements are not met, marking every page DRAFT')
    .option(...TEMPLATES_OPTION)
    .option('--base-url <url>', 'where the --out folder is published, e.g. https://www.example.org.uk/reports/ (for canonical and social links)')
    .option('--all', 'build every year in the data folder, or every year of every partnership in a folder of partnerships, with one browser')
    .option('--quiet', 'print nothing but problems')
    .option('--json', 'print a machine-readable summary instead of progress')
    .addHelpText('after', `
Examples:
  report build --year 2022-23
  report build --format html --out public
  report build --draft --quiet
  report build --all --data partnerships --out public
  report build --json > build.json
  report build --data examples/sandwell --out dist/sandwell`)
    .action(async (options: BuildCommandOptions) => {
      const { handleInterrupts } = await import('../write/interrupt.js');
      handleInterrupts();
      const { build, parseFormats } = await import('../build.js');
      const { format, templates, quiet, json, all, ...rest } = options;
      const started = Date.now();
      const seconds = () => (Date.now() - started) / 1000;
      const common = { ...rest, ...(templates ? { templatesDir: templates } : {}), formats: parseFormats(format) };
      if (all) {
        const { buildAll } = await import('../build-all.js');
        const { year: _year, ...everyYear } = common;
        const outcome = await buildAll({
          ...everyYear,
          onReport: (target, result) => {
            if (result instanceof UserError) printError(`Could not build ${target.label}:\n${result.message}\n\n`);
            else if (!quiet && !json) print(`Built ${target.label}: ${result.written.join(', ')}\n`);
          },
        });
        if (json) {
          const built = outcome.built.map(({ target, result }) => ({ report: target.label, html: result.html ?? null, pdf: result.pdf ?? null, warnings: result.warnings }));
          const failed = outcome.failed.map(({ target, error }) => ({ report: target.label, message: error.message }));
          print(`${JSON.stringify({ built, failed, seconds: seconds() }, null, 2)}\n`);
        } else if (!quiet) {
          print(`${plural(outcome.built.length, 'report')} built in ${seconds().toFixed(1)} s${outcome.failed.length ? `, ${outcome.failed.length} could not be built` : ''}.\n`);
        }
        if (outcome.failed.length) process.exitCode = outcome.failed.every(({ error }) => error instanceof RendererError) ? EXIT.renderer : EXIT.dataProblems;
        return;
      }
      const { progressReporter } = await import('../progress.js');
      const mode = quiet || json ? 'quiet' : process.stdout.isTTY ? 'terminal' : 'lines';
      const result = await build({ ...common, onProgress: progressReporter(process.stdout, mode) });
      for (const warning of result.warnings) printError(`Warning: ${warning}\n`);
      if (json) {
        print(`${JSON.stringify({ year: result.year, folder: result.folder, html: result.html ?? null, pdf: result.pdf ?? null, warnings: result.warnings, seconds: seconds() }, null, 2)}\n`);
        return;
      }
      if (!quiet) for (const written of result.written) print(`Wrote ${written}\n`);
    });
}
