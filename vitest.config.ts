import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report too (GMKI_VITEST_JSON=path) to print a plain summary line.
const jsonReport = process.env.GMKI_VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Paper reproductions and CLI tests spawn real processes and run whole inversions.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
