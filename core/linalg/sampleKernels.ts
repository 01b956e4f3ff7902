/**
 * The two hot kernels of the exploration step (`gmki-algorithm.md` §3a), hand-written on
 * row-major Float64Array because they dominate GMKI's own cost, O(K²·N_s·d²).
 *
 * The standard-normal sample matrix Ξ is stored d×N_s (row r holds coordinate r of every sample),
 * so every inner loop runs over samples, contiguously.
 */

/**
 * Adds ‖v + T ξ_j‖² to out[j] for every sample j, for lower-triangular T (d×d).
 * Rows of T are processed two at a time so that each row of Ξ is read once per pair.
 * @param t d×d lower triangular
 * @param v d
 * @param xi d×N_s
 * @param out N_s, accumulated into
 * @param rowBuffer scratch of length 2·N_s
 */
export function addShiftedSquaredNorms(
  t: Float64Array,
  v: Float64Array,
  xi: Float64Array,
  nTheta: number,
  nSamples: number,
  out: Float64Array,
  rowBuffer: Float64Array,
): void {
  const d = nTheta;
  const n = nSamples;
  const z0 = rowBuffer.subarray(0, n);
  const z1 = rowBuffer.subarray(n, 2 * n);
  let r = 0;
  for (; r + 1 < d; r += 2) {
    z0.fill(v[r]);
    z1.fill(v[r + 1]);
    const row0 = r * d;
    const row1 = (r + 1) * d;
    for (let c = 0; c <= r; c++) {
      const a0 = t[row0 + c];
      const a1 = t[row1 + c];
      const off = c * n;
      for (let j = 0; j < n; j++) {
        const x = xi[off + j];
        z0[j] += a0 * x;
        z1[j] += a1 * x;
      }
    }
    const a1 = t[row1 + r + 1];
    const off = (r + 1) * n;
    for (let j = 0; j < n; j++) {
      const last = z1[j] + a1 * xi[off + j];
      out[j] += z0[j] * z0[j] + last * last;
    }
  }
  if (r < d) {
    z0.fill(v[r]);
    const row = r * d;
    for (let c = 0; c <= r; c++) {
      const a = t[row + c];
      const off = c * n;
      for (let j = 0; j < n; j++) z0[j] += a * xi[off + j];
    }
    for (let j = 0; j < n; j++) out[j] += z0[j] * z0[j];
  }
}

/** Weighted first and second moments of the samples. */
export interface WeightedMoments {
  /** Σ_j s_j. */
  readonly total: number;
  /** Σ_j s_j ξ_j / Σ s (d). */
  readonly mean: Float64Array;
  /** Σ_j s_j ξ_j ξ_jᵀ / Σ s (d×d, exactly symmetric). */
  readonly secondMoment: Float64Array;
}

/**
 * Weighted mean and (uncentred) second moment of the columns of Ξ with weights s.
 * @param xi d×N_s
 * @param weights N_s, ≥ 0, not all 0
 * @param rowBuffer scratch of length N_s
 */
export function weightedSampleMoments(
  xi: Float64Array,
  weights: Float64Array,
  nTheta: number,
  nSamples: number,
  rowBuffer: Float64Array,
): WeightedMoments {
  const d = nTheta;
  const n = nSamples;
  let total = 0;
  for (let j = 0; j < n; j++) total += weights[j];
  const mean = new Float64Array(d);
  const second = new Float64Array(d * d);
  const weighted = rowBuffer.subarray(0, n);
  for (let r = 0; r < d; r++) {
    const offR = r * n;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const value = weights[j] * xi[offR + j];
      weighted[j] = value;
      sum += value;
    }
    mean[r] = sum / total;
    // Two columns per pass: each load of weighted[j] serves two dot products.
    let c = 0;
    for (; c + 1 <= r; c += 2) {
      const off0 = c * n;
      const off1 = (c + 1) * n;
      let dot0 = 0;
      let dot1 = 0;
      for (let j = 0; j < n; j++) {
        const w = weighted[j];
        dot0 += w * xi[off0 + j];
        dot1 += w * xi[off1 + j];
      }
      second[r * d + c] = second[c * d + r] = dot0 / total;
      second[r * d + c + 1] = second[(c + 1) * d + r] = dot1 / total;
    }
    for (; c <= r; c++) {
      const off = c * n;
      let dot = 0;
      for (let j = 0; j < n; j++) dot += weighted[j] * xi[off + j];
      second[r * d + c] = second[c * d + r] = dot / total;
    }
  }
  return { total, mean, secondMoment: second };
}
