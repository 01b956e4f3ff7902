/**
 * The Darcy flow forward model of `gmki-algorithm.md` §5.5 (the authors' `Fluid/Darcy-2D.jl` with
 * the overrides of `Multimodal/GMKI_Darcy.jl`): θ ∈ R^128 → 28 pressure observations.
 *
 *   −∇·(κ ∇p) = f on [0, 1]², p = 0 on the boundary, f(x1, x2) = 1000·sin(4π x2),
 *   log κ = Σ_{l=1}^{128} θ_l √λ_l φ_l,  λ_l = (π²|l|² + τ²)^(−2), τ = 3.
 *
 * Grid fields (log κ, p) are Float64Arrays of 80×80 nodes with x1 fastest: node (i1, i2) at
 * index i1 + 80·i2, x = i/79 for 0-based i — the layout of the Julia arrays `u[ix, iy]`.
 * Pure and deterministic (Math.cos/exp/sqrt only); the scratch buffers are per module instance,
 * i.e. per thread, and every call is synchronous.
 */
import { choleskyBandInPlace, solveCholeskyBandInPlace, zeroBandMatrix } from '../linalg/banded';
import type { BandMatrix } from '../linalg/banded';

/** Nodes per axis (boundary included): x_i = i/79, i = 0..79. */
export const DARCY_NODES = 80;
/** Number of KL modes = number of parameters d. */
export const DARCY_MODES = 128;
/** τ of the KL eigenvalues λ_l = (π²|l|² + τ²)^(−2). */
export const DARCY_TAU = 3;
/** 0-based node indices of the observations in each axis: the 1-based 10, 20, …, 70 of §5.5. */
export const DARCY_OBSERVED_NODES: readonly number[] = Object.freeze([9, 19, 29, 39, 49, 59, 69]);
/** 4 mirror-averaged x1 rows × 7 x2 columns. */
export const DARCY_OUTPUTS = 28;

const N = DARCY_NODES;
const H = 1 / (N - 1);
/** Interior nodes per axis; the unknowns are the 78² interior pressures. */
const M = N - 2;
/** Half-bandwidth of the 5-point operator with the interior numbered x1 fastest. */
const BANDWIDTH = M;
/** Cosine wave numbers up to 17 cover the 128 smallest |l|² (as the Julia code's table 0..17). */
const MAX_WAVE_NUMBER = 17;

/**
 * The KL index pairs (l1, l2) ≠ (0, 0), l1, l2 ≥ 0, of the first `count` modes: sorted by
 * l1² + l2², ties by l1 ascending. THIS ORDER IS A CONTRACT: θ_l of every Darcy problem file
 * means the mode at position l of this list. (Julia's `sortperm` over the loop l1 outer, l2 inner
 * gives this order when stable, which §5.5 notes is not guaranteed there; here it is fixed.)
 */
export function darcyModePairs(count = DARCY_MODES): [number, number][] {
  const pairs: [number, number][] = [];
  for (let l1 = 0; l1 <= MAX_WAVE_NUMBER; l1++) {
    for (let l2 = 0; l2 <= MAX_WAVE_NUMBER; l2++) if (l1 !== 0 || l2 !== 0) pairs.push([l1, l2]);
  }
  pairs.sort((a, b) => a[0] * a[0] + a[1] * a[1] - (b[0] * b[0] + b[1] * b[1]) || a[0] - b[0]);
  return pairs.slice(0, count);
}

/** √λ_l = (π²(l1² + l2²) + τ²)^(−1) (exponent d = 2 of §5.5, so the root is a reciprocal). */
function sqrtEigenvalue(l1: number, l2: number): number {
  return 1 / (Math.PI * Math.PI * (l1 * l1 + l2 * l2) + DARCY_TAU * DARCY_TAU);
}

interface KlTables {
  readonly pairs: readonly [number, number][];
  /** cos(π l x_i) for l = 0..17 (rows), i = 0..79. */
  readonly cosines: Float64Array;
  /** √λ_l times the normalisation of φ_l (√2 when l1 or l2 is 0, else 2). */
  readonly scales: Float64Array;
}

let tables: KlTables | null = null;

/** Built on first use, so that importing the built-in models stays cheap. */
function klTables(): KlTables {
  if (tables) return tables;
  const pairs = darcyModePairs();
  const cosines = new Float64Array((MAX_WAVE_NUMBER + 1) * N);
  for (let l = 0; l <= MAX_WAVE_NUMBER; l++) for (let i = 0; i < N; i++) cosines[l * N + i] = Math.cos(Math.PI * l * i * H);
  const scales = Float64Array.from(pairs, ([l1, l2]) => (l1 === 0 || l2 === 0 ? Math.SQRT2 : 2) * sqrtEigenvalue(l1, l2));
  tables = { pairs, cosines, scales };
  return tables;
}

