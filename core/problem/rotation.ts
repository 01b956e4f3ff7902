/**
 * A reproducible random rotation for the rotated-bimodal benchmark (issue 5, problem 2): the
 * orthogonal factor Q of a standard-normal matrix drawn from a named seeded stream. Because the
 * stream is bit-identical on every machine (core/random), Q is too; it is rebuilt from its seed
 * rather than stored as 100 decimals, and its seed is written into the example's description.
 */
import { createRandomStream } from '../random/random';

/**
 * Q (n×n, row-major, orthogonal) = the Q of the QR factorisation with positive diagonal R of a
 * matrix Z with independent N(0, 1) entries drawn row by row from createRandomStream(seed, stream).
 * Positive diag R makes Q unique and Haar-distributed (Mezzadri 2007, "How to generate random
 * matrices from the classical compact groups"). Computed by modified Gram–Schmidt on Z's columns,
 * twice (re-orthogonalisation), so ‖QᵀQ − I‖ is at round-off level.
 */
export function randomOrthogonal(n: number, seed: number, stream: string): Float64Array {
  const z = createRandomStream(seed, stream).fillNormal(new Float64Array(n * n));
  const q = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let r = 0; r < n; r++) column[r] = z[r * n + j];
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < j; i++) {
        let dot = 0;
        for (let r = 0; r < n; r++) dot += q[r * n + i] * column[r];
        for (let r = 0; r < n; r++) column[r] -= dot * q[r * n + i];
      }
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += column[r] * column[r];
    norm = Math.sqrt(norm);
    for (let r = 0; r < n; r++) q[r * n + j] = column[r] / norm;
  }
  return q;
}

/** φ = Qᵀθ for Q n×n row-major: φ_j = Σ_r Q[r, j] θ_r. */
export function rotateToPhi(q: ArrayLike<number>, theta: ArrayLike<number>, n: number): number[] {
  const phi = new Array<number>(n).fill(0);
  for (let r = 0; r < n; r++) for (let j = 0; j < n; j++) phi[j] += q[r * n + j] * theta[r];
  return phi;
}
