#!/usr/bin/env node
/**
 * The `report` command: a thin layer over the API in index.ts. Each command (src/commands/)
 * parses its options, calls the API, prints, and exits with a documented code; this file only
 * puts them together and is the one place an error becomes an exit code. Heavy stages (charts,
 * the browser) are imported only by the commands that need them, so `validate` starts fast.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerBrowser } from './commands/browser.js';
import { registerBuild } from './commands/build.js';
import { registerDoctor } from './commands/doctor.js';
import { faultReport } from './commands/fault.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerNewYear } from './commands/new-year.js';
import { print, printError } from './commands/output.js';
import { registerPreview } from './commands/preview.js';
import { registerSchema } from './commands/schema.js';
import { registerValidate } from './commands/validate.js';
import { EXIT, UserError } from './errors.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the data has problems (each is listed with file:line:column)
  2  the command was used wrongly (unknown option, no such folder or year)
  3  the PDF could not be printed (no browser found, it crashed or timed out)`;

/** This package's version, from its package.json. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function program(): Command {
  const cli = new Command()
    .name('report')
    .description('Build a safeguarding children partnership\'s annual report from YAML data: a checked, accessible HTML site and a print-ready PDF.')
    .showHelpAfterError('(run report --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .configureOutput({ writeOut: print, writeErr: printError })
    .version(packageVersion(), '--version', 'print the version of report')
    // report.config.yaml, the nearest at or above the working folder, fills in what the
    // command line leaves out.
    .hook('preAction', async (_program, command) => {
      // Loaded only when a command runs: --help and --version need no YAML reader.
      const { applyConfig, findConfig, readConfig } = await import('./commands/config-file.js');
      const file = findConfig();
      if (file) applyConfig(command, readConfig(file));
    })
    .exitOverride();
  for (const register of [registerValidate, registerBuild, registerPreview, registerInit, registerImport, registerNewYear, registerDoctor, registerBrowser, registerSchema]) register(cli);
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
      printError(faultReport(error));
      process.exitCode = 70;
    }
  }
}

await main(process.argv);
