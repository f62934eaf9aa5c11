/** `report validate`: check the data and the statutory requirements, and print every finding at once. */
import { appendFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { EXIT } from '../errors.js';
import type { OutputFormat, ValidationOutput } from '../validate/output-formats.js';
import { DATA_OPTION, STANDARD_OPTION, YEAR_OPTION } from './options.js';
import { print, printError, printStyled } from './output.js';

interface ValidateOptions {
  data: string;
  year?: string;
  standard?: string;
  strict?: boolean;
  draft?: boolean;
  format: OutputFormat;
  all?: boolean;
}

export function registerValidate(cli: Command): void {
  cli
    .command('validate')
    .description('Check the data against the model and the statutory requirements, and list every problem at once')
    .option(...DATA_OPTION)
    .option(...YEAR_OPTION)
    .option(...STANDARD_OPTION)
    .option('--strict', 'fail on any requirement not fully met, not only statutory "must"s')
    .option('--draft', 'while writing: fail only on problems in the data, and list what is left to do')
    .addOption(new Option('--format <format>', 'how to print the result').choices(['text', 'json', 'github', 'junit']).default('text'))
    .option('--all', 'check every year in the data folder, or every year of every partnership in a folder of partnerships (with --year, only that year of each), in one run')
    .addHelpText('after', `
Exit status 1 when the report is not ready to publish, whatever its status says: problems in the
data, fields still marked TO DO, a "must" not fully met (any requirement with --strict),
placeholder text, or status: draft. The first line says which. With --draft, exit status 1 only
for problems in the data; what is left is listed all the same. With --all, each report is
printed under a line naming it, then a summary: how many are ready to publish, and why each
of the others is not; exit status 1 when any report fails.

The text is in colour on a terminal, unless NO_COLOR is set; FORCE_COLOR forces colour.

Examples:
  report validate
  report validate --year 2022-23 --standard wt2023
  report validate --data examples/sandwell --strict
  report validate --draft              (while writing, and on pull requests)
  report validate --format github      (annotations in a GitHub Actions log; with
                                        GITHUB_STEP_SUMMARY set, a summary on the job page)
  report validate --format junit > compliance.xml
  report validate --all --data partnerships
  report validate --all --data partnerships --year 2023-24 --format json > national.json`)
    .action(async (options: ValidateOptions) => {
      if (options.all) return validateAll(options);
      const { check, checkFails, readiness } = await import('../check.js');
      const { colourText, formatOutput, formatStepSummary } = await import('../validate/output-formats.js');
      const checked = await check(options);
      const failed = checkFails(checked, options.strict, options.draft);
      const { year, problems, warnings, toDos, notStated, compliance } = checked;
      const ready = readiness(checked, options.strict);
      const output: ValidationOutput = { year, dataDir: options.data, problems, warnings, toDos, notStated, ...(compliance ? { compliance } : {}), readiness: ready, failed };
      const text = `${formatOutput(output, options.format)}\n`;
      if (options.format === 'text') printStyled(failed ? process.stderr : process.stdout, text, colourText);
      else print(text);
      const summary = process.env['GITHUB_STEP_SUMMARY'];
      if (options.format === 'github' && summary) appendSummary(summary, formatStepSummary(output));
      if (failed) process.exitCode = EXIT.dataProblems;
    });
}

/**
 * --all: every report in one document of the format asked for. The text is printed as each
 * report is checked, on standard error for those that fail as for one report, then the summary.
 */
async function validateAll(options: ValidateOptions): Promise<void> {
  const { validateAll: checkAll } = await import('../validate-all.js');
  const { batchHeading, colourHeading, colourText, formatBatchOutput, formatBatchStepSummary, formatBatchSummary, formatText } = await import('../validate/output-formats.js');
  const { all: _all, format, ...rest } = options;
  const text = format === 'text';
  const batch = await checkAll({
    ...rest,
    ...(text
      ? {
          onReport: (report) => {
            const stream = report.output.failed ? process.stderr : process.stdout;
            printStyled(stream, `${batchHeading(report)}\n`, colourHeading);
            printStyled(stream, `${formatText(report.output)}\n\n`, colourText);
          },
        }
      : {}),
  });
  if (text) printStyled(batch.failed ? process.stderr : process.stdout, `${formatBatchSummary(batch)}\n`, colourText);
  else print(`${formatBatchOutput(batch, format)}\n`);
  const summary = process.env['GITHUB_STEP_SUMMARY'];
  if (format === 'github' && summary) appendSummary(summary, formatBatchStepSummary(batch));
  if (batch.failed) process.exitCode = EXIT.dataProblems;
}

/** On GitHub Actions, the summary on the job page: the file is the runner's, appended to. */
function appendSummary(file: string, markdown: string): void {
  try {
    appendFileSync(file, markdown);
  } catch (error) {
    printError(`Warning: could not write the summary to GITHUB_STEP_SUMMARY (${file}): ${(error as Error).message}\n`);
  }
}
