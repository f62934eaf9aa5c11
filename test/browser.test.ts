import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { RendererError } from '../src/errors.js';
import { findBrowser, systemBrowserPaths } from '../src/write/browser/find-browser.js';
import { browserFlags, closeBrowser, launchBrowser } from '../src/write/browser/launch-browser.js';
import { ROOT, runCli, tempDir, tool } from './helpers.js';

function executable(name: string, folder = tempDir()): string {
  const path = join(folder, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

/** A folder laid out as `report browser install` leaves it, holding Chrome for Testing builds. */
function installedFolder(...builds: string[]): { dir: string; paths: string[] } {
  const dir = tempDir('report-browsers-');
  return { dir, paths: builds.map((build) => executable(join('chrome', `linux-${build}`, 'chrome-linux64', 'chrome'), dir)) };
}

describe('finding a browser to print with', () => {
  const explicit = executable('explicit-chrome');
  const fromPuppeteerEnv = executable('puppeteer-env-chrome');
  const fromChromePath = executable('chrome-path-chrome');
  const installed = installedFolder('148.0.7778.97');
  const installedDir = installed.dir;
  const system = executable('system-chromium');
  const nothingInstalled = join(tempDir(), 'no-browsers');
  const env = { PUPPETEER_EXECUTABLE_PATH: fromPuppeteerEnv, CHROME_PATH: fromChromePath };

  it('prefers the path given with --browser', async () => {
    await expect(findBrowser({ explicit, env, installedDir, systemPaths: [system] }))
      .resolves.toEqual({ path: explicit, source: 'option', reason: 'given with --browser' });
  });

  it('then PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH', async () => {
    await expect(findBrowser({ env, installedDir, systemPaths: [system] }))
      .resolves.toMatchObject({ path: fromPuppeteerEnv, source: 'environment', reason: expect.stringContaining('PUPPETEER_EXECUTABLE_PATH') });
    await expect(findBrowser({ env: { CHROME_PATH: fromChromePath }, installedDir, systemPaths: [system] }))
      .resolves.toMatchObject({ path: fromChromePath, source: 'environment', reason: expect.stringContaining('CHROME_PATH') });
  });

  it('then the browser fetched with report browser install, the newest build if there are several', async () => {
    await expect(findBrowser({ env: {}, installedDir, systemPaths: [system] }))
      .resolves.toEqual({ path: installed.paths[0], source: 'installed', reason: 'fetched with report browser install' });
    const several = installedFolder('99.0.4844.51', '148.0.7778.97', '131.0.6778.204');
    await expect(findBrowser({ env: {}, installedDir: several.dir, systemPaths: [system] })).resolves.toMatchObject({ path: several.paths[1] });
  });

  it('skips an install that was left half unpacked', async () => {
    const dir = tempDir('report-browsers-');
    mkdirSync(join(dir, 'chrome', 'linux-148.0.7778.97', 'chrome-linux64'), { recursive: true });
    await expect(findBrowser({ env: {}, installedDir: dir, systemPaths: [system] })).resolves.toMatchObject({ path: system, source: 'system' });
  });

  it('never runs a browser from a folder others can write into', async () => {
    const shared = installedFolder('148.0.7778.97');
    chmodSync(shared.dir, 0o777);
    await expect(findBrowser({ env: {}, installedDir: shared.dir, systemPaths: [system] })).resolves.toMatchObject({ path: system, source: 'system' });
  });

  it('then the usual system places', async () => {
    await expect(findBrowser({ env: {}, installedDir: nothingInstalled, systemPaths: [join(tempDir(), 'none'), system] }))
      .resolves.toEqual({ path: system, source: 'system', reason: 'installed on this computer' });
  });

  it('on Windows, Chrome machine-wide, then per-user, then Edge, from PROGRAMFILES, PROGRAMFILES(X86) and LOCALAPPDATA', async () => {
    const root = tempDir('report-windows-');
    const programFiles = join(root, 'Program Files');
    const programFilesX86 = join(root, 'Program Files (x86)');
    const localAppData = join(root, 'Users', 'sam', 'AppData', 'Local');
    // Names as Windows spells them: they are matched whatever their case.
    const windowsEnv = { ProgramFiles: programFiles, 'ProgramFiles(x86)': programFilesX86, LOCALAPPDATA: localAppData };
    const find = () => findBrowser({ env: windowsEnv, platform: 'win32', installedDir: nothingInstalled });
    const edgeX86 = executable(join('Microsoft', 'Edge', 'Application', 'msedge.exe'), programFilesX86);
    await expect(find()).resolves.toEqual({ path: edgeX86, source: 'system', reason: 'installed on this computer' });
    const userChrome = executable(join('Google', 'Chrome', 'Application', 'chrome.exe'), localAppData);
    await expect(find()).resolves.toMatchObject({ path: userChrome });
    const chrome = executable(join('Google', 'Chrome', 'Application', 'chrome.exe'), programFiles);
    await expect(find()).resolves.toMatchObject({ path: chrome });
    expect(systemBrowserPaths('win32', windowsEnv, '/home/sam')).toEqual([
      chrome,
      join(programFilesX86, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      userChrome,
      join(programFiles, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      edgeX86,
      join(localAppData, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  });

  it('on Windows with no environment, the default Program Files folders', () => {
    expect(systemBrowserPaths('win32', {}, '')).toEqual(expect.arrayContaining([
      join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join('C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]));
  });

  it('on macOS, Chrome, Chromium and Edge in /Applications and then in ~/Applications', async () => {
    const home = tempDir('report-home-');
    const paths = systemBrowserPaths('darwin', {}, home);
    expect(paths.slice(0, 3)).toEqual([
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]);
    const edge = executable(join('Applications', 'Microsoft Edge.app', 'Contents', 'MacOS', 'Microsoft Edge'), home);
    expect(paths).toContain(edge);
    await expect(findBrowser({ env: {}, platform: 'darwin', home, installedDir: nothingInstalled, systemPaths: paths.slice(3) }))
      .resolves.toMatchObject({ path: edge, source: 'system' });
  });

  it('on Linux, Chromium, Chrome, Edge and the snap', () => {
    expect(systemBrowserPaths('linux')).toEqual(expect.arrayContaining([
      '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
      '/usr/bin/microsoft-edge', '/snap/bin/chromium',
    ]));
  });

  it('says how to install one when there is none', async () => {
    const search = findBrowser({ env: {}, installedDir: nothingInstalled, systemPaths: [join(tempDir(), 'none')] });
    await expect(search).rejects.toBeInstanceOf(RendererError);
    await expect(search).rejects.toThrow(/No Chrome, Chromium or Edge browser was found[\s\S]*apt-get install -y chromium[\s\S]*report browser install[\s\S]*CHROME_PATH[\s\S]*--format html/);
  });

  it('says which setting names a browser that does not exist', async () => {
    await expect(findBrowser({ explicit: '/nowhere/chrome', env: {} })).rejects.toThrow(/--browser does not exist: \/nowhere\/chrome/);
    await expect(findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/nowhere/chrome' } })).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH names a browser that does not exist/);
    await expect(findBrowser({ env: { CHROME_PATH: '/nowhere/chrome' } })).rejects.toThrow(/CHROME_PATH names a browser that does not exist/);
  });

  it('finds a real browser on this machine, one that says it is Chrome or Chromium', async () => {
    const found = await findBrowser({ env: {} });
    expect(['installed', 'system']).toContain(found.source);
    expect(tool(found.path, ['--version'])).toMatch(/^(Google Chrome|Chromium|Chrome for Testing) \d+\./m);
  });
});

describe('report browser install', () => {
  it('fails with a plain message and exit 3 when the download host cannot be reached', () => {
    const cache = tempDir('report-cache-');
    const started = Date.now();
    const run = runCli(['browser', 'install'], ROOT, { REPORT_CACHE_DIR: cache, REPORT_BROWSER_DOWNLOAD_URL: 'http://127.0.0.1:9/chrome-for-testing' });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^Chrome [\d.]+ could not be downloaded from 127\.0\.0\.1:9: /);
    expect(run.stderr).toMatch(/install Chrome, Chromium or Edge/);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:|node_modules/);
    expect(Date.now() - started).toBeLessThan(40_000);
    // Nothing half-downloaded is left for the search to find.
    expect(existsSync(join(cache, 'browsers', 'chrome', 'linux-148.0.7778.97'))).toBe(false);
  });
});

describe('launch flags', () => {
  const root = process.getuid?.() === 0;
  // Docker and Podman leave these marks; systemd-nspawn and others set $container.
  const container = existsSync('/.dockerenv') || existsSync('/run/.containerenv') || Boolean(process.env.container);

  it('turn off what a locked-down machine lacks or forbids: the GPU, background traffic, first-run and sync', () => {
    expect(browserFlags()).toEqual(expect.arrayContaining(['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']));
  });

  it.runIf(root || container)('add --no-sandbox as root or in a container, where Chromium will not start without it', () => {
    expect(browserFlags()).toContain('--no-sandbox');
  });

  it.runIf(!root && !container)('leave the sandbox on for an ordinary user on an ordinary machine', () => {
    expect(browserFlags()).not.toContain('--no-sandbox');
  });

  it('start the browser on this machine, which then runs a page, and leave no profile behind when it closes', async () => {
    const profiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`report-chromium-${process.pid}-`));
    const { browser } = await launchBrowser();
    try {
      expect(profiles()).toHaveLength(1);
      const page = await browser.newPage();
      await page.setContent('<p id="p">printed</p>');
      expect(await page.$eval('#p', (element) => element.textContent)).toBe('printed');
    } finally {
      await closeBrowser(browser);
    }
    expect(profiles()).toEqual([]);
  }, 60_000);

  it.runIf(root)('are needed as root: without --no-sandbox, Chromium refuses to start', async () => {
    const { path } = await findBrowser();
    const withoutSandboxFlag = browserFlags().filter((flag) => flag !== '--no-sandbox');
    const profile = tempDir('report-no-sandbox-');
    try {
      // Not over a pipe: then the refusal Chromium prints is in the error.
      const started = puppeteer.launch({ executablePath: path, args: withoutSandboxFlag, userDataDir: profile, timeout: 30_000 });
      await expect(started.then((browser) => browser.close())).rejects.toThrow(/Running as root without --no-sandbox is not supported/);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 60_000);
});
