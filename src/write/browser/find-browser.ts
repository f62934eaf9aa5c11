/**
 * Which Chrome, Chromium or Edge prints the PDF. Finding a browser is kept apart from
 * launching one. In order: an explicit path (--browser), the environment
 * (PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH), a browser fetched on purpose with
 * `report browser install`, then the usual places a system browser is installed on Linux,
 * macOS and Windows. report never downloads a browser by itself.
 *
 * Everything the search depends on (environment, platform, home folder, the folder
 * `report browser install` fills) can be passed in, so the order can be tested anywhere.
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from '../../cache.js';
import { RendererError } from '../../errors.js';

export type BrowserSource = 'option' | 'environment' | 'installed' | 'system';

export interface FoundBrowser {
  path: string;
  source: BrowserSource;
  /** Why this one, in words: "given with --browser", "named by CHROME_PATH", ... */
  reason: string;
}

/** How to install a browser, system by system: said in full after a failure, and by report doctor. */
export const INSTALL_STEPS = [
  ['Debian or Ubuntu', 'sudo apt-get install -y chromium'],
  ['macOS or Windows', 'install Google Chrome (google.com/chrome) or Microsoft Edge; report finds either'],
  ['Anywhere', 'npx report browser install (downloads Chrome for Testing for report alone)'],
] as const;

export const INSTALL_HINT = [
  'To print the PDF, report needs Chrome, Chromium or Edge. Install one of them:',
  ...INSTALL_STEPS.map(([system, step]) => `  ${`${system}:`.padEnd(19)}${step}`),
  'or tell report where one is, with --browser /path/to/chrome or the CHROME_PATH environment variable.',
  'To build only the HTML, use --format html.',
].join('\n');

/** The environment variables that name a browser, in the order they are read. */
export const BROWSER_ENV = ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

/** Where `report browser install` puts browsers: a `browsers` folder in report's cache folder. */
export function installedBrowsersDir(): string {
  return join(cacheDir(), 'browsers');
}

/** An environment variable, whatever its case (Windows names are not case-sensitive). */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  if (env[name]) return env[name];
  const lower = name.toLowerCase();
  const key = Object.keys(env).find((candidate) => candidate.toLowerCase() === lower);
  return key ? env[key] || undefined : undefined;
}

/** The usual places a browser is installed, best first, for one platform. */
export function systemBrowserPaths(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string[] {
  if (platform === 'win32') {
    // Chrome before Edge (Edge comes with Windows, so a Chrome there was chosen); within each,
    // the machine-wide installs, then the per-user one.
    const roots = [
      envValue(env, 'PROGRAMFILES') ?? 'C:\\Program Files',
      envValue(env, 'PROGRAMFILES(X86)') ?? 'C:\\Program Files (x86)',
      envValue(env, 'LOCALAPPDATA') ?? (home ? join(home, 'AppData', 'Local') : undefined),
    ].filter((root): root is string => Boolean(root));
    const unique = [...new Set(roots)];
    return [
      ...unique.map((root) => join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...unique.map((root) => join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ];
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    return [...apps.map((app) => join('/Applications', app)), ...apps.map((app) => join(home, 'Applications', app))];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
    '/snap/bin/chromium',
  ];
}

/** Chrome for Testing's folder and program name inside one downloaded build, by platform. */
const INSTALLED_EXECUTABLE: Record<string, string> = {
  linux: join('chrome-linux64', 'chrome'),
  linux_arm: join('chrome-linux64', 'chrome'),
  mac: join('chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
  mac_arm: join('chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
  win32: join('chrome-win32', 'chrome.exe'),
  win64: join('chrome-win64', 'chrome.exe'),
};

/** Compares dotted build numbers (148.0.7778.97) as numbers, part by part. */
function compareBuilds(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference) return difference;
  }
  return 0;
}

/**
 * The newest Chrome that `report browser install` left in `dir`, if any. The folder is laid
 * out by @puppeteer/browsers (chrome/<platform>-<build>/...), read here directly so the
 * search stays light and never touches the network.
 */
export function installedBrowser(dir: string = installedBrowsersDir()): string | undefined {
  // A program is run from here, so, as for the cache (cache.ts), only from a real folder of
  // this user's that no one else can write into.
  if (!isPrivateFolder(dir)) return undefined;
  const root = join(dir, 'chrome');
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return undefined;
  }
  const builds = entries
    .map((entry) => /^([a-z0-9_]+)-(\d+(?:\.\d+)*)$/.exec(entry))
    .flatMap((match) => {
      const executable = match && INSTALLED_EXECUTABLE[match[1]!];
      return match && executable ? [{ build: match[2]!, path: join(root, match[0], executable) }] : [];
    })
    .filter((candidate) => isFile(candidate.path))
    .sort((a, b) => compareBuilds(b.build, a.build));
  return builds[0]?.path;
}

/** A real folder (not a link) of this user's, that no one else can write into. */
export function isPrivateFolder(path: string): boolean {
  try {
    const info = lstatSync(path);
    if (!info.isDirectory()) return false;
    const uid = process.getuid?.();
    return uid === undefined || (info.uid === uid && (info.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface FindOptions {
  /** A path given on the command line. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The user's home folder, for ~/Applications on macOS. */
  home?: string;
  /** Where `report browser install` puts browsers (default: installedBrowsersDir()). */
  installedDir?: string;
  /** Replaces the platform's usual places. */
  systemPaths?: string[];
}

export async function findBrowser(options: FindOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  if (options.explicit !== undefined) {
    if (!existsSync(options.explicit)) {
      throw new RendererError(`The browser given with --browser does not exist: ${options.explicit}\n\n${INSTALL_HINT}`);
    }
    return { path: options.explicit, source: 'option', reason: 'given with --browser' };
  }
  for (const name of BROWSER_ENV) {
    const fromEnv = env[name];
    if (!fromEnv) continue;
    if (!existsSync(fromEnv)) {
      throw new RendererError(`${name} names a browser that does not exist: ${fromEnv}\n\n${INSTALL_HINT}`);
    }
    return { path: fromEnv, source: 'environment', reason: `named by the ${name} environment variable` };
  }
  const installed = installedBrowser(options.installedDir ?? installedBrowsersDir());
  if (installed) return { path: installed, source: 'installed', reason: 'fetched with report browser install' };
  const platform = options.platform ?? process.platform;
  const candidates = options.systemPaths ?? systemBrowserPaths(platform, env, options.home ?? homedir());
  const system = candidates.find(isFile);
  if (system) return { path: system, source: 'system', reason: 'installed on this computer' };
  throw new RendererError(`No Chrome, Chromium or Edge browser was found.\n\n${INSTALL_HINT}`);
}
