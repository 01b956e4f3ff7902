/**
 * The notebooks' error metric (`gmki-algorithm.md` §5): L1 = ∫|p − p_ref| dθ on a grid, no
 * factor ½, range [0, 2] (TV = L1/2). The reference is exp(log posterior) normalised by a Riemann
 * sum on the grid.
 *
 * 2-D: LinRange(−4, 4, N) in each axis, endpoints included, cell dx·dy with dx = 8/(N − 1); the
 * mixture is evaluated on the same grid and renormalised the same way. 1-D: N points on
 * [θmin, θmax] (endpoints included), the mixture used as is (NOT renormalised).
 */
import type { Mixture } from '../../core/gmki/state';
import { mixtureDensityOnGrid1d, mixtureDensityOnGrid2d } from '../../core/results';

/** N points from a to b, both included (Julia's LinRange). */
export function linRange(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const step = (b - a) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = a + i * step;
  out[n - 1] = b;
  return out;
}

/** Σ|p − q|·cell: the L1 distance of two densities sampled on the same grid. */
export function l1OnGrid(p: ArrayLike<number>, q: ArrayLike<number>, cell: number): number {
  if (p.length !== q.length) throw new RangeError(`grids differ: ${p.length} vs ${q.length} points`);
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += Math.abs(p[i] - q[i]);
  return sum * cell;
}

/** values / (Σ values · cell), in place; returns values. */
export function normalizeOnGrid(values: Float64Array, cell: number): Float64Array {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const scale = 1 / (sum * cell);
  for (let i = 0; i < values.length; i++) values[i] *= scale;
  return values;
}

/** exp(logValues − max) normalised by its Riemann sum (the max shift only avoids overflow). */
function normalizedFromLog(logValues: Float64Array, cell: number): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logValues.length; i++) if (logValues[i] > max) max = logValues[i];
  const out = new Float64Array(logValues.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(logValues[i] - max);
  return normalizeOnGrid(out, cell);
}

/** A normalised reference density on a 1-D grid. */
export interface GridReference1d {
  readonly grid: Float64Array;
  readonly cell: number;
  readonly reference: Float64Array;
}

/** A normalised reference density on an N×N grid; reference[a·N + b] is at (grid[a], grid[b]). */
export interface GridReference2d {
  readonly grid: Float64Array;
  readonly cell: number;
  readonly reference: Float64Array;
}

/** The 1-D reference: `n` points on [lo, hi], exp(log posterior) normalised by Riemann sum. */
export function gridReference1d(logPosterior: (theta: number) => number, lo: number, hi: number, n = 1000): GridReference1d {
  const grid = linRange(lo, hi, n);
  const cell = grid[1] - grid[0];
  const logValues = Float64Array.from(grid, logPosterior);
  return { grid, cell, reference: normalizedFromLog(logValues, cell) };
}

/** The 2-D reference on LinRange(lo, hi, n)², exp(log posterior) normalised by sum·dx·dy. */
export function gridReference2d(logPosterior: (theta1: number, theta2: number) => number, n = 1000, lo = -4, hi = 4): GridReference2d {
  const grid = linRange(lo, hi, n);
  const dx = grid[1] - grid[0];
  const cell = dx * dx;
  const logValues = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) logValues[a * n + b] = logPosterior(grid[a], grid[b]);
  return { grid, cell, reference: normalizedFromLog(logValues, cell) };
}

/** L1 of a 1-D mixture against the reference; the mixture is NOT renormalised (as in the notebook). */
export function mixtureL1OnGrid1d(mixture: Mixture, ref: GridReference1d): number {
  return l1OnGrid(mixtureDensityOnGrid1d(mixture, ref.grid, 0), ref.reference, ref.cell);
}

/** L1 of a mixture on (θ1, θ2) against the reference; the mixture is renormalised on the grid. */
export function mixtureL1OnGrid2d(mixture: Mixture, ref: GridReference2d): number {
  const density = normalizeOnGrid(mixtureDensityOnGrid2d(mixture, ref.grid, ref.grid, 0, 1), ref.cell);
  return l1OnGrid(density, ref.reference, ref.cell);
}

/**
 * The 1-D notebook's grid range from the final K = 3 mixture:
 * [min(min_k(m_k − 5σ_k), −4), max(max_k(m_k + 5σ_k), 4)].
 */
