/** `report schema`: write the JSON Schema files editors use to check YAML as you type. */
import type { Command } from 'commander';
import { print } from './output.js';

export function registerSchema(cli: Command): void {
  cli
    .command('schema')
    .description('Write the JSON Schema files editors use to check YAML as you type')
    .option('--out <dir>', 'where to write them', 'schemas')
    .addHelpText('after', `
Examples:
  report schema
  report schema --out .vscode/schemas`)
    .action(async (options: { out: string }) => {
      const { writeJsonSchemas } = await import('../model/json-schema.js');
      for (const written of await writeJsonSchemas(options.out)) print(`Wrote ${written}\n`);
    });
}
