import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report too (GMKI_VITEST_JSON=path) to print a plain summary line.
const jsonReport = process.env.GMKI_VITEST_JSON;

export default defineConfig({
  // The renderer's component tests mount .vue files (test/renderer/components, in happy-dom).
  plugins: [vue()],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Paper reproductions and CLI tests spawn real processes and run whole inversions.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // No test may touch the user's real run database in the app's data folder.
    env: { GMKI_DATA_DIR: mkdtempSync(join(tmpdir(), 'gmki-test-data-')) },
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
