/**
 * Checks of the matrices in a problem file (noise covariance, prior correlation, initial
 * covariances): size, symmetry, unit diagonal, positive definiteness. Messages name the
 * smallest eigenvalue (ml-matrix's symmetric eigen-solver) so that the user sees how far off
 * the matrix is, e.g. `expected a symmetric positive definite 3×3 matrix, got a matrix with eigenvalue -0.2`.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { ProblemError } from './types';
import type { JsonPath } from './describe';
import { formatComputed, formatPath } from './describe';
import { choleskyLower } from '../linalg/dense';

/** Symmetry tolerance, relative to the largest entry: JSON written by other programs may round. */
const SYMMETRY_TOLERANCE = 1e-10;

/** The smallest eigenvalue of a symmetric matrix (given as rows). */
export function smallestEigenvalue(rows: readonly (readonly number[])[]): number {
  const decomposition = new EigenvalueDecomposition(new Matrix(rows.map((r) => [...r])), { assumeSymmetric: true });
  return Math.min(...decomposition.realEigenvalues);
}

/** Row-major Float64Array of a square matrix, symmetrised ((A + Aᵀ)/2) so later Cholesky sees exact symmetry. */
export function toSymmetricArray(rows: readonly (readonly number[])[]): Float64Array {
  const n = rows.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = 0.5 * (rows[i][j] + rows[j][i]);
  return out;
}

/** Options of `checkSpdMatrix`. */
export interface SpdCheckOptions {
  /** Require ones on the diagonal (a correlation matrix). */
  readonly unitDiagonal?: boolean;
}

/**
 * Errors of a matrix that must be an n×n symmetric positive definite matrix (a correlation
 * matrix with `unitDiagonal`); an empty list when it is one. Sizes are checked first; symmetry
 * and definiteness only on a matrix of the right size.
 */
export function checkSpdMatrix(rows: readonly (readonly number[])[], n: number, path: JsonPath, options: SpdCheckOptions = {}): ProblemError[] {
  const what = options.unitDiagonal ? `a ${n}×${n} correlation matrix (symmetric, unit diagonal, positive definite)` : `a symmetric positive definite ${n}×${n} matrix`;
  const at = formatPath(path);
  if (rows.length !== n) return [{ path: at, message: `expected ${what}, got ${rows.length} row${rows.length === 1 ? '' : 's'}` }];
  const errors: ProblemError[] = [];
  rows.forEach((row, i) => {
    if (row.length !== n) errors.push({ path: formatPath([...path, i]), message: `expected a row of ${n} numbers, got ${row.length}` });
  });
  if (errors.length > 0) return errors;

  let largest = 0;
  for (const row of rows) for (const x of row) largest = Math.max(largest, Math.abs(x));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(rows[i][j] - rows[j][i]) > SYMMETRY_TOLERANCE * largest) {
        return [{ path: at, message: `expected ${what}, got a non-symmetric matrix ([${i}][${j}] = ${rows[i][j]} but [${j}][${i}] = ${rows[j][i]})` }];
      }
    }
  }
  if (options.unitDiagonal) {
    for (let i = 0; i < n; i++) {
      if (rows[i][i] !== 1) errors.push({ path: formatPath([...path, i, i]), message: `expected 1 (the diagonal of a correlation matrix), got ${rows[i][i]}` });
    }
    if (errors.length > 0) return errors;
  }
  const minimum = smallestEigenvalue(rows);
  if (!(minimum > 0)) return [{ path: at, message: `expected ${what}, got a matrix with eigenvalue ${formatComputed(minimum)}` }];
  // Positive eigenvalues that are tiny next to the others can still break Cholesky in doubles;
  // the engine needs the factor, so such a matrix is rejected here rather than mid-run.
  if (!choleskyLower(toSymmetricArray(rows), n)) {
    return [{ path: at, message: `expected ${what}, got a numerically singular matrix (smallest eigenvalue ${formatComputed(minimum)})` }];
  }
  return [];
}
