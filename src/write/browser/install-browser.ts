/**
 * `report browser install`: downloads Chrome for Testing on purpose, into a `browsers` folder
 * of report's cache folder, where the browser search finds it. Only ever run when asked:
 * installing report itself never downloads a browser. The build is the one puppeteer-core was
 * made for, so no version lookup is needed; the download comes from Google's Chrome for
 * Testing host, or from REPORT_BROWSER_DOWNLOAD_URL (a mirror, or a test's unreachable host).
 * A proxy named by HTTPS_PROXY is used.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { RendererError } from '../../errors.js';
import { installedBrowser, installedBrowsersDir, isPrivateFolder } from './find-browser.js';

export interface InstallBrowserOptions {
  /** Where to put it (default: installedBrowsersDir()). */
  dir?: string;
  /** The download host (default: REPORT_BROWSER_DOWNLOAD_URL, else Google's). */
  baseUrl?: string;
  /** Told how far the download has got. */
  progress?: (downloadedBytes: number, totalBytes: number) => void;
}

export interface InstalledChrome {
  path: string;
  buildId: string;
  /** False when that build was there already. */
  downloaded: boolean;
}

/** How long to wait for the download host to answer at all, before giving up. */
const REACH_TIMEOUT_MS = 30_000;

export async function installBrowser(options: InstallBrowserOptions = {}): Promise<InstalledChrome> {
  const dir = options.dir ?? installedBrowsersDir();
  const baseUrl = options.baseUrl ?? (process.env.REPORT_BROWSER_DOWNLOAD_URL || undefined);
  const browsers = await import('@puppeteer/browsers');
  const { PUPPETEER_REVISIONS } = await import('puppeteer-core/internal/revisions.js');
  const buildId = PUPPETEER_REVISIONS.chrome;
  const platform = browsers.detectBrowserPlatform();
  if (!platform) throw new RendererError(`Chrome for Testing is not made for this system (${process.platform}, ${process.arch}); install Chrome, Chromium or Edge from your system's usual source instead.`);
  const already = installedBrowser(dir);
  const target = { browser: browsers.Browser.CHROME, buildId, platform, cacheDir: dir, ...(baseUrl ? { baseUrl } : {}) };
  const host = browsers.getDownloadUrl(target.browser, platform, buildId, baseUrl).host;
  const cannot = (why: string) =>
    new RendererError(
      `Chrome ${buildId} could not be downloaded from ${host}: ${why}.\n` +
        'This computer may not reach that address (a firewall or proxy). Ask IT to allow it, set HTTPS_PROXY to your proxy, ' +
        'or install Chrome, Chromium or Edge in the usual way: report finds it.',
    );
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new RendererError(`The folder for browsers could not be made: ${dir}: ${(error as Error).message}`);
  }
  if (!isPrivateFolder(dir)) {
    throw new RendererError(`report will not run a browser from ${dir}: it must be a folder of yours that no one else can write into (chmod 700 it, or set REPORT_CACHE_DIR to another folder).`);
  }
  let timer: NodeJS.Timeout | undefined;
  const reachable = await Promise.race([
    browsers.canDownload(target).catch(() => false),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), REACH_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (reachable === 'timeout') throw cannot(`no answer within ${REACH_TIMEOUT_MS / 1000} seconds`);
  if (!reachable) throw cannot('the host could not be reached, or does not have this build');
  try {
    const installed = await browsers.install({ ...target, ...(options.progress ? { downloadProgressCallback: options.progress } : {}) });
    return { path: installed.executablePath, buildId, downloaded: already !== installed.executablePath };
  } catch (error) {
    // A half-unpacked folder would stop the next attempt ("exists but the executable is missing").
    const folder = new browsers.Cache(dir).installationDir(target.browser, platform, buildId);
    if (!installedBrowser(dir)) rmSync(folder, { recursive: true, force: true });
    throw cannot((error as Error).message.split('\n')[0] ?? 'unknown error');
  }
}