export function squareMapGridRange(finalK3: Mixture): [number, number] {
  let lo = -4;
  let hi = 4;
  for (let k = 0; k < finalK3.nComponents; k++) {
    const m = finalK3.means[k];
    const s = Math.sqrt(finalK3.covariances[k]);
    lo = Math.min(lo, m - 5 * s);
    hi = Math.max(hi, m + 5 * s);
  }
  return [lo, hi];
}

/** 1-D square map (§5.1): −(θ² − 1)²/(2σ_η²) − (θ − μ0)²/(2σ0²), y = 1. */
export function squareMapLogPosterior(sigmaEta: number, mu0: number, sigma0 = 2): (theta: number) => number {
  return (t) => -((t * t - 1) ** 2) / (2 * sigmaEta ** 2) - (t - mu0) ** 2 / (2 * sigma0 ** 2);
}

/** Two-modal (§5.2): −((θ2 − θ1)² − y)²/2 − |θ − μ0|²/2. */
export function twoModalLogPosterior(mu0: readonly [number, number], y = 4.2297): (t1: number, t2: number) => number {
  return (t1, t2) => -(((t2 - t1) ** 2 - y) ** 2) / 2 - ((t1 - mu0[0]) ** 2 + (t2 - mu0[1]) ** 2) / 2;
}

/** Four-modal (§5.3): −((θ2 − θ1)² − y1)²/2 − ((θ2 + θ1)² − y2)²/2 − |θ − μ0|²/2. */
export function fourModalLogPosterior(mu0: readonly [number, number], y: readonly [number, number] = [4.2297, 4.2297]): (t1: number, t2: number) => number {
  return (t1, t2) => -(((t2 - t1) ** 2 - y[0]) ** 2) / 2 - ((t2 + t1) ** 2 - y[1]) ** 2 / 2 - ((t1 - mu0[0]) ** 2 + (t2 - mu0[1]) ** 2) / 2;
}

/** Circle (§5.4), no prior: −(1 − |θ|²)²/(2·0.09). */
export function circleLogPosterior(): (t1: number, t2: number) => number {
  return (t1, t2) => -((1 - t1 * t1 - t2 * t2) ** 2) / (2 * 0.09);
}

/**
 * log ∫ exp(logDensity) over [lo, hi]² by the same Riemann sum as gridReference2d: the log
 * normalising constant of an unnormalised 2-D density (the evidence, up to the constants the
 * density leaves out). The max shift avoids overflow.
 */
export function logNormalizerOnGrid2d(logDensity: (theta1: number, theta2: number) => number, n: number, lo: number, hi: number): number {
  const grid = linRange(lo, hi, n);
  const dx = grid[1] - grid[0];
  const logValues = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) logValues[a * n + b] = logDensity(grid[a], grid[b]);
  let max = -Infinity;
  for (const value of logValues) if (value > max) max = value;
  let sum = 0;
  for (const value of logValues) sum += Math.exp(value - max);
  return max + Math.log(sum * dx * dx);
}

/**
 * The particles' kernel density estimate as a mixture: one isotropic Gaussian of std
 * `bandwidth` on each particle, equal weights — so that mixtureL1OnGrid2d measures a particle
 * method's L1 on the same grid as GMKI's.
 * @param positions J×2, row-major
 */
export function kernelDensityMixture(positions: Float64Array, bandwidth: number): Mixture {
  const J = positions.length / 2;
  const covariances = new Float64Array(J * 4);
  for (let j = 0; j < J; j++) covariances.set([bandwidth ** 2, 0, 0, bandwidth ** 2], j * 4);
  return { nComponents: J, nTheta: 2, logWeights: new Float64Array(J).fill(-Math.log(J)), means: positions, covariances };
}

/** `count` independent draws (count×2) from a grid reference: a cell by its mass, then uniform within it. */
export function drawFromGridReference2d(ref: GridReference2d, count: number, random: { uniform(): number }): Float64Array {
  const n = ref.grid.length;
  const dx = ref.grid[1] - ref.grid[0];
  const cumulative = new Float64Array(n * n);
  let total = 0;
  for (let i = 0; i < n * n; i++) cumulative[i] = total += ref.reference[i];
  const out = new Float64Array(count * 2);
  for (let s = 0; s < count; s++) {
    const u = random.uniform() * total;
    let lo = 0;
    let hi = n * n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < cumulative[mid]) hi = mid;
      else lo = mid + 1;
    }
    out[2 * s] = ref.grid[Math.floor(lo / n)] + (random.uniform() - 0.5) * dx;
    out[2 * s + 1] = ref.grid[lo % n] + (random.uniform() - 0.5) * dx;
  }
  return out;
}
