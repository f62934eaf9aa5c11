/** `report new-year`: start next year's folder from the latest year before it. */
import type { Command } from 'commander';
import { DATA_OPTION } from './options.js';
import { print } from './output.js';

export function registerNewYear(cli: Command): void {
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
      const { startNewYear } = await import('../scaffold/new-year.js');
      const written = await startNewYear({ data: options.data, year });
      for (const file of written) print(`Wrote ${file}\n`);
      print(`\nNext: fill in the TO DO fields, and run report validate --data ${options.data} --year ${year} to see what is left.\n`);
    });
}
