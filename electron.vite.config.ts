// Builds the desktop app: the main process (electron/main), the preload (electron/preload) and the
// Vue renderer (renderer/). Recipe and its constraints: docs/toolchain.md §2.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // One CommonJS file: the window is sandboxed, and a sandboxed preload cannot be ESM.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified, the main bundle parses faster: the first render is a target (≤ 1.5 s, issue 4).
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
