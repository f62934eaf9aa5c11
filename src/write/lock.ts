/**
 * One build at a time swaps a report into <out>/<year>. The lock is a file beside the folder
 * holding the holder's process id and machine; a second build waits for it, and a lock whose
 * process has gone (killed, the machine restarted) is stale and taken over.
 */
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath } from '../util/display-path.js';
import { removeOnInterrupt } from './interrupt.js';

export interface Holder {
  pid: number;
  host: string;
}

/** Whether a process with this id is running on this machine. */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the entries of `dir` that a process left behind: those whose name matches `pattern`,
 * with the process id as its first group, when that process has gone (killed outright).
 */
export async function removeLeftBy(dir: string, pattern: RegExp): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = pattern.exec(entry)?.[1];
    if (pid && !isRunning(Number(pid))) await rm(join(dir, entry), { recursive: true, force: true }).catch(() => undefined);
  }
}

export function lockPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.report-lock`);
}

async function holderOf(path: string): Promise<Holder | undefined> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { pid: holder.pid, host: holder.host } : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Holds the lock on `target` while `work` runs. Waits (up to `waitMs`) for another build that
 * holds it; takes over a stale lock; refuses plainly if the holder does not let go in time.
 */
export async function withLock<T>(target: string, work: () => Promise<T>, options: { waitMs?: number; onWait?: (holder: Holder) => void } = {}): Promise<T> {
  const path = lockPath(target);
  const me: Holder = { pid: process.pid, host: hostname() };
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  let told = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await holderOf(path);
    // A lock with no readable holder is being written this instant, or was left half-written
    // by a build killed at that instant: after a few seconds it is stale.
    const halfWritten = !holder && Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? 0) > 5_000;
    if (halfWritten || (holder?.host === me.host && !isRunning(holder.pid))) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new UsageError(
        `Another report build${holder ? ` (process ${holder.pid} on ${holder.host})` : ''} is writing ${displayPath(target)} and has not finished.\n` +
          `Wait for it to finish and run the build again. If no build is running, delete ${displayPath(path)}.`,
      );
    }
    if (holder && !told) {
      options.onWait?.(holder);
      told = true;
    }
    await sleep(100);
  }
  const forget = removeOnInterrupt(path);
  try {
    return await work();
  } finally {
    forget();
    await rm(path, { force: true });
  }
}
