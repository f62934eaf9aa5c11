/**
 * Starts headless Chromium with the flags that work on locked-down machines: no GPU, no
 * background network traffic, no first-run or sync. Chromium refuses to run as root, or in
 * some containers, without --no-sandbox; that flag is added only there, never by default.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer';
import { RendererError } from '../../errors.js';
import { findBrowser, INSTALL_HINT, type FoundBrowser } from './find-browser.js';
import { onInterrupt } from '../interrupt.js';

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

export async function launchBrowser(explicit?: string): Promise<{ browser: Browser; found: FoundBrowser }> {
  const found = await findBrowser(explicit === undefined ? {} : { explicit });
  const puppeteer = (await import('puppeteer')).default;
  // Take over Ctrl-C before the browser starts: an interrupt while it is starting ends the
  // process, and puppeteer kills the browser it spawned as the process exits.
  const forgetStarting = onInterrupt(() => undefined);
  try {
    const browser = await puppeteer.launch({
      executablePath: found.path,
      headless: true,
      args: browserFlags(),
      timeout: 60_000,
      // Signals are handled by write/interrupt.ts, which also removes the staging folder.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    forgetStarting();
    const forget = onInterrupt(() => browser.process()?.kill('SIGKILL'));
    browser.once('disconnected', forget);
    return { browser, found };
  } catch (error) {
    throw new RendererError(
      `The browser at ${found.path} could not be started: ${(error as Error).message.split('\n')[0]}\n\n${INSTALL_HINT}`,
    );
  }
}

/** Closes the browser, and kills it if it does not close promptly: none is ever left running. */
export async function closeBrowser(browser: Browser): Promise<void> {
  const closed = browser.close().then(() => true, () => false);
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([closed, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5_000)))]);
  clearTimeout(timer);
  if (!inTime) browser.process()?.kill('SIGKILL');
}
