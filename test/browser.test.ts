import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RendererError } from '../src/errors.js';
import { findBrowser } from '../src/write/browser/find-browser.js';
import { browserFlags, needsNoSandbox } from '../src/write/browser/launch-browser.js';
import { tempDir } from './helpers.js';

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

  it('finds the real system browser on this machine', async () => {
    const found = await findBrowser({ env: {} });
    expect(['puppeteer', 'system']).toContain(found.source);
  });
});

describe('launch flags', () => {
  it('add --no-sandbox only when running as root or in a container', () => {
    expect(browserFlags()).toEqual(expect.arrayContaining(['--disable-gpu', '--disable-background-networking', '--no-first-run']));
    expect(browserFlags().includes('--no-sandbox')).toBe(needsNoSandbox());
    if (process.getuid?.() === 0) expect(browserFlags()).toContain('--no-sandbox');
  });
});
