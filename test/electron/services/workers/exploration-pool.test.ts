/**
 * The exploration pool with real worker threads: a run explored in 2 or 3 threads is bit-identical
 * to one explored in this thread (for both GMKI variants), small steps stay in this thread, and a
 * thread that dies leaves the run going in this thread with the same results.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentExplorer } from '../../../../core/gmki/exploration';
import type { Mixture } from '../../../../core/gmki/state';
import { createInversion } from '../../../../core/inversion';
import type { ResolvedProblem } from '../../../../core/problem/types';
import { createExplorationPool, type ExplorationPool } from '../../../../electron/services/workers/exploration-pool';
import { spawnWorker } from '../../../../electron/services/workers/spawn-worker';
import { quadraticModel } from '../../../support/invariants';
import { diag, simpleProblem } from '../../../support/problems';

const WORKER_ENTRY = new URL('../../../../electron/services/workers/exploration-worker.ts', import.meta.url);
const D = 5;
const model = quadraticModel(
  [
    [0.6, -0.2, 0.3, 0.1, 0],
    [0.1, 0.4, -0.5, 0, 0.2],
  ],
  [
    [0.3, 0.1, -0.2, 0.5, 0.1],
    [-0.4, 0.2, 0.1, 0, 0.3],
  ],
);

function problemFor(method: 'gmki-paper' | 'gmki-robust'): ResolvedProblem {
  return simpleProblem({
    priorMean: Array(D).fill(0.2),
    priorCovariance: diag([2, 1, 3, 1, 2]),
    observations: [1, 0.4],
    noiseCovariance: diag([0.2, 0.3]),
    settings: { method, components: 5, iterations: 5, seed: 4, exploration: { method: 'monte-carlo', samples: 1500 } },
  });
}

async function finalMixture(problem: ResolvedProblem, explorer?: ComponentExplorer): Promise<Mixture> {
  const inversion = createInversion(problem, undefined, { explorer });
  while (!inversion.done) {
    await inversion.prepare();
    inversion.tell(inversion.ask().points.map((point) => model(point.theta)));
  }
  return inversion.state.mixture;
}

const bits = (mixture: Mixture) => [Array.from(mixture.logWeights), Array.from(mixture.means), Array.from(mixture.covariances)];

let pool: ExplorationPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('exploration pool', () => {
  for (const method of ['gmki-paper', 'gmki-robust'] as const) {
    it(`${method}: gives the same bits in 2 and 3 threads as in this thread`, async () => {
      const single = await finalMixture(problemFor(method));
      for (const threads of [2, 3]) {
        const started: number[] = [];
        pool = createExplorationPool({ threads, minWork: 0, onStart: (n) => started.push(n) });
        expect(bits(await finalMixture(problemFor(method), pool.explore))).toEqual(bits(single));
        expect(started).toEqual([threads]);
        await pool.close();
        pool = null;
      }
    });
  }

  it('keeps steps below minWork in this thread, and uses no more threads than components', async () => {
    const started: number[] = [];
    pool = createExplorationPool({ threads: 4, onStart: (n) => started.push(n) });
    await finalMixture(problemFor('gmki-paper'), pool.explore);
    expect(started).toEqual([]);
    await pool.close();
    pool = createExplorationPool({ threads: 8, minWork: 0, onStart: (n) => started.push(n) });
    await finalMixture(problemFor('gmki-paper'), pool.explore);
    expect(started).toEqual([5]);
  });

  it('goes on in this thread, with the same results, when a thread dies', async () => {
    const reasons: string[] = [];
    let starts = 0;
    pool = createExplorationPool({
      threads: 2,
      minWork: 0,
      // The second thread exits at once, as a crashed one would.
      startWorker: (options) => (++starts === 2 ? new Worker('process.exit(3)', { eval: true }) : spawnWorker(WORKER_ENTRY, options)),
      onFallback: (reason) => reasons.push(reason),
    });
    expect(bits(await finalMixture(problemFor('gmki-robust'), pool.explore))).toEqual(bits(await finalMixture(problemFor('gmki-robust'))));
    expect(reasons).toEqual([expect.stringContaining('exit code 3')]);
    expect(starts).toBe(2);
  });
});
