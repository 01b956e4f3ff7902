// ESLint (flat config): typescript-eslint's type-aware recommended rules over the TypeScript and the
// Vue files, and the import boundaries of docs/architecture.md §1 (also checked on the source text by
// test/architecture/boundaries.test.ts). Formatting is Prettier's job (npm run format), not ESLint's.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import globals from 'globals';
import { importBoundaries } from './eslint.boundaries.js';

function unsafeAnyRulesOff() {
  const rules = ['no-unsafe-argument', 'no-unsafe-assignment', 'no-unsafe-call', 'no-unsafe-member-access', 'no-unsafe-return'];
  return Object.fromEntries(rules.map((rule) => [`@typescript-eslint/${rule}`, 'off']));
}

export default defineConfig(
  { ignores: ['out/**', 'native/**', 'test-results/**', 'playwright-report/**', '**/node_modules/**'] },
  // A disable comment that no longer silences anything fails the lint, so none outlives its reason.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  vue.configs['flat/essential'],
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with the types of the tsconfig that covers it (tsconfig.json's references).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module' },
      globals: globals.browser,
    },
  },

  {
    rules: {
      // House style: a leading `_` marks a parameter or binding kept for its position or to leave it out of a rest object.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Index accesses carry `!` as if noUncheckedIndexedAccess were on (tsconfig.base.json has it off): keep them.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Handlers and model hosts implement async interfaces; `async` without `await` still turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // String(value) of parsed JSON (`unknown`, which `?? ''` widens to `{}`) is deliberate; restrict-template-expressions still guards templates.
      '@typescript-eslint/no-base-to-string': 'off',
      // Per-slot arrays hold a promise or null; an array of no promise at all (a forgotten `return`) is still an error.
      '@typescript-eslint/await-thenable': ['error', { allowMixedPromiseArrays: true }],
    },
  },
  {
    // Types imported from another .vue file come through renderer/env.d.ts's shim as `any` here (vue-tsc, in npm run typecheck, sees the real ones).
    files: ['**/*.vue'],
    rules: unsafeAnyRulesOff(),
  },
  {
    // Tests and benchmarks read JSON (command output, files, page results) and build malformed input on purpose; their assertions check the shape.
    files: ['test/**', 'bench/**'],
    rules: { ...unsafeAnyRulesOff(), '@typescript-eslint/no-explicit-any': 'off' },
  },

  {
    // Plain JavaScript (the command's entry, scripts, the worker bootstrap, stubs, fixture models) and the
    // fixture models' .d.mts: no tsconfig covers them, so no type-aware rule (this comes after every rule setting).
    files: ['**/*.{js,mjs,cjs}', '**/*.d.mts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  importBoundaries,
);
