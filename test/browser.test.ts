import { chmodSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { RendererError } from '../src/errors.js';
import { findBrowser } from '../src/write/browser/find-browser.js';
import { browserFlags, closeBrowser, launchBrowser } from '../src/write/browser/launch-browser.js';
import { tempDir, tool } from './helpers.js';

function executable(name: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('finding a browser to print with', () => {
  const explicit = executable('explicit-chrome');
  const fromEnv = executable('env-chrome');
  const own = executable('puppeteer-chrome');
  const system = executable('system-chromium');
  const puppeteerPath = async () => own;

  it('prefers the path given with --browser', async () => {
    await expect(findBrowser({ explicit, env: { PUPPETEER_EXECUTABLE_PATH: fromEnv }, puppeteerPath, systemPaths: [system] }))
      .resolves.toEqual({ path: explicit, source: 'option' });
  });

  it('then PUPPETEER_EXECUTABLE_PATH', async () => {
    await expect(findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: fromEnv }, puppeteerPath, systemPaths: [system] }))
      .resolves.toEqual({ path: fromEnv, source: 'environment' });
  });

  it('then the browser puppeteer downloaded, if it is there', async () => {
    await expect(findBrowser({ env: {}, puppeteerPath, systemPaths: [system] })).resolves.toEqual({ path: own, source: 'puppeteer' });
    await expect(findBrowser({ env: {}, puppeteerPath: async () => join(tempDir(), 'never-downloaded'), systemPaths: [system] }))
      .resolves.toEqual({ path: system, source: 'system' });
  });

  it('says how to install one when there is none', async () => {
    const search = findBrowser({ env: {}, puppeteerPath: async () => undefined, systemPaths: [join(tempDir(), 'none')] });
    await expect(search).rejects.toBeInstanceOf(RendererError);
    await expect(search).rejects.toThrow(/No Chrome or Chromium browser was found[\s\S]*apt-get install -y chromium[\s\S]*--format html/);
  });

  it('says which setting names a browser that does not exist', async () => {
    await expect(findBrowser({ explicit: '/nowhere/chrome', env: {} })).rejects.toThrow(/--browser does not exist: \/nowhere\/chrome/);
    await expect(findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/nowhere/chrome' } })).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH names a browser that does not exist/);
  });

  it('finds a real browser on this machine, one that says it is Chrome or Chromium', async () => {
    const found = await findBrowser({ env: {} });
    expect(['puppeteer', 'system']).toContain(found.source);
    expect(tool(found.path, ['--version'])).toMatch(/^(Google Chrome|Chromium|Chrome for Testing) \d+\./m);
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
