/**
 * Every GMKI config key changes behaviour (the paper's code silently drops `w_min`; ours must not
 * drop anything), and resolveGmkiConfig fills defaults and rejects out-of-range values. The keys
 * of gmki-robust (splitThreshold, settleIterations, modeSearch) are checked under that method,
 * and shown to leave gmki-paper untouched.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GMKI_CONFIG, resolveGmkiConfig, settleIterationsOf } from '../../../core/gmki/config';
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
  return summary(problem);
}

/** gmki-robust on the four-modal problem with K = 6 and 12 iterations: long enough for splits, merges and mode search. */
function finalRobustMixture(settings: Partial<RunSettings>) {
  const problem = simpleProblem({
    priorMean: [0.5, 0],
    priorCovariance: diag([1, 1]),
    observations: [4.2297, 4.2297],
    noiseCovariance: diag([1, 1]),
    settings: { method: 'gmki-robust', components: 6, iterations: 12, exploration: { method: 'monte-carlo', samples: 2000 }, ...settings },
  });
  return summary(problem, fourModal);
}

const fourModal = (theta: readonly number[]) => [(theta[1] - theta[0]) ** 2, (theta[1] + theta[0]) ** 2];

function summary(problem: ReturnType<typeof simpleProblem>, model = twoModal) {
  const { history } = runInversion(problem, model);
  const last = history.at(-1)!;
  return [history.length, ...last.mixture.logWeights, ...last.mixture.means, ...last.mixture.covariances];
}

describe('GMKI configuration', () => {
  const baseline = finalMixture({});
  const variations: Record<keyof ReturnType<typeof gmkiConfigFromSettings>, Partial<RunSettings>> = {
    method: { method: 'gmki-robust' },
    nComponents: { components: 4 },
    dt: { dt: 0.3 },
    iterations: { iterations: 6 },
    exploration: { exploration: { method: 'disjoint' } },
    minWeight: { minWeight: 0.2 },
    sigmaPointAlpha: { sigmaPointAlpha: 0.5 },
    seed: { seed: 2 },
    splitThreshold: {}, // gmki-robust keys: below
    settleIterations: {},
    modeSearch: {},
  };

  const robustVariations: Partial<Record<keyof ReturnType<typeof gmkiConfigFromSettings>, Partial<RunSettings>>> = {
    splitThreshold: { splitThreshold: 20 },
    settleIterations: { settleIterations: 0 },
    modeSearch: { modeSearch: false },
  };

  for (const [key, change] of Object.entries(variations)) {
    if (key in robustVariations) continue;
    it(`changes the result when ${key} changes`, () => {
      expect(finalMixture(change)).not.toEqual(baseline);
    });
  }

  describe('under gmki-robust', () => {
    const robustBaseline = finalRobustMixture({});
    for (const [key, change] of Object.entries(robustVariations)) {
      it(`changes the result when ${key} changes`, () => {
        expect(finalRobustMixture(change)).not.toEqual(robustBaseline);
      });
      it(`leaves gmki-paper unchanged when ${key} changes`, () => {
        expect(finalMixture(change)).toEqual(baseline);
      });
    }

    it('changes the result when the other keys change, as under gmki-paper', () => {
      for (const [key, change] of Object.entries(variations)) {
        if (key === 'method' || key in robustVariations) continue;
        // K = 6 here: a floor of 0.2 would exceed 1/K.
        const robustChange = key === 'minWeight' ? { minWeight: 0.05 } : change;
        expect(finalRobustMixture(robustChange), key).not.toEqual(robustBaseline);
      }
    });
  });

  it('changes the result when the number of Monte Carlo samples changes', () => {
    expect(finalMixture({ exploration: { method: 'monte-carlo', samples: 1999 } })).not.toEqual(baseline);
  });

  it('maps every run setting of the algorithm onto a config key', () => {
    const keys = Object.keys(
      gmkiConfigFromSettings(
        simpleProblem({
          priorMean: [0],
          priorCovariance: [[1]],
          observations: [0],
          noiseCovariance: [[1]],
        }).settings,
      ),
    ).sort();
    expect(keys).toEqual(Object.keys(DEFAULT_GMKI_CONFIG).sort());
  });

  it('makes gmki-robust the default method, with documented defaults for its keys', () => {
    expect(DEFAULT_GMKI_CONFIG).toMatchObject({ method: 'gmki-robust', splitThreshold: 1, settleIterations: null, modeSearch: true });
    expect(settleIterationsOf(resolveGmkiConfig({ iterations: 30 }))).toBe(8);
    expect(settleIterationsOf(resolveGmkiConfig({ iterations: 30, settleIterations: 3 }))).toBe(3);
  });

  it('fills missing keys from DEFAULT_GMKI_CONFIG', () => {
    expect(resolveGmkiConfig({ dt: 0.25 })).toEqual({ ...DEFAULT_GMKI_CONFIG, dt: 0.25 });
  });

  it("rejects out-of-range values, naming each key, with the problem file's rules (core/problem/limits.ts)", () => {
    expect(() => resolveGmkiConfig({ dt: 1, nComponents: 0, minWeight: 0.5 })).toThrow(
      /nComponents: expected an integer from 1 to 100, got 0; dt: expected a number in \(0, 1\), got 1/,
    );
    expect(() => resolveGmkiConfig({ iterations: 0 })).toThrow(/iterations: expected an integer from 1 to 10000, got 0/);
    expect(() => resolveGmkiConfig({ nComponents: 3, minWeight: 0.4 })).toThrow(
      /minWeight: expected a number < 1\/K = 0.3333 \(K·minWeight must stay below 1 with K = 3\), got 0.4/,
    );
    expect(() => resolveGmkiConfig({ exploration: { method: 'monte-carlo', samples: 0 } })).toThrow(/exploration.samples/);
    expect(() => resolveGmkiConfig({ sigmaPointAlpha: -1 })).toThrow(/sigmaPointAlpha/);
    expect(() => resolveGmkiConfig({ splitThreshold: 0 })).toThrow(/splitThreshold: expected a number > 0, got 0/);
    expect(() => resolveGmkiConfig({ settleIterations: 2.5 })).toThrow(/settleIterations: expected an integer from 0 to 10000 or null/);
  });
});
