/**
 * Invariants of gmki-robust on random problems (property tests with fixed fast-check seeds, in
 * the style of ../invariants.test.ts): weights sum to 1 and stay ≥ minWeight, covariances stay
 * symmetric positive definite through splits, merges and re-seeding, every iteration costs
 * exactly K·(2d+1) evaluations, the same seed gives bit-identical runs, and a run resumed from a
 * stored state ends exactly where the uninterrupted one does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coefficientsFrom, expectValidMixture, quadraticModel } from '../../../support/invariants';
import { diag, simpleProblem } from '../../../support/problems';
import { runInversion } from '../../../support/runInversion';

const ITERATIONS = 12;

const problemArbitrary = fc
  .record({
    d: fc.integer({ min: 1, max: 4 }),
    nY: fc.integer({ min: 1, max: 3 }),
    components: fc.integer({ min: 1, max: 6 }),
    dt: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    minWeight: fc.constantFrom(0, 1e-15, 1e-3),
    exploration: fc.constantFrom('monte-carlo', 'disjoint'),
    splitThreshold: fc.constantFrom(0.3, 1, 3),
    modeSearch: fc.boolean(),
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
        method: 'gmki-robust',
        components: spec.components,
        dt: spec.dt,
        iterations: ITERATIONS,
        seed: spec.seed,
        minWeight: spec.minWeight,
        exploration: spec.exploration === 'disjoint' ? { method: 'disjoint' } : { method: 'monte-carlo', samples: 500 },
        splitThreshold: spec.splitThreshold,
        modeSearch: spec.modeSearch,
      },
    });
    return { spec, problem, model: quadraticModel(quadratic, linear) };
  });

describe('gmki-robust invariants on random problems', () => {
  it('keeps weights summing to 1 and ≥ minWeight, and covariances symmetric positive definite', () => {
    let structuralChanges = 0;
    fc.assert(
      fc.property(problemArbitrary, ({ spec, problem, model }) => {
        const { history } = runInversion(problem, model);
        for (const record of history) {
          expectValidMixture(record.mixture, spec.minWeight);
          structuralChanges += record.diagnostics.structuralChanges?.length ?? 0;
        }
      }),
      { seed: 42, numRuns: 60 },
    );
    // Guards against a vacuous pass: the runs did split, merge and re-seed.
    expect(structuralChanges).toBeGreaterThan(50);
  });

  it('calls the model exactly K·(2d+1) times per iteration, like gmki-paper', () => {
    fc.assert(
      fc.property(problemArbitrary, ({ spec, problem, model }) => {
        const { history, forwardCalls } = runInversion(problem, model);
        expect(forwardCalls).toBe(spec.components * (2 * spec.d + 1) * ITERATIONS);
        expect(history.at(-1)!.forwardEvaluations).toBe(forwardCalls);
      }),
      { seed: 7, numRuns: 30 },
    );
  });

  it('gives bit-identical results for the same seed', () => {
    fc.assert(
      fc.property(problemArbitrary, ({ problem, model }) => {
        const first = runInversion(problem, model).history;
        const second = runInversion(problem, model).history;
        expect(second.map((r) => r.diagnostics)).toEqual(first.map((r) => r.diagnostics));
        expect(Array.from(second.at(-1)!.mixture.means)).toEqual(Array.from(first.at(-1)!.mixture.means));
        expect(Array.from(second.at(-1)!.mixture.covariances)).toEqual(Array.from(first.at(-1)!.mixture.covariances));
        expect(Array.from(second.at(-1)!.mixture.logWeights)).toEqual(Array.from(first.at(-1)!.mixture.logWeights));
      }),
      { seed: 3, numRuns: 20 },
    );
  });

  it('continues from a stored state exactly as an uninterrupted run', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.integer({ min: 1, max: ITERATIONS - 1 }), ({ problem, model }, at) => {
        const full = runInversion(problem, model).history;
        const resumed = runInversion(problem, model, { iteration: at, mixture: full[at].mixture }).history;
        expect(resumed[0].forwardEvaluations).toBe(full[at].forwardEvaluations);
        expect(resumed.slice(1).map((r) => r.diagnostics)).toEqual(full.slice(at + 1).map((r) => r.diagnostics));
        expect(Array.from(resumed.at(-1)!.mixture.means)).toEqual(Array.from(full.at(-1)!.mixture.means));
        expect(Array.from(resumed.at(-1)!.mixture.covariances)).toEqual(Array.from(full.at(-1)!.mixture.covariances));
        expect(Array.from(resumed.at(-1)!.mixture.logWeights)).toEqual(Array.from(full.at(-1)!.mixture.logWeights));
      }),
      { seed: 11, numRuns: 20 },
    );
  });
});
