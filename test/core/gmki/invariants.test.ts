/**
 * Invariants of a GMKI run on random problems (property tests with a fixed fast-check seed):
 * weights sum to 1 and stay ≥ minWeight·(1 − K·minWeight) (the paper clips once, VT-5),
 * covariances stay symmetric positive definite, the same seed gives bit-identical results, and
 * evaluation counts are exactly K·(2d+1) per iteration (VT-8).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coefficientsFrom, expectValidMixture, quadraticModel } from '../../support/invariants';
import { diag, simpleProblem } from '../../support/problems';
import { runInversion } from '../../support/runInversion';

const problemArbitrary = fc
  .record({
    d: fc.integer({ min: 1, max: 4 }),
    nY: fc.integer({ min: 1, max: 3 }),
    components: fc.integer({ min: 1, max: 4 }),
    dt: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    minWeight: fc.constantFrom(0, 1e-15, 1e-3),
    exploration: fc.constantFrom('monte-carlo', 'disjoint'),
    coefficientSeed: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 24, maxLength: 24 }),
  })
  .map((spec) => {
    const { quadratic, linear } = coefficientsFrom(spec.coefficientSeed, spec.nY, spec.d);
    const problem = simpleProblem({
      priorMean: Array(spec.d).fill(0),
      priorCovariance: diag(Array(spec.d).fill(2)),
      observations: Array.from({ length: spec.nY }, (_, o) => 1 + 0.5 * o),
      noiseCovariance: diag(Array(spec.nY).fill(0.25)),
      settings: {
        components: spec.components,
        dt: spec.dt,
        iterations: 6,
        seed: spec.seed,
        minWeight: spec.minWeight,
        exploration: spec.exploration === 'disjoint' ? { method: 'disjoint' } : { method: 'monte-carlo', samples: 500 },
      },
    });
    return { spec, problem, model: quadraticModel(quadratic, linear) };
  });

describe('GMKI invariants on random problems', () => {
  it('keeps weights summing to 1 and ≥ minWeight·(1 − K·minWeight), and covariances symmetric positive definite', () => {
    fc.assert(
      fc.property(problemArbitrary, ({ spec, problem, model }) => {
        const { history } = runInversion(problem, model);
        for (const record of history) expectValidMixture(record.mixture, spec.minWeight, 'single-pass');
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('calls the model exactly K·(2d+1) times per iteration (VT-8)', () => {
    fc.assert(
      fc.property(problemArbitrary, ({ spec, problem, model }) => {
        const { history, forwardCalls } = runInversion(problem, model);
        expect(forwardCalls).toBe(spec.components * (2 * spec.d + 1) * 6);
        expect(history.at(-1)!.forwardEvaluations).toBe(forwardCalls);
      }),
      { seed: 7, numRuns: 30 },
    );
  });

  it('gives bit-identical results for the same seed', () => {
    fc.assert(
      fc.property(problemArbitrary, ({ problem, model }) => {
        const first = runInversion(problem, model).history.at(-1)!.mixture;
        const second = runInversion(problem, model).history.at(-1)!.mixture;
        expect(Array.from(second.means)).toEqual(Array.from(first.means));
        expect(Array.from(second.covariances)).toEqual(Array.from(first.covariances));
        expect(Array.from(second.logWeights)).toEqual(Array.from(first.logWeights));
      }),
      { seed: 3, numRuns: 20 },
    );
  });

  it('continues from a stored state exactly as an uninterrupted run', () => {
    fc.assert(
      fc.property(problemArbitrary, ({ problem, model }) => {
        const full = runInversion(problem, model).history;
        const resumed = runInversion(problem, model, { iteration: 3, mixture: full[3].mixture }).history;
        expect(resumed[0].forwardEvaluations).toBe(full[3].forwardEvaluations);
        expect(Array.from(resumed.at(-1)!.mixture.means)).toEqual(Array.from(full.at(-1)!.mixture.means));
        expect(Array.from(resumed.at(-1)!.mixture.covariances)).toEqual(Array.from(full.at(-1)!.mixture.covariances));
      }),
      { seed: 11, numRuns: 15 },
    );
  });
});
