/**
 * `report preview --open`: the page opened in the user's default browser, by the system's own
 * opener (xdg-open on Linux and the BSDs, open on macOS, `cmd /c start` on Windows), or by the
 * program named in REPORT_OPEN_COMMAND (given the address as its one argument). The opener is
 * started on its own and left to run; if it cannot be started the preview goes on, and says so.
 */
import { spawn } from 'node:child_process';

export interface Opener {
  command: string;
  args: string[];
  /** Windows' cmd takes its command line as it is, not quoted again. */
  verbatim?: boolean;
}

export function openerFor(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): Opener {
  const own = env.REPORT_OPEN_COMMAND;
  if (own) return { command: own, args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // The empty "" is start's window title; without it a quoted address would be taken as the title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', `"${url}"`], verbatim: true };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Starts the opener and resolves once it has started (undefined) or failed to (why). Its
 * exit is not awaited: xdg-open may wait for the browser to close.
 */
export function openBrowser(url: string): Promise<string | undefined> {
  const opener = openerFor(url);
  return new Promise((resolve) => {
    try {
      const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: opener.verbatim === true });
      child.once('error', (error) => resolve(`${opener.command}: ${error.message}`));
      child.once('spawn', () => {
        child.unref();
        resolve(undefined);
      });
    } catch (error) {
      resolve(`${opener.command}: ${(error as Error).message}`);
    }
  });
}
