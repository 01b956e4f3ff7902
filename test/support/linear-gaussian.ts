/**
 * The linear-Gaussian problem of VT-1 (`gmki-algorithm.md` §8; test/core/gmki/linear-gaussian.test.ts)
 * and its closed forms: the posterior, and the tempered precision recursion
 * P_{n+1} = (1 − Δt)P_n + Δt·P_post, h_{n+1} = (1 − Δt)h_n + Δt·h_post (P = C⁻¹, h = C⁻¹m) that
 * GMKI with K = 1 and UKI follow exactly.
 */
import { CholeskyDecomposition, inverse, Matrix } from 'ml-matrix';
import type { ResolvedProblem, RunSettings } from '../../core/problem/types';
import { diag, simpleProblem } from './problems';

export const LINEAR_A = [
  [1, 2],
  [0, 1],
  [1, -1],
];
export const LINEAR_Y = [1, 0.5, -0.3];
export const LINEAR_NOISE_COV = diag([0.01, 0.01, 0.01]);
export const LINEAR_PRIOR_MEAN = [0.5, -0.3];
export const LINEAR_PRIOR_COV = diag([1, 2]);

export const linearModel = (theta: readonly number[]): number[] => LINEAR_A.map((row) => row[0] * theta[0] + row[1] * theta[1]);

export function linearProblem(settings: Partial<RunSettings>): ResolvedProblem {
  return simpleProblem({
    priorMean: LINEAR_PRIOR_MEAN,
    priorCovariance: LINEAR_PRIOR_COV,
    observations: LINEAR_Y,
    noiseCovariance: LINEAR_NOISE_COV,
    settings,
  });
}

function posteriorInformation(): { precision: Matrix; shift: Matrix } {
  const a = new Matrix(LINEAR_A);
  const noisePrecision = inverse(new Matrix(LINEAR_NOISE_COV));
  const priorPrecision = inverse(new Matrix(LINEAR_PRIOR_COV));
  return {
    precision: a.transpose().mmul(noisePrecision).mmul(a).add(priorPrecision),
    shift: a
      .transpose()
      .mmul(noisePrecision)
      .mmul(Matrix.columnVector(LINEAR_Y))
      .add(priorPrecision.mmul(Matrix.columnVector(LINEAR_PRIOR_MEAN))),
  };
}

/** The exact posterior N(mean, cov). */
export function linearPosterior(): { mean: number[]; cov: number[] } {
  const { precision, shift } = posteriorInformation();
  const cov = inverse(precision);
  return { mean: cov.mmul(shift).to1DArray(), cov: cov.to1DArray() };
}

/** The iterates (m_n, C_n), n = 0..N, of the precision recursion from N(m0, C0) with step dt. */
export function temperedIterates(n: number, dt: number, m0: readonly number[], c0: readonly (readonly number[])[]): { mean: number[]; cov: number[] }[] {
  const { precision: pPost, shift: hPost } = posteriorInformation();
  let p = inverse(new Matrix(c0.map((row) => [...row])));
  let h = p.mmul(Matrix.columnVector([...m0]));
  const iterates = [];
  for (let i = 0; i <= n; i++) {
    const cov = inverse(p);
    iterates.push({ mean: cov.mmul(h).to1DArray(), cov: cov.to1DArray() });
    p = p.mul(1 - dt).add(pPost.clone().mul(dt));
    h = h.mul(1 - dt).add(hPost.clone().mul(dt));
  }
  return iterates;
}

/** max_i |actual_i − expected_i| / max_i |expected_i|. */
export function relativeError(actual: ArrayLike<number>, expected: readonly number[]): number {
  const scale = Math.max(...expected.map(Math.abs), Number.MIN_VALUE);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / scale);
  return worst;
}

/** The exact log-evidence log p(y) = log N(y; A r0, A Σ0 Aᵀ + Σ_η). */
export function linearLogEvidence(): number {
  const a = new Matrix(LINEAR_A);
  const cov = a.mmul(new Matrix(LINEAR_PRIOR_COV)).mmul(a.transpose()).add(new Matrix(LINEAR_NOISE_COV));
  const residual = Matrix.columnVector(LINEAR_Y).sub(a.mmul(Matrix.columnVector(LINEAR_PRIOR_MEAN)));
  const factor = new CholeskyDecomposition(cov).lowerTriangularMatrix;
  let logDet = 0;
  for (let i = 0; i < cov.rows; i++) logDet += 2 * Math.log(factor.get(i, i));
  const quadratic = residual.transpose().mmul(inverse(cov)).mmul(residual).get(0, 0);
  return -0.5 * (cov.rows * Math.log(2 * Math.PI) + logDet + quadratic);
}
