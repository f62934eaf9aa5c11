/**
 * A build stopped from outside (Ctrl-C, a CI runner's SIGTERM, a closed terminal's SIGHUP,
 * Ctrl-\'s SIGQUIT): kill any browser we started and wait for it to exit, then remove the
 * half-built staging folder, the browser's profile and any lock, and exit with 128 + the
 * signal's number. Nothing is left behind.
 *
 * The removals come last and synchronously, just before the exit: until then the build's own
 * code keeps running between the awaits, and could write into a folder removed too early.
 * (SIGKILL cannot be caught: for that, the browser dies with us because it is driven over a
 * pipe, and the next build removes what the killed one left; see write-site.ts and
 * browser/launch-browser.ts.)
 */
import { rmSync } from 'node:fs';

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 };
type Cleanup = () => void | Promise<void>;
const cleanups = new Set<Cleanup>();
const removals = new Set<string>();
let installed = false;
let stopping = false;

/** How long cleanups may take (a killed browser takes a moment to exit) before the exit. */
const CLEANUP_MS = 3_000;

/** Whether a stopping signal has arrived: nothing new (such as a browser) may start now. */
export function isStopping(): boolean {
  return stopping;
}

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  stopping = true;
  const pending: Array<Promise<void>> = [];
  for (const cleanup of [...cleanups].reverse()) {
    try {
      const done = cleanup();
      if (done) pending.push(done.catch(() => undefined));
    } catch {
      // Keep going: every other cleanup still has to run.
    }
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(pending), new Promise((resolve) => (timer = setTimeout(resolve, CLEANUP_MS)))]);
  clearTimeout(timer);
  for (const path of removals) {
    try {
      // A folder a process has only just stopped writing to can take a moment to empty.
      rmSync(path, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // Keep going: every other path still has to go.
    }
  }
  process.exit(EXIT_CODES[signal] ?? 1);
}

/** Takes over the stopping signals, so anything registered later is cleaned up before the exit. */
export function handleInterrupts(): void {
  if (installed) return;
  for (const signal of Object.keys(EXIT_CODES) as NodeJS.Signals[]) process.once(signal, (received) => void onSignal(received));
  installed = true;
}

/** Runs `cleanup` (it may be async) if the process is interrupted; call the result to stop. */
export function onInterrupt(cleanup: Cleanup): () => void {
  handleInterrupts();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Removes `path` (a file or a folder) if the process is interrupted; call the result to stop. */
export function removeOnInterrupt(path: string): () => void {
  handleInterrupts();
  removals.add(path);
  return () => removals.delete(path);
}
