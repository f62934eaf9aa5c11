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
  open?: boolean;
}

export function registerPreview(cli: Command): void {
  cli
    .command('preview')
    .description('Show the report in your browser while you write: it rebuilds and reloads whenever you save')
    .option(...DATA_OPTION)
    .option(...YEAR_OPTION)
    .option('--port <port>', 'the port to serve on, from 1 to 65535 (default: 4173, or the next free one if it is busy)')
    .option('--open', 'open the page in your default browser (or in the program named by REPORT_OPEN_COMMAND)')
    .option(...STANDARD_OPTION)
    .option(...TEMPLATES_OPTION)
    .addHelpText('after', `
Examples:
  report preview
  report preview --open
  report preview --year 2023-24 --port 8080
Open the address it prints (or use --open); press Ctrl-C to stop.`)
    .action(async (options: PreviewCommandOptions) => {
      const { DEFAULT_PORT, parsePort, startPreview } = await import('../preview/preview-server.js');
      // Checked before anything starts: a wrong --port, --data, --year, --standard or --templates stops with exit 2.
      const port = parsePort(options.port);
      const { formatProblems } = await import('../problems.js');
      const { faultReport } = await import('./fault.js');
      const { toDoCounts } = await import('../validate/to-do.js');
      const time = () => new Date().toLocaleTimeString('en-GB');
      let first = true;
      const preview = await startPreview({
        data: options.data,
        ...(options.year ? { year: options.year } : {}),
        ...(options.standard ? { standard: options.standard } : {}),
        ...(options.templates ? { templatesDir: options.templates } : {}),
        ...(port !== undefined ? { port } : {}),
        onRebuild: ({ problems, fault, toDos, keptEarlier }) => {
          const kept = keptEarlier ? ' The page keeps the last report that built, with these listed over it.' : '';
          if (fault) printError(`${time()}  ${faultReport(fault, 'The report could not be rebuilt')}The preview goes on, and tries again when you next save.${kept}\n`);
          else if (problems.length) printError(`${time()}  ${plural(problems.length, 'problem')} (shown in the page too):\n${formatProblems(problems)}\n${kept ? `${kept.trim()}\n` : ''}`);
          else if (!first) print(`${time()}  Rebuilt.${toDos.length ? ` ${toDoCounts(toDos).join(', ')} (highlighted in the page).` : ''}\n`);
          first = false;
        },
      });
      const busy = preview.defaultPortBusy !== undefined ? `Port ${DEFAULT_PORT} is in use on this computer, so the preview uses port ${preview.port}.\n` : '';
      print(`${busy}Previewing the report at ${preview.url}\nIt rebuilds whenever you save a file in ${options.data}${options.templates ? ` or ${options.templates}` : ''}. Press Ctrl-C to stop.\n`);
      if (options.open) {
        const { openBrowser } = await import('../preview/open-browser.js');
        const failed = await openBrowser(preview.url);
        if (failed) printError(`Could not open a browser (${failed}): open ${preview.url} yourself.\n`);
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await preview.close();
      print('Preview stopped.\n');
    });
}
