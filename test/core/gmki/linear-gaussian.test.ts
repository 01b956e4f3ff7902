/**
 * VT-1, VT-2, VT-3 of gmki-algorithm.md §8: on linear-Gaussian problems GMKI with K = 1 is a
 * tempered Kalman iteration with a closed form, P_{n+1} = (1−Δt)P_n + Δt P_post and
 * h_{n+1} = (1−Δt)h_n + Δt h_post for the precision P = C⁻¹ and h = C⁻¹m.
 */
import { describe, expect, it } from 'vitest';
import { inverse, Matrix } from 'ml-matrix';
import { createInversion } from '../../../core/inversion';
import { diag, simpleProblem } from '../../support/problems';
import { runInversion } from '../../support/runInversion';

const A = [
  [1, 2],
  [0, 1],
  [1, -1],
];
const y = [1, 0.5, -0.3];
const noiseCov = diag([0.01, 0.01, 0.01]);
const r0 = [0.5, -0.3];
const priorCov = diag([1, 2]);
const linearModel = (theta: readonly number[]) => A.map((row) => row[0] * theta[0] + row[1] * theta[1]);

function vt1Problem(exploration: 'disjoint' | 'monte-carlo', iterations: number) {
  return simpleProblem({
    priorMean: r0,
    priorCovariance: priorCov,
    observations: y,
    noiseCovariance: noiseCov,
    settings: {
      components: 1,
      iterations,
      exploration: exploration === 'disjoint' ? { method: 'disjoint' } : { method: 'monte-carlo', samples: 10_000 },
      initialization: { type: 'explicit', weights: [1], means: [[0, 0]], covariances: [diag([1, 1])] },
    },
  });
}

/** VT-2's case: d = 1, G = identity, prior N(0, 1), y = 1, Σ_η = 1, start m = 0, C = 1. */
function scalarProblem(exploration: 'disjoint' | 'monte-carlo', iterations: number) {
  return simpleProblem({
    priorMean: [0],
    priorCovariance: [[1]],
    observations: [1],
    noiseCovariance: [[1]],
    settings: {
      components: 1,
      iterations,
      exploration: exploration === 'disjoint' ? { method: 'disjoint' } : { method: 'monte-carlo', samples: 10_000 },
      initialization: { type: 'explicit', weights: [1], means: [[0]], covariances: [[[1]]] },
    },
  });
}

/** The exact iterates (m_n, C_n), n = 0..N, from the precision recursion. */
function closedFormIterates(n: number, dt: number): { mean: number[]; cov: number[][] }[] {
  const a = new Matrix(A);
  const noisePrecision = inverse(new Matrix(noiseCov));
  const priorPrecision = inverse(new Matrix(priorCov));
  const pPost = a.transpose().mmul(noisePrecision).mmul(a).add(priorPrecision);
  const hPost = a
    .transpose()
    .mmul(noisePrecision)
    .mmul(Matrix.columnVector(y))
    .add(priorPrecision.mmul(Matrix.columnVector(r0)));
  let p = Matrix.eye(2);
  let h = Matrix.zeros(2, 1);
  const iterates = [];
  for (let i = 0; i <= n; i++) {
    const cov = inverse(p);
    iterates.push({ mean: cov.mmul(h).to1DArray(), cov: cov.to2DArray() });
    p = p.mul(1 - dt).add(pPost.clone().mul(dt));
    h = h.mul(1 - dt).add(hPost.clone().mul(dt));
  }
  return iterates;
}

function expectRelativelyClose(actual: ArrayLike<number>, expected: readonly number[], tolerance: number): void {
  const scale = Math.max(...expected.map(Math.abs), Number.MIN_VALUE);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]) / scale).toBeLessThan(tolerance);
}

describe('VT-1: linear-Gaussian, K = 1, disjoint exploration', () => {
  const { history } = runInversion(vt1Problem('disjoint', 40), linearModel);
  const exact = closedFormIterates(40, 0.5);

  it('matches the closed-form precision recursion at every iterate to 1e-9', () => {
    for (let n = 0; n <= 40; n++) {
      expectRelativelyClose(history[n].mixture.means, exact[n].mean, 1e-9);
      expectRelativelyClose(history[n].mixture.covariances, exact[n].cov.flat(), 1e-9);
    }
  });

  it('reproduces the listed iterates of the specification', () => {
    expectRelativelyClose(history[1].mixture.means, [0.129330601, 0.443752186], 1e-8);
    expect(history[1].mixture.covariances[0]).toBeCloseTo(0.0107889474, 9);
    expect(history[1].mixture.covariances[1]).toBeCloseTo(-0.0017936737, 9);
    expect(history[1].mixture.covariances[3]).toBeCloseTo(0.0036232209, 9);
    expect(history[10].mixture.covariances[0]).toBeCloseTo(0.0054298194, 9);
  });

  it('reaches the exact posterior by iteration 40', () => {
    expectRelativelyClose(history[40].mixture.means, [0.1296313025, 0.444441082], 1e-9);
    expectRelativelyClose(history[40].mixture.covariances, [0.0054245464, -0.0009033383, -0.0009033383, 0.00181571], 1e-8);
    expectRelativelyClose(history[40].mixture.covariances, exact[40].cov.flat(), 1e-12);
  });
});

describe('VT-2: the hand-checkable scalar step', () => {
  const problem = scalarProblem('disjoint', 3);

  it('evaluates at the sigma points {0, ±√2} in the first iteration', () => {
    const points = createInversion(problem)
      .ask()
      .points.map((p) => p.theta[0]);
    expect(points[0]).toBe(0);
    expect(points[1]).toBeCloseTo(Math.SQRT2, 12);
    expect(points[2]).toBeCloseTo(-Math.SQRT2, 12);
  });

  it('gives m_n = (2^n − 1)/(2^{n+1} − 1) and C_n = 2^n/(2^{n+1} − 1) to 1e-12', () => {
    const { history } = runInversion(problem, (theta) => [theta[0]]);
    for (let n = 1; n <= 3; n++) {
      expect(Math.abs(history[n].mixture.means[0] - (2 ** n - 1) / (2 ** (n + 1) - 1))).toBeLessThan(1e-12);
      expect(Math.abs(history[n].mixture.covariances[0] - 2 ** n / (2 ** (n + 1) - 1))).toBeLessThan(1e-12);
    }
  });
});

describe('VT-3: the linear-Gaussian cases with Monte Carlo exploration', () => {
  it('converges within 3 % of the posterior std (mean) and 3 % Frobenius (covariance), 2-D case', () => {
    const { history } = runInversion(vt1Problem('monte-carlo', 40), linearModel);
    const exact = closedFormIterates(40, 0.5)[40];
    const { means, covariances } = history[40].mixture;
    for (let i = 0; i < 2; i++) {
      const std = Math.sqrt(exact.cov[i][i]);
      expect(Math.abs(means[i] - exact.mean[i]) / std).toBeLessThan(0.03);
    }
    const flat = exact.cov.flat();
    const diff = Math.hypot(...flat.map((c, i) => covariances[i] - c));
    expect(diff / Math.hypot(...flat)).toBeLessThan(0.03);
  });

  it('converges within 3 % in the scalar case', () => {
    const problem = scalarProblem('monte-carlo', 40);
    const { history } = runInversion(problem, (theta) => [theta[0]]);
    const final = history[40].mixture;
    expect(Math.abs(final.means[0] - 0.5) / Math.sqrt(0.5)).toBeLessThan(0.03);
    expect(Math.abs(final.covariances[0] - 0.5) / 0.5).toBeLessThan(0.03);
  });
});
