/**
 * The contract is what the renderer compiles against (architecture.md §1): it may import itself,
 * zod, types from core and core's limits (core/problem/limits.ts: constants only, which its
 * schemas share with the problem schema) — never node:*, electron or the services.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const contract = join(root, 'electron', 'contract');

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('electron/contract', () => {
  it('imports only itself, zod, core/problem/limits and (type-only) core', () => {
    const sources = files(contract);
    expect(sources.length).toBeGreaterThan(4);
    const violations: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
        const [, , typeOnly, specifier] = match as unknown as [string, string, string | undefined, string];
        const where = relative(root, file);
        if (specifier === 'zod') continue;
        if (!specifier.startsWith('.')) violations.push(`${where} imports ${specifier}`);
        else {
          const target = relative(root, join(file, '..', specifier));
          if (target === 'core/problem/limits') continue;
          if (target.startsWith('core/') && !typeOnly) violations.push(`${where} imports values from ${specifier}`);
          else if (!target.startsWith('core/') && !target.startsWith('electron/contract')) violations.push(`${where} imports ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('typechecks as the renderer sees it: DOM, no Node types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gmki-contract-'));
    try {
      const config = join(dir, 'tsconfig.json');
      writeFileSync(
        config,
        JSON.stringify({
          extends: join(root, 'tsconfig.base.json'),
          compilerOptions: { lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] },
          files: [join(contract, 'index.ts')],
        }),
      );
      const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
      expect(() => execFileSync(process.execPath, [tsc, '--noEmit', '-p', config], { encoding: 'utf8' })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
