/**
 * A Gaussian mixture and the state of a GMKI run: plain data (Float64Array buffers, row-major),
 * structured-cloneable to a worker and convertible to JSON.
 */

/** K weighted Gaussians in R^d. */
export interface Mixture {
  readonly nComponents: number;
  readonly nTheta: number;
  /** log w_k, normalised so that Σ exp = 1. Shape K. */
  readonly logWeights: Float64Array;
  /** m_k. Shape K×d. */
  readonly means: Float64Array;
  /** C_k. Shape K×d×d, each symmetric positive definite. */
  readonly covariances: Float64Array;
}

/** The mixture after `iteration` GMKI iterations (0 = the initial mixture). */
export interface GmkiState {
  readonly iteration: number;
  readonly mixture: Mixture;
}

/** Mean of component k as a view (no copy). */
export function componentMean(mixture: Mixture, k: number): Float64Array {
  const d = mixture.nTheta;
  return mixture.means.subarray(k * d, (k + 1) * d);
}

/** Covariance of component k as a view (no copy). */
export function componentCovariance(mixture: Mixture, k: number): Float64Array {
  const d = mixture.nTheta;
  return mixture.covariances.subarray(k * d * d, (k + 1) * d * d);
}

/** Weights w_k = exp(log w_k) as plain numbers. */
export function mixtureWeights(mixture: Mixture): number[] {
  return Array.from(mixture.logWeights, Math.exp);
}

/** The mixture as nested arrays, as written in `mixture.json` (`problem-format.md` §4). */
export function mixtureToJson(mixture: Mixture): {
  weights: number[];
  means: number[][];
  covariances: number[][][];
} {
  const d = mixture.nTheta;
  const means: number[][] = [];
  const covariances: number[][][] = [];
  for (let k = 0; k < mixture.nComponents; k++) {
    means.push(Array.from(componentMean(mixture, k)));
    const cov = componentCovariance(mixture, k);
    const rows: number[][] = [];
    for (let i = 0; i < d; i++) rows.push(Array.from(cov.subarray(i * d, (i + 1) * d)));
    covariances.push(rows);
  }
  return { weights: mixtureWeights(mixture), means, covariances };
}

/** Builds a mixture from nested arrays (weights need not be normalised; they are). */
export function mixtureFromJson(json: {
  weights: readonly number[];
  means: readonly (readonly number[])[];
  covariances: readonly (readonly (readonly number[])[])[];
}): Mixture {
  const nComponents = json.weights.length;
  const nTheta = json.means[0]?.length ?? 0;
  const total = json.weights.reduce((a, b) => a + b, 0);
  return {
    nComponents,
    nTheta,
    logWeights: Float64Array.from(json.weights, (w) => Math.log(w / total)),
    means: Float64Array.from(json.means.flat()),
    covariances: Float64Array.from(json.covariances.flat(2)),
  };
}
