/**
 * The dependency rules of architecture.md §1, checked on the source text so that a violation fails
 * `npm test` (tsconfig.core.json also hides Node and DOM types from core/):
 * core/ imports nothing but itself, zod and ml-matrix, and uses no ambient randomness or clock;
 * renderer/ imports only itself, electron/contract, core/ and its UI packages, and only its stores
 * (and the app's entry, which opens the connection) call the bridge.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|vue)$/.test(entry)) out.push(path);
  }
  return out;
}

/** Module specifiers of every import/export-from/dynamic import/require in a file. */
function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  // A specifier holds no whitespace: prose such as "… it from ' +\n'" inside a string is not an import.
  const patterns = [
    /\bfrom\s+['"]([^'"\s]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"\s]+)['"]\s*\)/g,
    /\bimport\s+['"]([^'"\s]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"\s]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}

const coreAllowedPackages = new Set(['zod', 'ml-matrix']);

describe('architecture boundaries', () => {
  const coreFiles = sourceFiles(join(root, 'core'));

  it('finds the core sources (guards against a vacuous pass)', () => {
    expect(coreFiles.length).toBeGreaterThan(10);
  });

  it('core/ imports only core/, zod and ml-matrix (no node:*, electron, comlink, better-sqlite3, DOM libraries)', () => {
    const violations: string[] = [];
    for (const file of coreFiles) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (specifier.startsWith('.')) {
          const target = join(file, '..', specifier);
          if (relative(join(root, 'core'), target).startsWith('..')) violations.push(`${relative(root, file)} imports ${specifier} (outside core/)`);
        } else if (!coreAllowedPackages.has(specifier.split('/')[0])) {
          violations.push(`${relative(root, file)} imports ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('core/ uses no ambient randomness or clock (Math.random, Date.now, performance.now, new Date)', () => {
    const violations: string[] = [];
    for (const file of coreFiles) {
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const forbidden of ['Math.random', 'Date.now', 'performance.now', 'new Date(']) {
        if (text.includes(forbidden)) violations.push(`${relative(root, file)} uses ${forbidden}`);
      }
    }
    expect(violations).toEqual([]);
  });
});

const rendererAllowedPackages = new Set(['vue', 'pinia', 'vue-router', 'element-plus', 'echarts', '@element-plus', 'zod']);

describe('renderer boundaries', () => {
  const rendererRoot = join(root, 'renderer', 'src');
  const rendererFiles = sourceFiles(rendererRoot);

  it('renderer/ imports only renderer/, electron/contract, core/ and its UI packages (no node:*, electron, services)', () => {
    const violations: string[] = [];
    for (const file of rendererFiles) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (specifier.startsWith('.')) {
          const target = relative(root, join(file, '..', specifier));
          const allowed = ['renderer/', 'electron/contract/', 'core/'].some((prefix) => target.startsWith(prefix));
          if (!allowed) violations.push(`${relative(root, file)} imports ${specifier}`);
        } else if (!rendererAllowedPackages.has(specifier.split('/')[0])) {
          violations.push(`${relative(root, file)} imports ${specifier}`);
        }
      }
    }
    expect(rendererFiles.length).toBeGreaterThan(5);
    expect(violations).toEqual([]);
  });

  it('only stores call the bridge (house-style.md: stores turn error results into state)', () => {
    const callers = rendererFiles
      .filter((file) => /\buseBridge\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(rendererRoot, file))
      .filter((file) => !file.startsWith('stores/') && file !== 'bridge/index.ts' && file !== 'main.ts');
    expect(callers).toEqual([]);
  });
});
