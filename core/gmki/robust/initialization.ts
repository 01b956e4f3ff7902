/**
 * Space-filling initial means for gmki-robust: a Latin hypercube in the prior's standard-normal
 * coordinates (McKay, Beckman & Conover, "A comparison of three methods for selecting values of
 * input variables in the analysis of output from a computer code", Technometrics 21(2), 1979).
 * Each coordinate's K values fall one in each of K equal-probability strata of N(0, 1), so no
 * half-space of a coordinate is left empty by chance as iid draws may leave it; which component
 * ends on which mode depends on the side of each saddle its mean starts on.
 */
import type { RandomStream } from '../../random/random';

/**
 * K points (K×d, row-major) with standard-normal marginals: z[k, r] = Φ⁻¹((π_r(k) + u) / K) with π_r
 * a uniformly random permutation of 0..K−1 per coordinate and u ~ U(0, 1).
 */
export function latinHypercubeNormals(nPoints: number, nTheta: number, random: RandomStream): Float64Array {
  const K = nPoints;
  const z = new Float64Array(K * nTheta);
  const permutation = new Int32Array(K);
  for (let r = 0; r < nTheta; r++) {
    for (let i = 0; i < K; i++) permutation[i] = i;
    for (let i = K - 1; i > 0; i--) {
      const j = Math.floor(random.uniform() * (i + 1)); // Fisher–Yates
      const t = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = t;
    }
    for (let k = 0; k < K; k++) z[k * nTheta + r] = inverseNormalCdf((permutation[k] + random.uniform()) / K);
  }
  return z;
}

/**
 * Φ⁻¹(p) for p ∈ (0, 1) by Acklam's rational approximation (relative error < 1.2e-9), enough
 * for placing initial means; p = 0 or 1 gives ∓∞ (uniform() < 1 never gives 1; 0 has probability 2^-53).
 */
export function inverseNormalCdf(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const e = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((e[0] * q + e[1]) * q + e[2]) * q + e[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
