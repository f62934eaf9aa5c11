/**
 * Runs before each test file (vitest.config.ts, setupFiles). The tests give every build a cache
 * folder of its own (freshCache() and runCli in helpers.ts); this is the floor beneath that:
 * anything that does not name one (a chart drawn in this process, a child process started by
 * hand) uses a folder of this file's own, never the user's cache ($XDG_CACHE_HOME/report,
 * ~/.cache/report) nor a REPORT_CACHE_DIR set in the shell that runs the tests, whose entries
 * from earlier runs would be read back instead of being drawn and printed afresh.
 */
import { afterAll } from 'vitest';
import { freshCache, removeCaches } from './helpers.js';

process.env.REPORT_CACHE_DIR = freshCache();

// This one, and every other the file's tests made.
afterAll(() => removeCaches());
