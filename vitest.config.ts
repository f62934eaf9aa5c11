import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A cache folder of each test file's own, so no test reads the user's cache (test/setup.ts).
    setupFiles: ['test/setup.ts'],
    // Two test files at a time, even on two cores: most tests wait on a child process or the
    // browser, so two files overlap well (about 300 s for the suite here, against about 400 s
    // one at a time). Each test's own cache and temporary folders keep them apart.
    maxWorkers: 2,
  },
});
