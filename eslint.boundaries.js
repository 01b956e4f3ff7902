// The dependency rules of docs/architecture.md §1 as `no-restricted-imports` settings per folder, so
// that the editor and `npm run lint` name the offending import (test/architecture/boundaries.test.ts
// checks the same rules on the source text, including dynamic imports, which this rule does not see).
//
// A relative specifier is judged by where it lands: a file N folders below the repository root
// reaches the root with exactly N `../`, and from there only the allowed top-level folders may
// follow. ESLint settings do not merge, so every file gets one complete list of patterns.

const MAX_DEPTH = 8;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const oneOf = (names) => `(${names.map(escape).join('|')})(/|$)`;

/** Restricts package imports to `packages` and relative imports to `folders` (paths from the root). */
function boundary({ packages, folders, message }) {
  const relativeAt = (depth) => ({
    regex: `^(\\./)?(\\.\\./){${depth}}(?!${oneOf(folders)})`,
    caseSensitive: true,
    message,
  });
  const packagePattern = { regex: `^(?![./])(?!${oneOf(packages)})`, caseSensitive: true, message };
  return { relativeAt, packagePattern };
}

/** One config object per folder depth below `folder` (a glob's `*` never crosses a `/`). */
function perDepth(folder, { relativeAt, packagePattern }, extraPatterns = [], ignores = []) {
  const folderDepth = folder.split('/').length;
  const configs = [];
  for (let below = 0; below <= MAX_DEPTH; below += 1) {
    const depth = folderDepth + below;
    configs.push({
      files: [`${folder}/${'*/'.repeat(below)}*.{ts,mts,vue}`],
      ignores,
      rules: { 'no-restricted-imports': ['error', { patterns: [packagePattern, relativeAt(depth), ...extraPatterns] }] },
    });
  }
  return configs;
}

const core = boundary({
  packages: ['zod', 'ml-matrix'],
  folders: ['core'],
  message: 'core/ imports only core/, zod and ml-matrix (docs/architecture.md §1): it runs in a worker, in Node and in a browser.',
});

const renderer = boundary({
  packages: ['vue', 'pinia', 'vue-router', 'element-plus', '@element-plus', 'echarts', 'zod'],
  folders: ['renderer', 'electron/contract', 'core'],
  message: 'renderer/ imports only renderer/, electron/contract, core/ and its UI packages (docs/architecture.md §1).',
});

/** Pinia stores are the only callers of the bridge (house-style.md); the app's entry opens it. */
const bridgeOnlyInStores = [
  {
    regex: '(^|/)bridge(/index)?$',
    importNames: ['useBridge'],
    message: 'Only the Pinia stores call the bridge (house-style.md): use or extend a store.',
  },
  { regex: '(^|/)bridge/http$', message: 'Only the Pinia stores call the bridge (house-style.md): use or extend a store.' },
];

/** Only services/store opens SQLite (house-style.md). */
const sqliteOnlyInStore = {
  files: ['electron/**/*.ts'],
  ignores: ['electron/services/store/**'],
  rules: {
    'no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', message: 'Only electron/services/store imports better-sqlite3 (house-style.md).' }] }],
  },
};

export const importBoundaries = [
  ...perDepth('core', core),
  ...perDepth('renderer/src', renderer),
  ...perDepth('renderer/src', renderer, bridgeOnlyInStores, ['renderer/src/stores/**', 'renderer/src/bridge/**', 'renderer/src/main.ts']),
  sqliteOnlyInStore,
];
