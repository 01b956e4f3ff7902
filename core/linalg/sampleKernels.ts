/**
 * The two hot kernels of the exploration step (`gmki-algorithm.md` §3a), hand-written on
 * row-major Float64Array because they dominate GMKI's own cost, O(K²·N_s·d²).
 *
 * The standard-normal sample matrix Ξ is kept in two layouts: d×N_s (row r holds coordinate r of
 * every sample) for the moments, whose dot products run over samples, and N_s×d for the
 * Mahalanobis distances, which run over coordinates.
 *
 * These are the reference: wasmSampleKernels.ts performs the same operations in the same order in
 * WebAssembly SIMD (bit-identical, about eight times faster) and is used wherever it runs; these
 * are the fallback elsewhere. A change of summation order here must be made there too.
 */

/** Samples per tile of the moments kernel (shared with the WebAssembly version, whose order it fixes). */
export const MOMENTS_TILE = 256;
const TILE = MOMENTS_TILE;

/** The kernels bound to one sample matrix Ξ (d×N_s). */
export interface SampleKernels {
  readonly kind: 'webassembly' | 'javascript';
  /** out[j] += ‖v + T ξ_j‖² for every sample j; T lower triangular d×d, v of length d. */
  addShiftedSquaredNorms(t: Float64Array, v: Float64Array, out: Float64Array): void;
  /** weightedSampleMoments of Ξ with these weights (N_s). */
  weightedMoments(weights: Float64Array): WeightedMoments;
}

/** The JavaScript kernels for the d×N sample matrix `xi` (keeps a sample-major copy of it). */
export function createJsSampleKernels(xi: Float64Array, nTheta: number, nSamples: number): SampleKernels {
  const xiBySample = new Float64Array(nTheta * nSamples);
  for (let r = 0; r < nTheta; r++) for (let j = 0; j < nSamples; j++) xiBySample[j * nTheta + r] = xi[r * nSamples + j];
  return {
    kind: 'javascript',
    addShiftedSquaredNorms: (t, v, out) => addShiftedSquaredNorms(t, v, xiBySample, nTheta, nSamples, out),
    weightedMoments: (weights) => weightedSampleMoments(xi, weights, nTheta, nSamples),
  };
}

/**
 * Adds ‖v + T ξ_j‖² to out[j] for every sample j, for lower-triangular T (d×d).
 * Works on the sample-major copy of Ξ (N_s×d, sample j's coordinates contiguous) six samples at a
 * time: each T[r][c] is loaded once for six samples and the partial sums stay in registers, so
 * the inner loop does no stores; T (128 KB at d = 128) and six samples stay in the L1/L2 cache.
 * @param t d×d lower triangular
 * @param v d
 * @param xiBySample N_s×d
 * @param out N_s, accumulated into
 */
