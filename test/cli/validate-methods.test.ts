/**
 * `gmki validate` states each method's own budget (core/methods/budget.ts): K·(2d+1) per
 * iteration is GMKI's, not uki's, eki's or smc's — and smc's is an upper bound, said as such.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, runGmki, tinyProblem, TWO_MODAL_MODEL, writeProblem } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeDir(dir));

async function validateWith(name: string, settings: Record<string, unknown>): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder);
  const file = await writeProblem(folder, TWO_MODAL_MODEL, tinyProblem(settings));
  const result = await runGmki(['validate', file]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('gmki validate, per method', () => {
  // tinyProblem: d = 2, one observation; its settings are replaced by these.
  it.concurrent('counts K·(2d+1)·iterations for GMKI', async () => {
    expect(await validateWith('gmki', { components: 2, iterations: 3 })).toBe('ok: Tiny — 2 parameters, 1 observation, K = 2, 3 iterations, 30 forward evaluations\n');
  });

  it.concurrent('counts (2d+1)·iterations for uki', async () => {
    expect(await validateWith('uki', { method: 'uki', iterations: 4 })).toBe(
      'ok: Tiny — 2 parameters, 1 observation, method uki, 4 iterations, 20 forward evaluations\n',
    );
  });

  it.concurrent('counts J·iterations for eki, with its default J', async () => {
    expect(await validateWith('eki', { method: 'eki', iterations: 5 })).toBe(
      'ok: Tiny — 2 parameters, 1 observation, method eki, J = 100 particles, 5 iterations, 500 forward evaluations\n',
    );
  });

  it.concurrent('gives smc its upper bound J·(1 + maxStages·mhSteps), said as "at most"', async () => {
    expect(await validateWith('smc', { method: 'smc', particles: 400, mhSteps: 5, maxStages: 10 })).toBe(
      'ok: Tiny — 2 parameters, 1 observation, method smc, J = 400 particles, at most 51 iterations, at most 20400 forward evaluations\n',
    );
  });
});
