import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Paper reproductions and CLI tests spawn real processes and run whole inversions.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
