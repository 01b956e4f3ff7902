/**
 * Inversion.prepare(): a host may compute the exploration step's components elsewhere (worker
 * threads) through a ComponentExplorer; the run must not change by a single bit.
 */
import { describe, expect, it } from 'vitest';
import { exploreComponent, type ComponentExplorer } from '../../../core/gmki/exploration';
import type { Mixture } from '../../../core/gmki/state';
import { createInversion } from '../../../core/inversion';
import type { ResolvedProblem } from '../../../core/problem/types';
import { quadraticModel } from '../../support/invariants';
import { diag, simpleProblem } from '../../support/problems';

const model = quadraticModel(
  [
    [0.6, -0.2, 0.3],
    [0.1, 0.4, -0.5],
  ],
  [
    [0.3, 0.1, -0.2],
    [-0.4, 0.2, 0.1],
  ],
);

function problemFor(method: 'gmki-paper' | 'gmki-robust', exploration: 'monte-carlo' | 'disjoint'): ResolvedProblem {
  return simpleProblem({
    priorMean: [0, 0.5, -0.5],
    priorCovariance: diag([2, 1, 3]),
    observations: [1, 0.4],
    noiseCovariance: diag([0.2, 0.3]),
    settings: {
      method,
      components: 4,
      iterations: 6,
      seed: 9,
      exploration: exploration === 'disjoint' ? { method: 'disjoint' } : { method: 'monte-carlo', samples: 800 },
    },
  });
}

/** Runs to the end; `prepare` calls inversion.prepare() before each ask(). */
async function finalMixture(problem: ResolvedProblem, explorer: ComponentExplorer | undefined, prepare: boolean): Promise<Mixture> {
  const inversion = createInversion(problem, undefined, { explorer });
  while (!inversion.done) {
    if (prepare) await inversion.prepare();
    inversion.tell(inversion.ask().points.map((point) => model(point.theta)));
  }
  return inversion.state.mixture;
}

/** As a worker pool would: plain copies of the inputs, components computed in reverse order. */
function copyingExplorer(calls: { count: number }): ComponentExplorer {
  return async (plan, samples) => {
    calls.count++;
    const [planCopy, samplesCopy] = structuredClone([plan, samples]);
    const reversed = Array.from({ length: plan.nComponents }, (_, i) => plan.nComponents - 1 - i).map((k) => ({
      k,
      result: exploreComponent(planCopy, k, samplesCopy),
    }));
    return reversed.sort((a, b) => a.k - b.k).map((entry) => entry.result);
  };
}

function bits(mixture: Mixture): number[][] {
  return [Array.from(mixture.logWeights), Array.from(mixture.means), Array.from(mixture.covariances)];
}

describe('Inversion.prepare with a ComponentExplorer', () => {
  for (const method of ['gmki-paper', 'gmki-robust'] as const) {
    it(`${method}: gives bit-identical runs with or without prepare, in this thread or through an explorer`, async () => {
      const problem = problemFor(method, 'monte-carlo');
      const calls = { count: 0 };
      const plain = await finalMixture(problem, undefined, false);
      const preparedHere = await finalMixture(problem, undefined, true);
      const preparedElsewhere = await finalMixture(problem, copyingExplorer(calls), true);
      expect(calls.count).toBe(6);
      expect(bits(preparedHere)).toEqual(bits(plain));
      expect(bits(preparedElsewhere)).toEqual(bits(plain));
    });
  }

  it('does not call the explorer for disjoint exploration, nor after the last iteration', async () => {
    const calls = { count: 0 };
    const explorer = copyingExplorer(calls);
    const disjoint = await finalMixture(problemFor('gmki-paper', 'disjoint'), explorer, true);
    expect(calls.count).toBe(0);
    expect(bits(disjoint)).toEqual(bits(await finalMixture(problemFor('gmki-paper', 'disjoint'), undefined, false)));
    const inversion = createInversion(problemFor('gmki-paper', 'monte-carlo'), undefined, { explorer });
    while (!inversion.done) inversion.tell(inversion.ask().points.map((point) => model(point.theta)));
    await inversion.prepare();
    expect(calls.count).toBe(0);
  });

  it('reports an explorer that returns the wrong number of components', async () => {
    const inversion = createInversion(problemFor('gmki-paper', 'monte-carlo'), undefined, { explorer: async () => [] });
    await expect(inversion.prepare()).rejects.toThrow('exploration returned 0 components, expected 4');
  });
});
