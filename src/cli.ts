#!/usr/bin/env node
/**
 * The `report` command: a thin layer over the API in index.ts. Parses options, calls the
 * pipeline, prints, and exits with a documented code. Heavy stages (charts, the browser)
 * are imported only by `build`, so `validate` starts fast.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT, UserError } from './errors.js';
import type { OutputFormat } from './validate/output-formats.js';
import { terminalText } from './control-characters.js';

/**
 * Everything the CLI prints goes through these. What it prints quotes the user's data (values,
 * names, file names, to-do items, warnings), so any control character in it is shown escaped
 * (\u001b) instead of reaching the terminal; JSON stays valid, as \u0085 is JSON's own escape.
 * (The progress display writes its own escape sequences straight to the stream.)
 */
const print = (text: string) => process.stdout.write(terminalText(text));
const printError = (text: string) => process.stderr.write(terminalText(text));

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the data has problems (each is listed with file:line:column)
  2  the command was used wrongly (unknown option, no such folder or year)
  3  the PDF could not be printed (no browser found, it crashed or timed out)`;

/** Options several commands share, worded once. */
const DATA_OPTION = ['--data <dir>', 'the partnership\'s data folder', 'data'] as const;
const YEAR_OPTION = ['--year <year>', 'the reporting year, e.g. 2022-23 (default: the latest year folder)'] as const;
const TEMPLATES_OPTION = ['--templates <dir>', 'a folder of templates that replace the bundled ones of the same name (report.hbs, report.css, partials/*.hbs)'] as const;
const STANDARD_OPTION = ['--standard <name>', 'the requirements to check against: wt2018, wt2023 or a catalogue file (default: the guidance in force for the period)'] as const;

function program(): Command {
  const cli = new Command()
    .name('report')
    .description('Build a safeguarding children partnership\'s annual report from YAML data: a checked, accessible HTML site and a print-ready PDF.')
    .showHelpAfterError('(run report --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .configureOutput({ writeOut: print, writeErr: printError })
    .exitOverride();

  cli
    .command('validate')
    .description('Check the data against the model and the statutory requirements, and list every problem at once')
    .option(...DATA_OPTION)
    .option(...YEAR_OPTION)
    .option(...STANDARD_OPTION)
    .option('--strict', 'fail on any requirement not met, not only statutory "must"s')
    .addOption(new Option('--format <format>', 'how to print the result').choices(['text', 'json', 'github', 'junit']).default('text'))
    .addHelpText('after', `
Exit status 1 when the data has problems or a "must" requirement is not met (any requirement with --strict).

