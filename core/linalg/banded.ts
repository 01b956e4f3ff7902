/**
 * Symmetric positive definite band matrices: Cholesky factorisation and solve in band storage
 * (LAPACK's dpbtrf/dpbtrs idea, lower form). A finite-difference operator on an m×m grid
 * numbered row by row has half-bandwidth m, so its Cholesky factor fits in n·(m+1) numbers and
 * costs ≈ n·m²/2 multiply-adds — the direct solver of the Darcy example (core/problem/darcy-model.ts).
 *
 * Layout: `band[i * (b + 1) + (j − i + b)]` holds entry (i, j) of the lower triangle for
 * i − b ≤ j ≤ i, so each row's band is contiguous and ends with its diagonal; entries with
 * j < 0 are unused.
 */
import { NotPositiveDefiniteError } from './dense';

/** An n×n symmetric matrix with half-bandwidth b in lower band storage (see the file comment). */
export interface BandMatrix {
  readonly n: number;
  readonly bandwidth: number;
  readonly band: Float64Array;
}

/** A zero n×n band matrix with half-bandwidth b. */
export function zeroBandMatrix(n: number, bandwidth: number): BandMatrix {
  return { n, bandwidth, band: new Float64Array(n * (bandwidth + 1)) };
}

/** Position of entry (i, j), i − b ≤ j ≤ i, in the band array. */
export function bandIndex(matrix: BandMatrix, i: number, j: number): number {
  return i * (matrix.bandwidth + 1) + j - i + matrix.bandwidth;
}

/**
 * Overwrites the band with its lower Cholesky factor L (A = L Lᵀ), row by row:
 * L_ij = (A_ij − Σ_{k<j} L_ik L_jk) / L_jj, L_ii = √(A_ii − Σ_{k<i} L_ik²), the sums running
 * over the band only (L inherits A's band).
 * @throws NotPositiveDefiniteError naming `what` when a pivot is not positive
 */
export function choleskyBandInPlace(matrix: BandMatrix, what: string): void {
  const { n, bandwidth: b, band } = matrix;
  const width = b + 1;
  for (let i = 0; i < n; i++) {
    const rowI = i * width - i + b; // band position of (i, j) = rowI + j
    const first = Math.max(0, i - b);
    for (let j = first; j <= i; j++) {
      const rowJ = j * width - j + b;
      let sum = band[rowI + j];
      for (let k = first; k < j; k++) sum -= band[rowI + k] * band[rowJ + k];
      if (j < i) {
        band[rowI + j] = sum / band[rowJ + j];
      } else {
        if (!(sum > 0)) throw new NotPositiveDefiniteError(what, `pivot ${sum} at row ${i} of ${n}`);
        band[rowI + i] = Math.sqrt(sum);
      }
    }
  }
}

/** Solves L Lᵀ x = rhs in place with the factor from `choleskyBandInPlace`; returns rhs. */
export function solveCholeskyBandInPlace(factor: BandMatrix, rhs: Float64Array): Float64Array {
  const { n, bandwidth: b, band } = factor;
  const width = b + 1;
  for (let i = 0; i < n; i++) {
    const rowI = i * width - i + b;
    let sum = rhs[i];
    for (let k = Math.max(0, i - b); k < i; k++) sum -= band[rowI + k] * rhs[k];
    rhs[i] = sum / band[rowI + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    const rowI = i * width - i + b;
    const xi = rhs[i] / band[rowI + i];
    rhs[i] = xi;
    // Column i of Lᵀ is row i of L: subtract its contribution from the earlier unknowns.
    for (let k = Math.max(0, i - b); k < i; k++) rhs[k] -= band[rowI + k] * xi;
  }
  return rhs;
}
