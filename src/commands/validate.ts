/** `report validate`: check the data and the statutory requirements, and print every finding at once. */
import { Option, type Command } from 'commander';
import { EXIT } from '../errors.js';
import type { OutputFormat } from '../validate/output-formats.js';
import { DATA_OPTION, STANDARD_OPTION, YEAR_OPTION } from './options.js';
import { print, printError } from './output.js';

interface ValidateOptions {
  data: string;
  year?: string;
  standard?: string;
  strict?: boolean;
  format: OutputFormat;
}

export function registerValidate(cli: Command): void {
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
    .action(async (options: ValidateOptions) => {
      const { check, checkFails } = await import('../check.js');
      const { formatOutput } = await import('../validate/output-formats.js');
      const checked = await check(options);
      const failed = checkFails(checked, options.strict);
      const { year, problems, warnings, toDos, notStated, compliance } = checked;
      const text = `${formatOutput({ year, dataDir: options.data, problems, warnings, toDos, notStated, ...(compliance ? { compliance } : {}), failed }, options.format)}\n`;
      (failed && options.format === 'text' ? printError : print)(text);
      if (failed) process.exitCode = EXIT.dataProblems;
    });
}
