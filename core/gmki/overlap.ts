/**
 * Overlap and merging of the components of any Gaussian mixture: used by gmki-robust's duplicate
 * detection (robust/structure.ts) and by the run diagnostics (core/results/diagnostics.ts).
 */
import { choleskyWithJitter, logDetFromCholesky, solveLowerInPlace } from '../linalg/dense';
import type { Mixture } from './state';

/** Pairwise Bhattacharyya coefficients of a mixture's components. */
export interface OverlapTable {
  /** BC(i, j) ∈ (0, 1], K×K row-major, 1 on the diagonal. */
  readonly coefficients: Float64Array;
  readonly nComponents: number;
}

/**
 * Bhattacharyya coefficient BC = exp(−D_B) of every pair, with
 * D_B = ⅛ Δᵀ C̄⁻¹ Δ + ½ log(det C̄ / √(det C_i det C_j)), C̄ = (C_i + C_j)/2, Δ = m_i − m_j
 * (Bhattacharyya 1943; Kailath, IEEE Trans. Commun. Technol. 15(1), 1967). BC = 1 for identical
 * Gaussians; BC > 0.5 means the two describe the same region (equal covariances: means less than
 * 2.4 standard deviations apart). Scale-free, so it works for any parameter units.
 */
export function overlapTable(mixture: Mixture): OverlapTable {
  const { nComponents: K, nTheta: d } = mixture;
  const logDets = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const factor = choleskyWithJitter(mixture.covariances.subarray(k * d * d, (k + 1) * d * d), d, `covariance of component ${k}`).factor;
    logDets[k] = logDetFromCholesky(factor, d);
  }
  const coefficients = new Float64Array(K * K);
  const average = new Float64Array(d * d);
  for (let i = 0; i < K; i++) {
    coefficients[i * K + i] = 1;
    for (let j = i + 1; j < K; j++) {
      for (let e = 0; e < d * d; e++) average[e] = 0.5 * (mixture.covariances[i * d * d + e] + mixture.covariances[j * d * d + e]);
      const factor = choleskyWithJitter(average, d, `average covariance of components ${i} and ${j}`).factor;
      const delta = new Float64Array(d);
      for (let r = 0; r < d; r++) delta[r] = mixture.means[i * d + r] - mixture.means[j * d + r];
      solveLowerInPlace(factor, d, delta);
      let q = 0;
      for (let r = 0; r < d; r++) q += delta[r] * delta[r];
      const distance = q / 8 + 0.5 * (logDetFromCholesky(factor, d) - 0.5 * (logDets[i] + logDets[j]));
      const bc = Math.exp(-distance);
      coefficients[i * K + j] = bc;
      coefficients[j * K + i] = bc;
    }
  }
  return { coefficients, nComponents: K };
}

/**
 * Moment-matched merge of component `drop` into `keep`, in place (Salmond, "Mixture reduction
 * algorithms for target tracking in clutter", Proc. SPIE 1305, 1990; Runnalls, IEEE TAES 43(3),
 * 2007): w = w₁ + w₂, m = (w₁m₁ + w₂m₂)/w, C = Σ (wᵢ/w)(Cᵢ + (mᵢ − m)(mᵢ − m)ᵀ). The pair's mixture and
 * the merged Gaussian have the same mass, mean and covariance.
 * @param weights plain weights, K (drop's becomes 0)
 * @param means K×d, covariances K×d×d, edited in place
 */
export function mergeComponents(weights: number[], means: Float64Array, covariances: Float64Array, nTheta: number, keep: number, drop: number): void {
  const d = nTheta;
  const total = weights[keep] + weights[drop];
  const a = weights[keep] / total;
  const b = weights[drop] / total;
  const mKeep = means.slice(keep * d, (keep + 1) * d);
  const mDrop = means.slice(drop * d, (drop + 1) * d);
  const merged = Float64Array.from(mKeep, (x, r) => a * x + b * mDrop[r]);
  const cKeep = keep * d * d;
  const cDrop = drop * d * d;
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      const fromKeep = covariances[cKeep + r * d + c] + (mKeep[r] - merged[r]) * (mKeep[c] - merged[c]);
      const fromDrop = covariances[cDrop + r * d + c] + (mDrop[r] - merged[r]) * (mDrop[c] - merged[c]);
      covariances[cKeep + r * d + c] = a * fromKeep + b * fromDrop;
    }
  means.set(merged, keep * d);
  weights[keep] = total;
  weights[drop] = 0;
}