Examples:
  report validate
  report validate --year 2022-23 --standard wt2023
  report validate --data examples/sandwell --strict
  report validate --format github      (annotations in a GitHub Actions log)
  report validate --format junit > compliance.xml`)
    .action(async (options: { data: string; year?: string; standard?: string; strict?: boolean; format: OutputFormat }) => {
      const { load } = await import('./load/load-report.js');
      const { validate } = await import('./validate/validate-report.js');
      const { checkCompliance } = await import('./validate/compliance/check-compliance.js');
      const { blocksPublication } = await import('./validate/compliance/evaluate.js');
      const { formatOutput } = await import('./validate/output-formats.js');
      const loaded = await load(options);
      const { problems, warnings, report } = validate(loaded);
      const { findToDos } = await import('./validate/to-do.js');
      const compliance = report ? await checkCompliance(report, options.standard === undefined ? {} : { standard: options.standard }) : undefined;
      const toDos = report ? findToDos(report) : [];
      const failed = problems.length > 0 || toDos.length > 0 || (compliance !== undefined && blocksPublication(compliance, options.strict));
      const text = `${formatOutput({ year: loaded.year, dataDir: options.data, problems, warnings, toDos, ...(compliance ? { compliance } : {}), failed }, options.format)}\n`;
      (failed && options.format === 'text' ? printError : print)(text);
      if (failed) process.exitCode = EXIT.dataProblems;
    });

  cli
    .command('build')
    .description('Validate, then write <out>/<year>/index.html with its assets and the PDF')
    .option(...DATA_OPTION)
    .option(...YEAR_OPTION)
    .option('--out <dir>', 'where to write the report', 'dist')
    .addOption(new Option('--format <list>', 'what to write: html, pdf, or both').default('html,pdf'))
    .option('--browser <path>', 'the Chrome or Chromium to print with (default: PUPPETEER_EXECUTABLE_PATH, puppeteer\'s own, then the usual system paths)')
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
    .action(async (options: { data: string; year?: string; out: string; format: string; browser?: string; standard?: string; strict?: boolean; draft?: boolean; templates?: string; baseUrl?: string; quiet?: boolean; json?: boolean; all?: boolean }) => {
      const { handleInterrupts } = await import('./write/interrupt.js');
      handleInterrupts();
      const { build, parseFormats } = await import('./build.js');
      const { progressReporter } = await import('./progress.js');
      const { format, templates, quiet, json, all, ...rest } = options;
      // Wrong --base-url or --templates is said before any data is loaded (exit 2).
      if (rest.baseUrl !== undefined) (await import('./render/base-url.js')).checkBaseUrl(rest.baseUrl);
      if (templates !== undefined) await (await import('./render/html.js')).checkTemplates(templates);
      const started = Date.now();
      if (all) {
        const { buildAll } = await import('./build-all.js');
        const { UserError: ReportError, RendererError: PrintError } = await import('./errors.js');
        const { year: _year, ...everyYear } = rest;
        const outcome = await buildAll({
          ...everyYear,
          ...(templates ? { templatesDir: templates } : {}),
          formats: parseFormats(format),
          onReport: (target, result) => {
            if (result instanceof ReportError) printError(`Could not build ${target.label}:\n${result.message}\n\n`);
            else if (!quiet && !json) print(`Built ${target.label}: ${result.written.join(', ')}\n`);
          },
        });
        if (json) {
          print(`${JSON.stringify({ built: outcome.built.map(({ target, result }) => ({ report: target.label, html: result.html ?? null, pdf: result.pdf ?? null, warnings: result.warnings })), failed: outcome.failed.map(({ target, error }) => ({ report: target.label, message: error.message })), seconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
        } else if (!quiet) {
          print(`${outcome.built.length} report${outcome.built.length === 1 ? '' : 's'} built in ${((Date.now() - started) / 1000).toFixed(1)} s${outcome.failed.length ? `, ${outcome.failed.length} could not be built` : ''}.\n`);
        }
        if (outcome.failed.length) process.exitCode = outcome.failed.every(({ error }) => error instanceof PrintError) ? EXIT.renderer : EXIT.dataProblems;
        return;
      }
      const mode = quiet || json ? 'quiet' : process.stdout.isTTY ? 'terminal' : 'lines';
      const result = await build({ ...rest, ...(templates ? { templatesDir: templates } : {}), formats: parseFormats(format), onProgress: progressReporter(process.stdout, mode) });
      for (const warning of result.warnings) printError(`Warning: ${warning}\n`);
      if (json) {
        print(`${JSON.stringify({ year: result.year, folder: result.folder, html: result.html ?? null, pdf: result.pdf ?? null, warnings: result.warnings, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
        return;
      }
      if (!quiet) for (const written of result.written) print(`Wrote ${written}\n`);
    });

  cli
    .command('preview')
    .description('Show the report in your browser while you write: it rebuilds and reloads whenever you save')
    .option(...DATA_OPTION)
    .option(...YEAR_OPTION)
    .option('--port <port>', 'the port to serve on, from 1 to 65535 (default: a free one)')
    .option(...TEMPLATES_OPTION)
    .addHelpText('after', `
Examples:
  report preview
  report preview --year 2023-24 --port 8080
Open the address it prints; press Ctrl-C to stop.`)
    .action(async (options: { data: string; year?: string; port?: string; templates?: string }) => {
      const { parsePort, startPreview } = await import('./preview/preview-server.js');
      // Checked before anything starts: a wrong --port, --data or --templates stops with exit 2.
      const port = parsePort(options.port);
      const { formatProblems } = await import('./problems.js');
      const time = () => new Date().toLocaleTimeString('en-GB');
      let first = true;
      const preview = await startPreview({
        data: options.data,
        ...(options.year ? { year: options.year } : {}),
        ...(options.templates ? { templatesDir: options.templates } : {}),
        port,
        onRebuild: (problems) => {
          if (problems.length) printError(`${time()}  ${problems.length} problem${problems.length === 1 ? '' : 's'} (shown in the page too):\n${formatProblems(problems)}\n`);
          else if (!first) print(`${time()}  Rebuilt.\n`);
          first = false;
        },
      });
      print(`Previewing the report at ${preview.url}\nIt rebuilds whenever you save a file in ${options.data}. Press Ctrl-C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await preview.close();
      print('Preview stopped.\n');
    });

  cli
    .command('init')
    .argument('[dir]', 'the folder to create the data in', 'data')
    .description('Start a partnership\'s data folder: partnership.yaml and a first year with every section to fill in')
    .option('--name <name>', 'the partnership\'s name, e.g. "Kingsmere Safeguarding Children Partnership"')
    .option('--area <area>', 'the local authority area, e.g. Kingsmere')
    .option('--year <year>', 'the first reporting year, e.g. 2023-24')
    .option('--local-authority <name>', 'the local authority safeguarding partner')
    .option('--icb <name>', 'the integrated care board safeguarding partner')
    .option('--police <name>', 'the police force')
    .option('--region <region>', 'the region, e.g. "West Midlands"')
    .option('--website <url>', 'the partnership\'s website')
    .addHelpText('after', `
Asks for anything not given as an option (when run in a terminal).

Examples:
  report init
  report init my-partnership --name "Kingsmere Safeguarding Children Partnership" --area Kingsmere --year 2023-24
Then: report validate --data my-partnership   (lists what is left to fill in)`)
    .action(async (dir: string, options: { name?: string; area?: string; year?: string; localAuthority?: string; icb?: string; police?: string; region?: string; website?: string }) => {
      const { initPartnership } = await import('./scaffold/init.js');
      const { ask } = await import('./scaffold/ask.js');
      const answers = await ask(
        [
          ['name', 'The partnership\'s name', options.name],
          ['area', 'The local authority area', options.area],
          ['year', 'The first reporting year (like 2023-24)', options.year],
          ['localAuthority', 'The local authority (press Enter to skip)', options.localAuthority, true],
          ['icb', 'The integrated care board (press Enter to skip)', options.icb, true],
          ['police', 'The police force (press Enter to skip)', options.police, true],
        ],
        'report init',
      );
      const written = await initPartnership({
        dir,
        name: answers.name!,
        area: answers.area!,
        year: answers.year!,
        ...(answers.localAuthority ? { localAuthority: answers.localAuthority } : {}),
        ...(answers.icb ? { integratedCareBoard: answers.icb } : {}),
        ...(answers.police ? { police: answers.police } : {}),
        ...(options.region ? { region: options.region } : {}),
        ...(options.website ? { website: options.website } : {}),
      });
      for (const file of written) print(`Wrote ${file}\n`);
      print(`\nNext: fill in the TO DO fields, and run report validate --data ${dir} to see what is left.\n`);
    });

  cli
    .command('new-year')
    .argument('<year>', 'the year to start, e.g. 2023-24')
    .description('Start next year\'s folder from the latest year before it: partners, priorities and indicator definitions carry over, narrative starts afresh')
    .option(...DATA_OPTION)
    .addHelpText('after', `
Examples:
  report new-year 2023-24
  report new-year 2024-25 --data my-partnership`)
    .action(async (year: string, options: { data: string }) => {
      const { startNewYear } = await import('./scaffold/new-year.js');
      const written = await startNewYear({ data: options.data, year });
      for (const file of written) print(`Wrote ${file}\n`);
      print(`\nNext: fill in the TO DO fields, and run report validate --data ${options.data} --year ${year} to see what is left.\n`);
    });

  cli
    .command('doctor')
    .description('Check that this machine can build a report, and say how to fix what it cannot')
    .option('--browser <path>', 'check this Chrome or Chromium instead of the one report would find')
    .addHelpText('after', `
Examples:
  report doctor
  report doctor --browser /usr/bin/google-chrome`)
    .action(async (options: { browser?: string }) => {
      const { doctor } = await import('./doctor.js');
      const findings = await doctor(options.browser ? { browser: options.browser } : {});
      for (const finding of findings) {
        print(`${finding.ok ? 'ok     ' : 'PROBLEM'}  ${finding.what}\n${finding.fix ? `         how to fix: ${finding.fix}\n` : ''}`);
      }
      const problems = findings.filter((finding) => !finding.ok).length;
      print(problems ? `\n${problems} problem${problems === 1 ? '' : 's'} to fix before report can build a PDF.\n` : '\nThis machine can build reports.\n');
      if (problems) process.exitCode = EXIT.dataProblems;
    });

  cli
    .command('schema')
    .description('Write the JSON Schema files editors use to check YAML as you type')
    .option('--out <dir>', 'where to write them', 'schemas')
    .addHelpText('after', `
Examples:
  report schema
  report schema --out .vscode/schemas`)
    .action(async (options: { out: string }) => {
      const { writeJsonSchemas } = await import('./model/json-schema.js');
      for (const written of await writeJsonSchemas(options.out)) print(`Wrote ${written}\n`);
    });

  return cli;
}

async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    // Stopped by a signal: what failed after it is its consequence, and the exit code says so.
    if ((await import('./write/interrupt.js')).isStopping()) return;
    if (error instanceof CommanderError) {
      // Commander has already printed help or the usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else if (error instanceof UserError) {
      printError(`${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      printError(
        `report stopped because of a fault in the tool itself, not in your data. Please report it with the details below.\n\n${(error as Error)?.stack ?? String(error)}\n`,
      );
      process.exitCode = 70;
    }
  }
}

await main(process.argv);
