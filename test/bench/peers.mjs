// The peers report is compared with: other tools that print the same finished HTML (the
// index.html report wrote) to a PDF. The npm ones are installed by the bench into a folder of
// its own, outside the repository's package.json, only when they are not there already; they
// are pointed at the same Chromium report uses, never at a browser of their own (nothing here
// downloads one). WeasyPrint is Debian's package: when it is missing the bench says how to
// install it and reports it as not measured.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT, runProcess } from './measure.mjs';

/** Where the npm peers are installed: kept between runs, never in package.json. */
export const PEERS_DIR = join(ROOT, 'node_modules', '.cache', 'report-bench-peers');

/**
 * Versions, exact. Both support Node 20:
 * - pagedjs-cli 0.4.3, the latest, declares no engines; its puppeteer 20.9.0 wants node >= 16.3.
 * - @vivliostyle/cli 11.0.0 declares node "^20.19.0 || >=22.12.0"; 11.0.4 and later want
 *   node >= 22.12, so 11.0.0 is the newest version 11 that runs on Node 20.
 */
export const NPM_PEERS = { 'pagedjs-cli': '0.4.3', '@vivliostyle/cli': '11.0.0' };

// Every variable any puppeteer version reads to skip fetching a browser at install.
const NO_DOWNLOAD = {
  PUPPETEER_SKIP_DOWNLOAD: '1',
  PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1',
  PUPPETEER_SKIP_CHROME_DOWNLOAD: '1',
  PUPPETEER_SKIP_CHROME_HEADLESS_SHELL_DOWNLOAD: '1',
};

const installedVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

/** The path of a package's command, from its package.json "bin". */
function binPath(name, command) {
  const folder = join(PEERS_DIR, 'node_modules', name);
  const { bin } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return join(folder, typeof bin === 'string' ? bin : bin[command]);
}

/**
 * Installs the npm peers when they are missing or at another version. Returns undefined when
 * they are ready, else why not.
 */
export function installNpmPeers(log) {
  const missing = Object.entries(NPM_PEERS).filter(([name, version]) => installedVersion(name) !== version);
  if (missing.length === 0) return undefined;
  mkdirSync(PEERS_DIR, { recursive: true });
  const manifest = join(PEERS_DIR, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, `${JSON.stringify({ name: 'report-bench-peers', private: true }, null, 2)}\n`);
  const specs = Object.entries(NPM_PEERS).map(([name, version]) => `${name}@${version}`);
  const args = ['install', '--prefix', PEERS_DIR, '--save-exact', '--no-audit', '--no-fund', ...specs];
  log(`installing the peers: PUPPETEER_SKIP_DOWNLOAD=1 npm ${args.join(' ')}`);
  const result = spawnSync('npm', args, { cwd: PEERS_DIR, env: { ...process.env, ...NO_DOWNLOAD }, stdio: ['ignore', 2, 2] });
  if (result.error) return `npm could not be run: ${result.error.message}`;
  if (result.status !== 0) return `npm install exited ${result.status}`;
  const still = Object.entries(NPM_PEERS).filter(([name, version]) => installedVersion(name) !== version);
  if (still.length) return `npm install left ${still.map(([name]) => name).join(', ')} missing`;
  return undefined;
}

function weasyprintVersion() {
  try {
    const text = execFileSync('weasyprint', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return /(\d+(?:\.\d+)+)/.exec(text)?.[1] ?? text.trim();
  } catch {
    return undefined;
  }
}

/**
 * The peers, each { name, version, unavailable?, commandLine, print(html, pdf) }. `print`
 * runs the peer as a whole process, from the HTML's own folder, writing `pdf`.
 * `unavailable` says why a peer cannot be measured; `failed` tells a failure to measure
 * (which makes the bench exit non-zero) from a peer simply not installed (which does not).
 */
export function peers({ browserPath, noSandbox, log }) {
  const installError = installNpmPeers(log);
  // Shown as the command npm links (node_modules/.bin), which is what is run, by this Node.
  const shortBin = (command) => join(relative(ROOT, PEERS_DIR), 'node_modules', '.bin', command);
  const list = [];

  // pagedjs-cli: puppeteer 20 launches the browser named by PUPPETEER_EXECUTABLE_PATH;
  // --browserArgs adds flags to its own (--disable-dev-shm-usage, --export-tagged-pdf, ...).
  {
    const name = 'pagedjs-cli';
    const sandboxArgs = noSandbox ? ['--browserArgs=--no-sandbox'] : [];
    const peer = { key: 'pagedjs', name, version: NPM_PEERS[name] };
    if (installError) Object.assign(peer, { unavailable: `not installed: ${installError}`, failed: true });
    else {
      const bin = binPath(name, 'pagedjs-cli');
      peer.commandLine = `PUPPETEER_EXECUTABLE_PATH=${browserPath} ${shortBin('pagedjs-cli')} index.html -o out.pdf ${sandboxArgs.join(' ')}`.trim();
      peer.print = (html, pdf) =>
        runProcess(process.execPath, [bin, html, '-o', pdf, ...sandboxArgs], { cwd: dirname(html), env: { PUPPETEER_EXECUTABLE_PATH: browserPath } });
    }
    list.push(peer);
  }

  // vivliostyle build: serves the folder and prints through its own viewer, with the browser
  // given. It adds --no-sandbox by itself unless given --sandbox, which it is where report
  // itself would keep the sandbox.
  {
    const name = '@vivliostyle/cli';
    const sandboxArgs = noSandbox ? [] : ['--sandbox'];
    const peer = { key: 'vivliostyle', name, version: NPM_PEERS[name] };
    if (installError) Object.assign(peer, { unavailable: `not installed: ${installError}`, failed: true });
    else {
      const bin = binPath(name, 'vivliostyle');
      peer.commandLine = `${shortBin('vivliostyle')} build index.html -o out.pdf --executable-browser ${browserPath} ${sandboxArgs.join(' ')}`.trim();
      peer.print = (html, pdf) =>
        runProcess(process.execPath, [bin, 'build', html, '-o', pdf, '--executable-browser', browserPath, ...sandboxArgs], { cwd: dirname(html) });
    }
    list.push(peer);
  }

  // WeasyPrint: its own layout engine, no browser.
  {
    const version = weasyprintVersion();
    const peer = { key: 'weasyprint', name: 'WeasyPrint', version: version ?? '' };
    if (!version) {
      peer.unavailable = 'not installed: the weasyprint command is missing; install it with `apt-get install -y weasyprint` (Debian and Ubuntu)';
    } else {
      peer.commandLine = 'weasyprint index.html out.pdf';
      peer.print = (html, pdf) => runProcess('weasyprint', [html, pdf], { cwd: dirname(html) });
    }
    list.push(peer);
  }
  return list;
}
