/**
 * How a fault in the tool itself (a bug, not a problem in the user's data) is told: plainly
 * said to be ours, with the details a developer needs to fix it.
 */
export function faultReport(error: unknown, what = 'report stopped'): string {
  return `${what} because of a fault in the tool itself, not in your data. Please report it with the details below.\n\n${(error as Error)?.stack ?? String(error)}\n`;
}