export function addShiftedSquaredNorms(t: Float64Array, v: Float64Array, xiBySample: Float64Array, nTheta: number, nSamples: number, out: Float64Array): void {
  const d = nTheta;
  const xs = xiBySample;
  let j = 0;
  for (; j + 5 < nSamples; j += 6) {
    const b0 = j * d;
    const b1 = b0 + d;
    const b2 = b1 + d;
    const b3 = b2 + d;
    const b4 = b3 + d;
    const b5 = b4 + d;
    let n0 = 0;
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    let n4 = 0;
    let n5 = 0;
    for (let r = 0; r < d; r++) {
      const row = r * d;
      const vr = v[r];
      let z0 = vr;
      let z1 = vr;
      let z2 = vr;
      let z3 = vr;
      let z4 = vr;
      let z5 = vr;
      for (let c = 0; c <= r; c++) {
        const a = t[row + c];
        z0 += a * xs[b0 + c];
        z1 += a * xs[b1 + c];
        z2 += a * xs[b2 + c];
        z3 += a * xs[b3 + c];
        z4 += a * xs[b4 + c];
        z5 += a * xs[b5 + c];
      }
      n0 += z0 * z0;
      n1 += z1 * z1;
      n2 += z2 * z2;
      n3 += z3 * z3;
      n4 += z4 * z4;
      n5 += z5 * z5;
    }
    out[j] += n0;
    out[j + 1] += n1;
    out[j + 2] += n2;
    out[j + 3] += n3;
    out[j + 4] += n4;
    out[j + 5] += n5;
  }
  for (; j < nSamples; j++) {
    const b = j * d;
    let norm = 0;
    for (let r = 0; r < d; r++) {
      let z = v[r];
      for (let c = 0; c <= r; c++) z += t[r * d + c] * xs[b + c];
      norm += z * z;
    }
    out[j] += norm;
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
 * Samples are walked in tiles of TILE columns, so that a d×TILE tile of Ξ (256 KB at d = 128)
 * stays in the L2 cache while every row uses it, instead of streaming all of Ξ (10 MB at
 * d = 128, N_s = 10⁴) from memory d/2 times.
 * @param xi d×N_s
 * @param weights N_s, ≥ 0, not all 0
 */
export function weightedSampleMoments(xi: Float64Array, weights: Float64Array, nTheta: number, nSamples: number): WeightedMoments {
  const d = nTheta;
  const n = nSamples;
  let total = 0;
  for (let j = 0; j < n; j++) total += weights[j];
  const sums = new Float64Array(d);
  const second = new Float64Array(d * d); // lower triangle accumulated, mirrored at the end
  const weightedA = new Float64Array(TILE);
  const weightedB = new Float64Array(TILE);
  for (let start = 0; start < n; start += TILE) {
    const width = Math.min(TILE, n - start);
    for (let r = 0; r < d; r += 2) {
      // Rows r and r+1 (r+1 may not exist when d is odd: it then repeats row r and is discarded).
      const rB = Math.min(r + 1, d - 1);
      const offA = r * n + start;
      const offB = rB * n + start;
      let sumA = 0;
      let sumB = 0;
      for (let j = 0; j < width; j++) {
        const s = weights[start + j];
        const a = s * xi[offA + j];
        const b = s * xi[offB + j];
        weightedA[j] = a;
        weightedB[j] = b;
        sumA += a;
        sumB += b;
      }
      sums[r] += sumA;
      if (rB !== r) sums[rB] += sumB;
      // A 2×4 block of W per pass: eight accumulators fed by six loads per sample.
      let c = 0;
      for (; c + 3 <= rB; c += 4) {
        const o0 = c * n + start;
        const o1 = o0 + n;
        const o2 = o1 + n;
        const o3 = o2 + n;
        let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0; // prettier-ignore
        for (let j = 0; j < width; j++) {
          const x0 = xi[o0 + j];
          const x1 = xi[o1 + j];
          const x2 = xi[o2 + j];
          const x3 = xi[o3 + j];
          const p = weightedA[j];
          const q = weightedB[j];
          a0 += p * x0;
          a1 += p * x1;
          a2 += p * x2;
          a3 += p * x3;
          b0 += q * x0;
          b1 += q * x1;
          b2 += q * x2;
          b3 += q * x3;
        }
        const rowA = r * d + c;
        const rowB = rB * d + c;
        second[rowA] += a0;
        second[rowA + 1] += a1;
        second[rowA + 2] += a2;
        second[rowA + 3] += a3;
        if (rB !== r) {
          second[rowB] += b0;
          second[rowB + 1] += b1;
          second[rowB + 2] += b2;
          second[rowB + 3] += b3;
        }
      }
      for (; c <= rB; c++) {
        const o = c * n + start;
        let a = 0;
        let b = 0;
        for (let j = 0; j < width; j++) {
          const x = xi[o + j];
          a += weightedA[j] * x;
          b += weightedB[j] * x;
        }
        second[r * d + c] += a;
        if (rB !== r) second[rB * d + c] += b;
      }
    }
  }
  const mean = sums.map((s) => s / total);
  // Entries above the diagonal of row r (c = r + 1) were accumulated too; the lower triangle wins.
  for (let r = 0; r < d; r++)
    for (let c = 0; c <= r; c++) {
      const value = second[r * d + c] / total;
      second[r * d + c] = value;
      second[c * d + r] = value;
    }
  return { total, mean, secondMoment: second };
}
