#!/usr/bin/env node
/**
 * The `report` command: a thin layer over the API in index.ts. Parses options, calls the
 * pipeline, prints, and exits with a documented code. Heavy stages (charts, the browser)
 * are imported only by `build`, so `validate` starts fast.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, UserError } from './errors.js';
import { formatProblems } from './problems.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the data has problems (each is listed with file:line:column)
  2  the command was used wrongly (unknown option, no such folder or year)
  3  the PDF could not be printed (no browser found, it crashed or timed out)`;

function program(): Command {
  const cli = new Command()
    .name('report')
    .description('Build a safeguarding children partnership\'s annual report from YAML data: a checked, accessible HTML site and a print-ready PDF.')
    .showHelpAfterError('(run report --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();

  cli
    .command('validate')
    .description('Check the data against the model and list every problem at once')
    .option('--data <dir>', 'the partnership\'s data folder', 'data')
    .option('--year <year>', 'the reporting year, e.g. 2022-23 (default: the latest year folder)')
    .addHelpText('after', `
Examples:
  report validate
  report validate --year 2022-23
  report validate --data examples/sandwell`)
    .action(async (options: { data: string; year?: string }) => {
      const { load } = await import('./load/load-report.js');
      const { validate } = await import('./validate/validate-report.js');
      const loaded = await load(options);
      const { problems } = validate(loaded);
      if (problems.length > 0) {
        process.stderr.write(`${formatProblems(problems)}\n\n${problems.length} problem${problems.length === 1 ? '' : 's'} found in ${loaded.year}. Fix them and run report validate again.\n`);
        process.exitCode = EXIT.dataProblems;
        return;
      }
      process.stdout.write(`The ${loaded.year} data in ${options.data} is valid.\n`);
    });

  cli
    .command('build')
    .description('Validate, then write <out>/<year>/index.html with its assets and the PDF')
    .option('--data <dir>', 'the partnership\'s data folder', 'data')
    .option('--year <year>', 'the reporting year, e.g. 2022-23 (default: the latest year folder)')
    .option('--out <dir>', 'where to write the report', 'dist')
    .addOption(new Option('--format <list>', 'what to write: html, pdf, or both').default('html,pdf'))
    .option('--browser <path>', 'the Chrome or Chromium to print with (default: PUPPETEER_EXECUTABLE_PATH, puppeteer\'s own, then the usual system paths)')
    .addHelpText('after', `
Examples:
  report build --year 2022-23
  report build --format html --out public
  report build --data examples/sandwell --out dist/sandwell`)
    .action(async (options: { data: string; year?: string; out: string; format: string; browser?: string }) => {
      const { build, parseFormats } = await import('./build.js');
      const { format, ...rest } = options;
      const result = await build({ ...rest, formats: parseFormats(format) });
      for (const written of result.written) process.stdout.write(`Wrote ${written}\n`);
    });

  cli
    .command('schema')
    .description('Write the JSON Schema files editors use to check YAML as you type')
    .option('--out <dir>', 'where to write them', 'schemas')
    .action(async (options: { out: string }) => {
      const { writeJsonSchemas } = await import('./model/json-schema.js');
      for (const written of await writeJsonSchemas(options.out)) process.stdout.write(`Wrote ${written}\n`);
    });

  return cli;
}

async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed help or the usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(
        `report stopped because of a fault in the tool itself, not in your data. Please report it with the details below.\n\n${(error as Error)?.stack ?? String(error)}\n`,
      );
      process.exitCode = 70;
    }
  }
}

await main(process.argv);
