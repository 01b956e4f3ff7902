/**
 * `dfgmvi` (core/methods/dfgmvi): exact where a closed form exists — one component on the
 * linear-Gaussian problem (least-squares potential) and on a Gaussian log density (scalar
 * potential, whose random stencil rotations leave no noise once the covariance is exact) reaches
 * the posterior —, K·(2d+1) evaluations per iteration, resume bit-identical,
 * bounded parameters through the Jacobian, and −∞ refused with a message naming θ.
 */
import { describe, expect, it } from 'vitest';
import { createInversion, ModelOutputError } from '../../../core/inversion';
import { parseProblem } from '../../../core/problem';
import type { ResolvedProblem } from '../../../core/problem/types';
import { bytesOf } from '../../electron/services/store/helpers';
import { linearModel, linearPosterior, linearProblem } from '../../support/linear-gaussian';
import { runInversion } from '../../support/runInversion';

/** A log-density problem over (a, b) with the given settings and model output kind. */
function densityProblem(settings: Record<string, unknown>, extra: Record<string, unknown> = {}, logDensity = 'posterior'): ResolvedProblem {
  const parsed = parseProblem({
    format: 'gmki-problem/1',
    name: 'density',
    parameters: [
      { name: 'a', prior: { mean: 0, std: 2 } },
      { name: 'b', prior: { mean: 0, std: 2 } },
    ],
    model: { type: 'javascript', path: 'density.mjs', output: 'logDensity', logDensity },
    settings: { method: 'dfgmvi', seed: 1, ...settings },
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.problem;
}

/** log N(θ; μ, Σ) up to a constant, μ = (1, −2), Σ = [[2, 0.8], [0.8, 1]]. */
const GAUSSIAN = { mean: [1, -2], cov: [2, 0.8, 0.8, 1] };
function gaussianLogDensity([a, b]: readonly number[]): number[] {
  const [s11, s12, , s22] = GAUSSIAN.cov;
  const det = s11 * s22 - s12 * s12;
  const x = a - GAUSSIAN.mean[0];
  const y = b - GAUSSIAN.mean[1];
  return [(-0.5 * (s22 * x * x - 2 * s12 * x * y + s11 * y * y)) / det + 7];
}

describe('dfgmvi with one component reaches the exact posterior', () => {
  it('on the linear-Gaussian problem (least-squares potential): mean and covariance to 1e-9', () => {
    const problem = linearProblem({ method: 'dfgmvi', components: 1, iterations: 80, dt: 0.5 });
    const { history } = runInversion(problem, linearModel);
    const { mean, cov } = linearPosterior();
    const last = history.at(-1)!.mixture;
    Array.from(last.means).forEach((value, i) => expect(value).toBeCloseTo(mean[i], 9));
    Array.from(last.covariances).forEach((value, i) => expect(value).toBeCloseTo(cov[i], 9));
  });

  it('on a correlated Gaussian log density (central differences of Φ): mean and covariance to 1e-9', () => {
    const { history } = runInversion(densityProblem({ components: 1, iterations: 120 }), gaussianLogDensity);
    const last = history.at(-1)!.mixture;
    Array.from(last.means).forEach((value, i) => expect(value).toBeCloseTo(GAUSSIAN.mean[i], 9));
    Array.from(last.covariances).forEach((value, i) => expect(value).toBeCloseTo(GAUSSIAN.cov[i], 9));
  });

  it('a likelihood gets the file prior added: the product of two Gaussians', () => {
    // L = N(θ; (1, −2), Σ) and the prior N(0, 2² I): the posterior precision is Σ⁻¹ + I/4.
    const { history } = runInversion(densityProblem({ components: 1, iterations: 120 }, {}, 'likelihood'), gaussianLogDensity);
    const [s11, s12, , s22] = GAUSSIAN.cov;
    const det = s11 * s22 - s12 * s12;
    const p = [s22 / det + 0.25, -s12 / det, -s12 / det, s11 / det + 0.25];
    const pdet = p[0] * p[3] - p[1] * p[2];
    const cov = [p[3] / pdet, -p[1] / pdet, -p[2] / pdet, p[0] / pdet];
    const shift = [(s22 * GAUSSIAN.mean[0] - s12 * GAUSSIAN.mean[1]) / det, (-s12 * GAUSSIAN.mean[0] + s11 * GAUSSIAN.mean[1]) / det];
    const mean = [cov[0] * shift[0] + cov[1] * shift[1], cov[2] * shift[0] + cov[3] * shift[1]];
    const last = history.at(-1)!.mixture;
    Array.from(last.means).forEach((value, i) => expect(value).toBeCloseTo(mean[i], 9));
    Array.from(last.covariances).forEach((value, i) => expect(value).toBeCloseTo(cov[i], 9));
  });
});

describe('dfgmvi as a run', () => {
  const problem = () => densityProblem({ components: 4, iterations: 12 });

  it('evaluates K·(2d+1) sigma points per iteration, labelled by component', () => {
    const inversion = createInversion(problem());
    expect(inversion.evaluationsPerIteration).toBe(4 * 5);
    const labels = inversion.ask().points.map((point) => point.label);
    expect(labels[0]).toEqual({ kind: 'sigma-point', component: 0, sigmaPoint: 0 });
    expect(labels[19]).toEqual({ kind: 'sigma-point', component: 3, sigmaPoint: 4 });
    const { history, forwardCalls } = runInversion(problem(), gaussianLogDensity);
    expect(forwardCalls).toBe(20 * 12);
    expect(history.map((record) => record.forwardEvaluations)).toEqual(history.map((_, n) => 20 * n));
  });

  it('continues bit for bit from any stored iteration', () => {
    const full = runInversion(problem(), gaussianLogDensity).history;
    for (const from of [1, 7]) {
      const resumed = runInversion(problem(), gaussianLogDensity, full[from]).history;
      expect(resumed.length + from).toBe(full.length);
      const [a, b] = [resumed.at(-1)!.mixture, full.at(-1)!.mixture];
      expect(bytesOf(a.means)).toEqual(bytesOf(b.means));
      expect(bytesOf(a.covariances)).toEqual(bytesOf(b.covariances));
      expect(bytesOf(a.logWeights)).toEqual(bytesOf(b.logWeights));
    }
  });

  it('a bounded parameter: the posterior in θ is carried to u with the Jacobian (log-normal in θ = Gaussian in u)', () => {
    // π(θ) = LogNormal(θ1; 0.3, 0.5²) × N(θ2; 0, 1): with θ1 = e^u, the density of u is N(0.3, 0.5²).
    const bounded = densityProblem(
      { components: 1, iterations: 120 },
      {
        parameters: [
          { name: 'a', prior: { mean: 1.5, std: 1, lower: 0 } },
          { name: 'b', prior: { mean: 0, std: 2 } },
        ],
      },
    );
    const logNormal = ([a, b]: readonly number[]): number[] => [-Math.log(a) - (Math.log(a) - 0.3) ** 2 / (2 * 0.25) - (b * b) / 2];
    const last = runInversion(bounded, logNormal).history.at(-1)!.mixture;
    expect(last.means[0]).toBeCloseTo(0.3, 9);
    expect(last.covariances[0]).toBeCloseTo(0.25, 9);
  });

  it('refuses a log density of −∞ at a sigma point, naming the point and θ', () => {
    const inversion = createInversion(densityProblem({ components: 2, iterations: 3 }));
    const batch = inversion.ask();
    const outputs = batch.points.map((point, i) => (i === 3 ? [Number.NEGATIVE_INFINITY] : gaussianLogDensity(point.theta)));
    expect(() => inversion.tell(outputs)).toThrow(ModelOutputError);
    expect(() => inversion.tell(outputs)).toThrow(
      /^iteration 1, component 0, sigma point 3: the model returned −Infinity \(zero density\): dfgmvi needs a finite log density at every sigma point .* at θ = \(a = /,
    );
  });
});
