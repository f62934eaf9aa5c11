/**
 * Ctrl-C (or a CI runner's SIGTERM) while a report is being built: kill any browser we
 * started and remove the half-built staging folder, then exit. Nothing is left behind.
 */
const cleanups = new Set<() => void>();
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // Keep going: every other cleanup still has to run.
    }
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Runs `cleanup` (synchronously) if the process is interrupted; call the result to stop. */
export function onInterrupt(cleanup: () => void): () => void {
  if (!installed) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    installed = true;
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
