import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A cache folder of each test file's own, so no test reads the user's cache (test/setup.ts).
    setupFiles: ['test/setup.ts'],
  },
});
