/**
 * `uki` (core/methods/uki/uki.ts): on the linear-Gaussian problem it follows the closed-form
 * precision recursion C_{n+1}⁻¹ = (1 − Δt)C_n⁻¹ + Δt·C_post⁻¹ and reaches the exact posterior;
 * 2d+1 evaluations per iteration; resume is bit-identical; it is GMKI with K = 1 and disjoint
 * exploration.
 */
import { describe, expect, it } from 'vitest';
import { createInversion } from '../../../core/inversion';
import { bytesOf } from '../../electron/services/store/helpers';
import { diag, simpleProblem } from '../../support/problems';
import { linearModel, linearPosterior, linearProblem, relativeError, temperedIterates } from '../../support/linear-gaussian';
import { runInversion } from '../../support/runInversion';
import { errorsOf, validFile } from '../problem/helpers';

const start = { type: 'explicit' as const, weights: [1], means: [[0, 0]], covariances: [diag([1, 1])] };

describe('uki on the linear-Gaussian problem', () => {
  it('matches the closed-form recursion at every iterate to 1e-9 for Δt = 0.5 and 0.3', () => {
    for (const dt of [0.5, 0.3]) {
      const { history } = runInversion(linearProblem({ method: 'uki', dt, iterations: 40, initialization: start }), linearModel);
      const exact = temperedIterates(40, dt, [0, 0], diag([1, 1]));
      for (let n = 0; n <= 40; n++) {
        expect(relativeError(history[n].mixture.means, exact[n].mean), `mean ${n}, dt ${dt}`).toBeLessThan(1e-9);
        expect(relativeError(history[n].mixture.covariances, exact[n].cov), `cov ${n}, dt ${dt}`).toBeLessThan(1e-9);
      }
    }
  });

  it('reaches the exact posterior from the prior (mean and covariance to 1e-9 relative)', () => {
    const { history } = runInversion(linearProblem({ method: 'uki', iterations: 45 }), linearModel);
    const posterior = linearPosterior();
    const last = history.at(-1)!.mixture;
    expect(last.nComponents).toBe(1);
    expect(relativeError(last.means, posterior.mean)).toBeLessThan(1e-9);
    expect(relativeError(last.covariances, posterior.cov)).toBeLessThan(1e-9);
  });

  it('starts from the prior: iteration 0 is N(r0, Σ0)', () => {
    const inversion = createInversion(linearProblem({ method: 'uki', iterations: 3 }));
    expect(Array.from(inversion.initialRecord.mixture.means)).toEqual([0.5, -0.3]);
    expect(Array.from(inversion.initialRecord.mixture.covariances)).toEqual([1, 0, 0, 2]);
  });
});

describe('uki as a run', () => {
  const nonlinear = (theta: readonly number[]) => [(theta[1] - theta[0]) ** 2, Math.sin(theta[0])];
  const problem = (iterations: number) =>
    simpleProblem({
      priorMean: [0, 1],
      priorCovariance: diag([1, 1]),
      observations: [4.2, 0.3],
      noiseCovariance: diag([1, 0.5]),
      settings: { method: 'uki', iterations },
    });

  it('asks 2d+1 sigma points of one Gaussian per iteration, and counts them', () => {
    const inversion = createInversion(problem(2));
    const batch = inversion.ask();
    expect(inversion.evaluationsPerIteration).toBe(5);
    expect(batch.points.map((point) => point.label)).toEqual([0, 1, 2, 3, 4].map((sigmaPoint) => ({ kind: 'sigma-point', component: 0, sigmaPoint })));
    const { history, forwardCalls } = runInversion(problem(6), nonlinear);
    expect(forwardCalls).toBe(30);
    expect(history.map((record) => record.forwardEvaluations)).toEqual([0, 5, 10, 15, 20, 25, 30]);
  });

  it('continues from a stored state bit for bit as an uninterrupted run', () => {
    const full = runInversion(problem(8), nonlinear).history;
    const resumed = runInversion(problem(8), nonlinear, full[3]).history;
    expect(bytesOf(resumed.at(-1)!.mixture.means)).toEqual(bytesOf(full.at(-1)!.mixture.means));
    expect(bytesOf(resumed.at(-1)!.mixture.covariances)).toEqual(bytesOf(full.at(-1)!.mixture.covariances));
    expect(resumed.at(-1)!.forwardEvaluations).toBe(40);
  });

  it('is GMKI with K = 1 and disjoint exploration (to 1e-12 on a nonlinear model)', () => {
    const uki = runInversion(problem(10), nonlinear).history.at(-1)!.mixture;
    const gmki = runInversion(
      simpleProblem({
        priorMean: [0, 1],
        priorCovariance: diag([1, 1]),
        observations: [4.2, 0.3],
        noiseCovariance: diag([1, 0.5]),
        settings: {
          method: 'gmki-paper',
          iterations: 10,
          components: 1,
          exploration: { method: 'disjoint' },
          initialization: { type: 'explicit', weights: [1], means: [[0, 1]], covariances: [diag([1, 1])] },
        },
      }),
      nonlinear,
    ).history.at(-1)!.mixture;
    expect(relativeError(uki.means, Array.from(gmki.means))).toBeLessThan(1e-12);
    expect(relativeError(uki.covariances, Array.from(gmki.covariances))).toBeLessThan(1e-12);
  });

  it('rejects an explicit initialization with more than one Gaussian, naming the field', () => {
    const file = validFile();
    file.settings = {
      method: 'uki',
      initialization: {
        type: 'explicit',
        weights: [0.5, 0.5],
        means: [
          [0, 0],
          [1, 1],
        ],
        covariances: [diag([1, 1]), diag([1, 1])],
      },
    };
    expect(errorsOf(file)).toContainEqual({
      path: 'settings.initialization.weights',
      message: 'expected 1 weight (the method uki evolves one Gaussian), got 2',
    });
  });
});