/**
 * log κ on the grid for θ (length ≤ 128; mode l uses θ_l). With cos(0) = 1 the three cases of
 * §5.5 are one product: φ_l = s_l cos(π l1 x1) cos(π l2 x2), s_l = √2 if l1 = 0 or l2 = 0, else 2.
 * @returns 80×80 values, x1 fastest
 */
export function darcyLogPermeability(theta: ArrayLike<number>): Float64Array {
  const { pairs, cosines, scales } = klTables();
  if (theta.length > pairs.length) throw new RangeError(`darcyLogPermeability: expected at most ${pairs.length} parameters, got ${theta.length}`);
  const field = new Float64Array(N * N);
  for (let l = 0; l < theta.length; l++) {
    const coefficient = theta[l] * scales[l];
    if (coefficient === 0) continue;
    const row1 = pairs[l][0] * N;
    const row2 = pairs[l][1] * N;
    for (let i2 = 0; i2 < N; i2++) {
      const c2 = coefficient * cosines[row2 + i2];
      const base = i2 * N;
      for (let i1 = 0; i1 < N; i1++) field[base + i1] += c2 * cosines[row1 + i1];
    }
  }
  return field;
}

let operator: BandMatrix | null = null;

/**
 * The pressure p for a log-permeability field: the 5-point finite-difference operator with face
 * conductivity = arithmetic mean of the two nodal κ, p = 0 on the boundary, solved by a banded
 * Cholesky factorisation (the operator is symmetric positive definite). Both sides are multiplied
 * by h², which leaves p as the Julia code's `df \ f` (up to round-off).
 * @param logKappa 80×80, x1 fastest
 * @returns 80×80, x1 fastest, zero on the boundary
 */
export function darcyPressure(logKappa: Float64Array): Float64Array {
  const kappa = logKappa.map(Math.exp);
  operator ??= zeroBandMatrix(M * M, BANDWIDTH);
  const { band } = operator;
  band.fill(0);
  const width = BANDWIDTH + 1;
  const rhs = new Float64Array(M * M);
  for (let i2 = 1; i2 <= M; i2++) {
    for (let i1 = 1; i1 <= M; i1++) {
      const node = i1 + N * i2;
      const row = i1 - 1 + M * (i2 - 1);
      const diagonal = row * width + BANDWIDTH;
      const west = (kappa[node] + kappa[node - 1]) / 2;
      const east = (kappa[node] + kappa[node + 1]) / 2;
      const south = (kappa[node] + kappa[node - N]) / 2;
      const north = (kappa[node] + kappa[node + N]) / 2;
      band[diagonal] = west + east + south + north;
      // Lower triangle only: the west neighbour (row − 1) and the south one (row − M), when interior.
      if (i1 > 1) band[diagonal - 1] = -west;
      if (i2 > 1) band[diagonal - BANDWIDTH] = -south;
      rhs[row] = H * H * 1000 * Math.sin(4 * Math.PI * i2 * H);
    }
  }
  choleskyBandInPlace(operator, 'the Darcy finite-difference operator');
  solveCholeskyBandInPlace(operator, rhs);
  const pressure = new Float64Array(N * N);
  for (let i2 = 1; i2 <= M; i2++) pressure.set(rhs.subarray(M * (i2 - 1), M * i2), 1 + N * i2);
  return pressure;
}

/**
 * The 28 observations: p at the 7×7 nodes DARCY_OBSERVED_NODES², mirror-averaged in x1
 * (x1-row a with row 6 − a, a = 0..3, as `compute_obs` of GMKI_Darcy.jl), flattened
 * column-major with x1 fastest: output a + 4·b for x1-row a, x2-column b.
 */
export function darcyObservations(pressure: Float64Array): number[] {
  const nodes = DARCY_OBSERVED_NODES;
  const out: number[] = [];
  for (let b = 0; b < nodes.length; b++) {
    for (let a = 0; a < 4; a++) {
      const at = (row: number): number => pressure[nodes[row] + N * nodes[b]];
      out.push((at(a) + at(nodes.length - 1 - a)) / 2);
    }
  }
  return out;
}

/** G(θ): the 28 observations of the pressure for θ ∈ R^128. */
export function darcyForward(theta: readonly number[]): number[] {
  if (theta.length !== DARCY_MODES) throw new RangeError(`darcy-2d: expected θ of length ${DARCY_MODES}, got ${theta.length}`);
  return darcyObservations(darcyPressure(darcyLogPermeability(theta)));
}
