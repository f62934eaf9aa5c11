/**
 * Which Chrome or Chromium prints the PDF. Finding a browser is kept apart from launching
 * one. In order: an explicit path (--browser), PUPPETEER_EXECUTABLE_PATH, the browser
 * puppeteer downloaded for itself, then the usual places a system browser is installed.
 */
import { existsSync } from 'node:fs';
import { RendererError } from '../../errors.js';

export type BrowserSource = 'option' | 'environment' | 'puppeteer' | 'system';

export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

export const SYSTEM_BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** How to install a browser, system by system: said in full after a failure, and by report doctor. */
export const INSTALL_STEPS = [
  ['Debian or Ubuntu', 'sudo apt-get install -y chromium'],
  ['macOS or Windows', 'install Google Chrome from google.com/chrome'],
] as const;

export const INSTALL_HINT = [
  'To print the PDF, report needs Chrome or Chromium. Install one of them:',
  ...INSTALL_STEPS.map(([system, step]) => `  ${`${system}:`.padEnd(19)}${step}`),
  'or tell report where one is, with --browser /path/to/chrome or the PUPPETEER_EXECUTABLE_PATH environment variable.',
  'To build only the HTML, use --format html.',
].join('\n');

export interface FindOptions {
  /** A path given on the command line. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  /** Where puppeteer's own browser would be; looked up lazily because puppeteer is heavy. */
  puppeteerPath?: () => Promise<string | undefined>;
  systemPaths?: string[];
}

async function puppeteersOwn(): Promise<string | undefined> {
  try {
    const puppeteer = await import('puppeteer');
    return puppeteer.default.executablePath();
  } catch {
    return undefined;
  }
}

export async function findBrowser(options: FindOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  if (options.explicit !== undefined) {
    if (!existsSync(options.explicit)) {
      throw new RendererError(`The browser given with --browser does not exist: ${options.explicit}\n\n${INSTALL_HINT}`);
    }
    return { path: options.explicit, source: 'option' };
  }
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new RendererError(`PUPPETEER_EXECUTABLE_PATH names a browser that does not exist: ${fromEnv}\n\n${INSTALL_HINT}`);
    }
    return { path: fromEnv, source: 'environment' };
  }
  const own = await (options.puppeteerPath ?? puppeteersOwn)();
  if (own && existsSync(own)) return { path: own, source: 'puppeteer' };
  const system = (options.systemPaths ?? SYSTEM_BROWSER_PATHS).find((path) => existsSync(path));
  if (system) return { path: system, source: 'system' };
  throw new RendererError(`No Chrome or Chromium browser was found.\n\n${INSTALL_HINT}`);
}
