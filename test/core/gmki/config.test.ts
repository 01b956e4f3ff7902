/**
 * Every GMKI config key changes behaviour (the paper's code silently drops `w_min`; ours must not
 * drop anything), and resolveGmkiConfig fills defaults and rejects out-of-range values.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GMKI_CONFIG, resolveGmkiConfig } from '../../../core/gmki/config';
import { gmkiConfigFromSettings } from '../../../core/inversion';
import type { RunSettings } from '../../../core/problem/types';
import { diag, simpleProblem } from '../../support/problems';
import { runInversion } from '../../support/runInversion';

const twoModal = (theta: readonly number[]) => [(theta[1] - theta[0]) ** 2];

function finalMixture(settings: Partial<RunSettings>) {
  const problem = simpleProblem({
    priorMean: [0, 0],
    priorCovariance: diag([1, 1]),
    observations: [4.2297],
    noiseCovariance: [[1]],
    settings: { components: 3, iterations: 5, exploration: { method: 'monte-carlo', samples: 2000 }, ...settings },
  });
  const { history } = runInversion(problem, twoModal);
  const last = history.at(-1)!;
  return [history.length, ...last.mixture.logWeights, ...last.mixture.means, ...last.mixture.covariances];
}

describe('GMKI configuration', () => {
  const baseline = finalMixture({});
  const variations: Record<keyof ReturnType<typeof gmkiConfigFromSettings>, Partial<RunSettings>> = {
    method: {}, // one method today; checked separately below
    nComponents: { components: 4 },
    dt: { dt: 0.3 },
    iterations: { iterations: 6 },
    exploration: { exploration: { method: 'disjoint' } },
    minWeight: { minWeight: 0.2 },
    sigmaPointAlpha: { sigmaPointAlpha: 0.5 },
    seed: { seed: 2 },
  };

  for (const [key, change] of Object.entries(variations)) {
    if (key === 'method') continue;
    it(`changes the result when ${key} changes`, () => {
      expect(finalMixture(change)).not.toEqual(baseline);
    });
  }

  it('changes the result when the number of Monte Carlo samples changes', () => {
    expect(finalMixture({ exploration: { method: 'monte-carlo', samples: 1999 } })).not.toEqual(baseline);
  });

  it('maps every run setting of the algorithm onto a config key', () => {
    const keys = Object.keys(gmkiConfigFromSettings(simpleProblem({
      priorMean: [0], priorCovariance: [[1]], observations: [0], noiseCovariance: [[1]],
    }).settings)).sort();
    expect(keys).toEqual(Object.keys(DEFAULT_GMKI_CONFIG).sort());
  });

  it('fills missing keys from DEFAULT_GMKI_CONFIG', () => {
    expect(resolveGmkiConfig({ dt: 0.25 })).toEqual({ ...DEFAULT_GMKI_CONFIG, dt: 0.25 });
  });

  it('rejects out-of-range values, naming each key', () => {
    expect(() => resolveGmkiConfig({ dt: 1, nComponents: 0, minWeight: 0.5 })).toThrow(
      /nComponents: expected an integer ≥ 1, got 0; dt: expected a number in \(0, 1\), got 1/,
    );
    expect(() => resolveGmkiConfig({ exploration: { method: 'monte-carlo', samples: 0 } })).toThrow(/exploration.samples/);
    expect(() => resolveGmkiConfig({ sigmaPointAlpha: -1 })).toThrow(/sigmaPointAlpha/);
  });
});
