/**
 * Dense linear algebra on row-major Float64Array matrices (`a[i * n + j]` is row i, column j).
 *
 * Kernels trust their inputs (shapes are the caller's business, as in BLAS); numerical hygiene —
 * Cholesky with recorded jitter, log-determinants from the Cholesky diagonal, log-sum-exp —
 * lives here once so that the algorithm code never repeats it.
 */

/** Raised when a matrix that must be symmetric positive definite is not, even after jitter. */
export class NotPositiveDefiniteError extends Error {
  constructor(
    readonly what: string,
    readonly detail: string,
  ) {
    super(`${what} is not positive definite (${detail})`);
    this.name = 'NotPositiveDefiniteError';
  }
}

/**
 * Lower Cholesky factor L (n×n, zeros above the diagonal) with a + shift·I = L Lᵀ, reading the
 * lower triangle of a. Returns null when a pivot is not positive (a is not positive definite).
 */
export function choleskyLower(a: Float64Array, n: number, shift = 0): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let pivot = a[rowJ + j] + shift;
    for (let k = 0; k < j; k++) pivot -= l[rowJ + k] * l[rowJ + k];
    if (!(pivot > 0)) return null; // also catches NaN
    const ljj = Math.sqrt(pivot);
    l[rowJ + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let sum = a[rowI + j];
      for (let k = 0; k < j; k++) sum -= l[rowI + k] * l[rowJ + k];
      l[rowI + j] = sum / ljj;
    }
  }
  return l;
}

/** A Cholesky factor and the diagonal shift that was needed to obtain it (0 almost always). */
export interface JitteredCholesky {
  readonly factor: Float64Array;
  readonly jitter: number;
}

/**
 * Cholesky factor of a symmetric positive (semi-)definite matrix that round-off may have pushed
 * slightly indefinite. Tries a as is, then a + ε·I with ε growing tenfold from 1e-12 to 1e-6 times
 * the mean diagonal; the ε used is returned so that it can be recorded in the diagnostics.
 * @throws NotPositiveDefiniteError naming `what` when even the largest jitter fails
 */
export function choleskyWithJitter(a: Float64Array, n: number, what: string): JitteredCholesky {
  const exact = choleskyLower(a, n);
  if (exact) return { factor: exact, jitter: 0 };
  let meanDiagonal = 0;
  for (let i = 0; i < n; i++) meanDiagonal += Math.abs(a[i * n + i]) / n;
  const scale = meanDiagonal > 0 && Number.isFinite(meanDiagonal) ? meanDiagonal : 1;
  for (let exponent = -12; exponent <= -6; exponent++) {
    const jitter = scale * 10 ** exponent;
    const factor = choleskyLower(a, n, jitter);
    if (factor) return { factor, jitter };
  }
  throw new NotPositiveDefiniteError(what, `Cholesky failed even with a diagonal jitter of ${scale * 1e-6}`);
}

/** log det(L Lᵀ) = 2 Σ log L_ii for a Cholesky factor L. */
export function logDetFromCholesky(l: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.log(l[i * n + i]);
  return 2 * sum;
}

/** Solves L x = b in place (forward substitution); L lower triangular n×n. */
export function solveLowerInPlace(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    const row = i * n;
    for (let k = 0; k < i; k++) sum -= l[row + k] * b[k];
    b[i] = sum / l[row + i];
  }
  return b;
}

/** Solves Lᵀ x = b in place (back substitution); L lower triangular n×n. */
export function solveLowerTransposeInPlace(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * b[k];
    b[i] = sum / l[i * n + i];
  }
  return b;
}

/** Solves (L Lᵀ) x = b in place for a Cholesky factor L. */
export function solveCholeskyInPlace(l: Float64Array, n: number, b: Float64Array): Float64Array {
  return solveLowerTransposeInPlace(l, n, solveLowerInPlace(l, n, b));
}

/** bᵀ (L Lᵀ)⁻¹ b = ||L⁻¹ b||² for a Cholesky factor L. */
export function mahalanobisSquared(l: Float64Array, n: number, b: Float64Array): number {
  const z = solveLowerInPlace(l, n, Float64Array.from(b));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += z[i] * z[i];
  return sum;
}

/** L⁻¹ for lower-triangular L (the inverse is lower triangular too). */
export function invertLower(l: Float64Array, n: number): Float64Array {
  const inv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    inv[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= l[i * n + k] * inv[k * n + j];
      inv[i * n + j] = sum / l[i * n + i];
    }
  }
  return inv;
}

/** A B for lower-triangular A and B (n×n); the product is lower triangular, so only that is computed. */
export function multiplyLower(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = j; k <= i; k++) sum += a[i * n + k] * b[k * n + j];
      out[i * n + j] = sum;
    }
  }
  return out;
}

/** A Aᵀ for A (n×m); exactly symmetric. */
export function multiplyByOwnTranspose(a: Float64Array, n: number, m: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = 0; k < m; k++) sum += a[i * m + k] * a[j * m + k];
      out[i * n + j] = sum;
      out[j * n + i] = sum;
    }
  }
  return out;
}

/** log Σ exp(values), stable for any finite input (−∞ entries are allowed). */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i] - max);
  return max + Math.log(sum);
}
