import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../electron/cli/io';
import { main } from '../../electron/cli/main';

/** An io whose stdout fails like a bug of ours would, capturing stderr. */
function failingIo(stderr: string[]): CliIo {
  return {
    stdout: () => {
      throw new TypeError('cannot print\nsecond line');
    },
    stderr: (text) => void stderr.push(text),
    stderrIsTTY: false,
    stderrColumns: undefined,
  };
}

describe('main', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reports an unexpected error in one line, exit 1, without a stack trace', async () => {
    vi.stubEnv('GMKI_DEBUG', '');
    const stderr: string[] = [];
    expect(await main(['--version'], failingIo(stderr))).toBe(1);
    expect(stderr).toEqual(['gmki: internal error: cannot print (GMKI_DEBUG=1 shows the stack trace)\n']);
  });

  it('adds the stack trace when GMKI_DEBUG=1', async () => {
    vi.stubEnv('GMKI_DEBUG', '1');
    const stderr: string[] = [];
    expect(await main(['--version'], failingIo(stderr))).toBe(1);
    expect(stderr[0]).toBe('gmki: internal error: cannot print\n');
    expect(stderr[1]).toMatch(/^TypeError: cannot print[\s\S]*\n\s+at /);
  });
});
