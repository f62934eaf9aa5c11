/** `report import`: a Word document into the data folder, saying what went where. */
import type { Command } from 'commander';
import { DATA_OPTION } from './options.js';
import { print } from './output.js';

export function registerImport(cli: Command): void {
  cli
    .command('import')
    .argument('<file>', 'the Word document (.docx): last year\'s report, or one agency\'s contribution')
    .description('Start a year from a Word document: its narrative, priorities and tables of figures go into the data files, and what could not be placed into unplaced.md')
    .option(...DATA_OPTION)
    .option('--year <year>', 'the reporting year, e.g. 2022-23 (default: the year the document\'s title names; with --into, the latest year folder)')
    .option('--into <section>', 'add the document to one section of a year that exists (a partner agency\'s contribution), e.g. training, lado, child-deaths, priorities')
    .option('--dry-run', 'say what would go where, and write nothing')
    .addHelpText('after', `
Nothing is invented: only the document's own words and figures are moved, fields it does not
fill stay TO DO, and everything the importer could not place is kept, in document order, in
<year>/unplaced.md, which report validate lists as to-dos. A year that exists is never written
over; --into adds to it and keeps what its files already say.

Examples:
  report import "Annual Report 2022-23.docx"
  report import annual-report.docx --data my-partnership --year 2022-23 --dry-run
  report import "Police contribution.docx" --into training --year 2023-24`)
    .action(async (file: string, options: { data: string; year?: string; into?: string; dryRun?: boolean }) => {
      const { importDocument } = await import('../scaffold/import/import-document.js');
      const { importSummary } = await import('../scaffold/import/summary.js');
      const result = await importDocument({ file, data: options.data, ...(options.year ? { year: options.year } : {}), ...(options.into ? { into: options.into } : {}), ...(options.dryRun ? { dryRun: true } : {}) });
      print(importSummary(result, { file, data: options.data, dryRun: options.dryRun === true }));
    });
}
