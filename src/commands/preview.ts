/** `report preview`: the report in a browser, rebuilt and reloaded whenever a file is saved. */
import type { Command } from 'commander';
import { DATA_OPTION, STANDARD_OPTION, TEMPLATES_OPTION, YEAR_OPTION } from './options.js';
import { plural, print, printError } from './output.js';

interface PreviewCommandOptions {
  data: string;
  year?: string;
  port?: string;
  templates?: string;
  standard?: string;
}

export function registerPreview(cli: Command): void {
  cli
    .command('preview')
    .description('Show the report in your browser while you write: it rebuilds and reloads whenever you save')
    .option(...DATA_OPTION)
    .option(...YEAR_OPTION)
    .option('--port <port>', 'the port to serve on, from 1 to 65535 (default: a free one)')
    .option(...STANDARD_OPTION)
    .option(...TEMPLATES_OPTION)
    .addHelpText('after', `
Examples:
  report preview
  report preview --year 2023-24 --port 8080
Open the address it prints; press Ctrl-C to stop.`)
    .action(async (options: PreviewCommandOptions) => {
      const { parsePort, startPreview } = await import('../preview/preview-server.js');
      // Checked before anything starts: a wrong --port, --data, --year, --standard or --templates stops with exit 2.
      const port = parsePort(options.port);
      const { formatProblems } = await import('../problems.js');
      const { faultReport } = await import('./fault.js');
      const time = () => new Date().toLocaleTimeString('en-GB');
      let first = true;
      const preview = await startPreview({
        data: options.data,
        ...(options.year ? { year: options.year } : {}),
        ...(options.standard ? { standard: options.standard } : {}),
        ...(options.templates ? { templatesDir: options.templates } : {}),
        port,
        onRebuild: ({ problems, fault }) => {
          if (fault) printError(`${time()}  ${faultReport(fault, 'The report could not be rebuilt')}The preview goes on, and tries again when you next save.\n`);
          else if (problems.length) printError(`${time()}  ${plural(problems.length, 'problem')} (shown in the page too):\n${formatProblems(problems)}\n`);
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
}
