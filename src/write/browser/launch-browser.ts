/**
 * Starts headless Chromium with the flags that work on locked-down machines: no GPU, no
 * background network traffic, no first-run or sync. Chromium refuses to run as root, or in
 * some containers, without --no-sandbox; that flag is added only there, never by default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { RendererError } from '../../errors.js';
import { findBrowser, INSTALL_HINT, type FoundBrowser } from './find-browser.js';
import { isStopping, onInterrupt, removeOnInterrupt } from '../interrupt.js';
import { removeLeftBy } from '../lock.js';

export const BASE_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function runningInContainer(): boolean {
  if (existsSync('/.dockerenv') || existsSync('/run/.containerenv') || process.env.container) return true;
  try {
    return /docker|kubepods|containerd|lxc/.test(readFileSync('/proc/1/cgroup', 'utf8'));
  } catch {
    return false;
  }
}

export function needsNoSandbox(): boolean {
  return process.getuid?.() === 0 || runningInContainer();
}

export function browserFlags(): string[] {
  return needsNoSandbox() ? [...BASE_FLAGS, '--no-sandbox'] : [...BASE_FLAGS];
}

/** report-chromium-4242-Ab12Cd: the browser profile of process 4242. */
const PROFILE = /^report-chromium-(\d+)-/;

/** Each browser's own profile folder, removed when it closes. */
const profiles = new WeakMap<Browser, { path: string; forget: () => void }>();

export async function launchBrowser(explicit?: string): Promise<{ browser: Browser; found: FoundBrowser }> {
  const found = await findBrowser(explicit === undefined ? {} : { explicit });
  const puppeteer = (await import('puppeteer-core')).default;
  // Profiles of runs that were killed outright.
  await removeLeftBy(tmpdir(), PROFILE);
  if (isStopping()) throw new RendererError('The build was stopped before the browser started.');
  // Our own profile folder, named by our process, rather than puppeteer's: if this process is
  // killed outright, the next run can tell it was abandoned and remove it.
  const profile = await mkdtemp(join(tmpdir(), `report-chromium-${process.pid}-`));
  // If a stopping signal arrives, the profile is removed once the browser has exited (until then
  // it can still write there), so a signal while it starts waits for it to finish starting.
  const forgetProfile = removeOnInterrupt(profile);
  let launching: Promise<Browser> | undefined;
  const forgetStarting = onInterrupt(async () => {
    const started = await launching?.catch(() => undefined);
    if (started) await killBrowser(started);
  });
  try {
    launching = puppeteer.launch({
      executablePath: found.path,
      headless: true,
      args: browserFlags(),
      userDataDir: profile,
      // Its own temporary files (org.chromium.Chromium.*) go inside the profile, and with it.
      env: { ...process.env, TMPDIR: profile },
      // Driven over a pipe, the browser exits by itself when this process dies, even by SIGKILL.
      pipe: true,
      timeout: 60_000,
      // Signals are handled by write/interrupt.ts, which also removes the staging folder.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const browser = await launching;
    profiles.set(browser, { path: profile, forget: forgetProfile });
    const forget = onInterrupt(() => killBrowser(browser));
    forgetStarting();
    browser.once('disconnected', forget);
    return { browser, found };
  } catch (error) {
    forgetStarting();
    forgetProfile();
    await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    throw new RendererError(
      `The browser at ${found.path} could not be started: ${(error as Error).message.split('\n')[0]}\n\n${INSTALL_HINT}`,
    );
  }
}

/**
 * Kills the browser and every process it started, and waits until the browser has exited.
 * Puppeteer starts it in a process group of its own (on Linux and macOS): killing the group
 * also stops its helpers (crash handler, zygote, renderers), which could otherwise still be
 * writing into its profile folder when that is removed.
 */
async function killBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    if (process.platform === 'win32' || child.pid === undefined) throw new Error('no process groups');
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  await exited;
}

/** Closes the browser, and kills it if it does not close promptly: none is ever left running. */
export async function closeBrowser(browser: Browser): Promise<void> {
  const closed = browser.close().then(() => true, () => false);
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([closed, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5_000)))]);
  clearTimeout(timer);
  if (!inTime) browser.process()?.kill('SIGKILL');
  const profile = profiles.get(browser);
  if (profile) {
    await rm(profile.path, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    profile.forget();
  }
}
