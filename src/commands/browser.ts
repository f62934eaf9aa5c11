/** `report browser install`: fetch Chrome for Testing on purpose, for printing the PDF. */
import type { Command } from 'commander';
import { print, printError } from './output.js';

export function registerBrowser(cli: Command): void {
  const browser = cli
    .command('browser')
    .description('Manage the browser report prints the PDF with')
    .addHelpText('after', `
Examples:
  report browser install   (download Chrome for Testing for report's own use)
  report doctor            (which browser report will print with, and why)`);
  browser
    .command('install')
    .description('Download Chrome for Testing into report\'s own folder, for computers with no Chrome, Chromium or Edge')
    .option('--download-url <url>', 'download from this mirror instead of Google\'s host (default: REPORT_BROWSER_DOWNLOAD_URL)')
    .addHelpText('after', `
Only needed when no browser is installed: report finds Chrome, Chromium and Edge by itself
(run report doctor to see which). The download is about 170 MB, from
storage.googleapis.com, and goes into report's cache folder.

Examples:
  report browser install`)
    .action(async (options: { downloadUrl?: string }) => {
      const { installBrowser } = await import('../write/browser/install-browser.js');
      const { findBrowser } = await import('../write/browser/find-browser.js');
      let shown = -1;
      const installed = await installBrowser({
        ...(options.downloadUrl ? { baseUrl: options.downloadUrl } : {}),
        progress: (done, total) => {
          const percent = total ? Math.floor((done / total) * 10) * 10 : 0;
          if (percent !== shown) printError(`Downloading Chrome: ${percent}%\n`);
          shown = percent;
        },
      });
      print(`${installed.downloaded ? 'Installed' : 'Already installed:'} Chrome ${installed.buildId} at ${installed.path}\n`);
      const found = await findBrowser().catch(() => undefined);
      if (found?.path === installed.path) print('report will print with it.\n');
      else if (found) print(`report will still print with ${found.path} (${found.reason}); remove that setting to use this one.\n`);
    });
}
