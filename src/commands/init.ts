/** `report init`: start a partnership's data folder, asking for what the options do not give. */
import type { Command } from 'commander';
import { print } from './output.js';

export function registerInit(cli: Command): void {
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
      const { initPartnership } = await import('../scaffold/init.js');
      const { ask } = await import('../scaffold/ask.js');
      const { INIT_RULES: rule } = await import('../scaffold/init.js');
      const answers = await ask(
        [
          ['name', 'The partnership\'s name', options.name, false, rule.name],
          ['area', 'The local authority area', options.area, false, rule.area],
          ['year', 'The first reporting year (like 2023-24)', options.year, false, rule.year],
          ['localAuthority', 'The local authority (press Enter to skip)', options.localAuthority, true, rule.partner],
          ['icb', 'The integrated care board (press Enter to skip)', options.icb, true, rule.partner],
          ['police', 'The police force (press Enter to skip)', options.police, true, rule.partner],
          ['region', 'The region, e.g. West Midlands (press Enter to skip)', options.region, true, rule.region],
          ['website', 'The partnership\'s website, like https://www.example.org.uk (press Enter to skip)', options.website, true, rule.website],
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
        ...(answers.region ? { region: answers.region } : {}),
        ...(answers.website ? { website: answers.website } : {}),
      });
      for (const file of written) print(`Wrote ${file}\n`);
      print(`\nNext: fill in the TO DO fields, and run report validate --data ${dir} to see what is left.\n`);
    });
}
