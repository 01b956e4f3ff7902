/**
 * The bench's accuracy: the notebooks' L1 = ∫|p − p_ref| dθ on a 2-D grid (`gmki-algorithm.md` §5,
 * no factor ½; TV = L1/2), against a reference that is exp(log π) normalised by its Riemann sum.
 *
 * - A mixture (GMKI, dfgmvi, uki's Gaussian) is evaluated on the grid with its normalising
 *   constants and renormalised on the grid (§5.2), as test/support/grid-l1.ts does.
 * - Particles (smc, eki, eks) become a density by a Gaussian kernel density estimate: isotropic
 *   kernels of std h, computed by linear binning on the grid and a separable convolution (as
 *   KernelDensity.jl's binned estimate, which the paper used for BDLS-KL), renormalised on the
 *   grid. h is the value of the ladder dx·√2^k (k = 0…10, dx the grid step) that gives the
 *   smallest L1 (searched upwards until L1 has risen twice in a row) — an oracle choice against
 *   the reference, as favourable to the particles as a fixed isotropic bandwidth can be.
 * - The floor: `count` independent draws from the reference through the same estimate (same
 *   ladder, same oracle). A particle method cannot be told apart from exact sampling below it.
 */
import { createRandomStream } from '../../core/random/random';
import { drawFromGridReference2d, l1OnGrid, mixtureL1OnGrid2d, normalizeOnGrid, type GridReference2d } from '../../test/support/grid-l1';

export { mixtureL1OnGrid2d as mixtureL1 };

/** Bandwidths tried, in units of the grid step: √2^k, k = 0…10 (1 to 32 grid steps). */
export const BANDWIDTH_STEPS: readonly number[] = Array.from({ length: 11 }, (_, k) => Math.SQRT2 ** k);

/** Kernels are cut at this many standard deviations (the cut mass, 6·10⁻⁷, is renormalised away). */
const KERNEL_CUTOFF = 5;

/**
 * Counts of `positions` (count×2) on the reference's grid by linear binning: each sample's unit
 * mass is shared among the four grid points around it by bilinear weights. Samples outside the
 * grid's box are left out (as the renormalised mixtures leave out their mass outside it).
 */
export function binOnGrid(positions: Float64Array, ref: GridReference2d): Float64Array {
  const { grid } = ref;
  const n = grid.length;
  const lo = grid[0];
  const dx = grid[1] - grid[0];
  const counts = new Float64Array(n * n);
  for (let s = 0; s < positions.length / 2; s++) {
    const fa = (positions[2 * s] - lo) / dx;
    const fb = (positions[2 * s + 1] - lo) / dx;
    if (!(fa >= 0 && fa <= n - 1 && fb >= 0 && fb <= n - 1)) continue;
    const a = Math.min(Math.floor(fa), n - 2);
    const b = Math.min(Math.floor(fb), n - 2);
    const wa = fa - a;
    const wb = fb - b;
    counts[a * n + b] += (1 - wa) * (1 - wb);
    counts[a * n + b + 1] += (1 - wa) * wb;
    counts[(a + 1) * n + b] += wa * (1 - wb);
    counts[(a + 1) * n + b + 1] += wa * wb;
  }
  return counts;
}

/**
 * The kernel density estimate with kernel std `bandwidth` of the binned `counts`, on the grid,
 * normalised by its Riemann sum; null when no sample fell in the box.
 */
export function kernelDensityOnGrid(counts: Float64Array, ref: GridReference2d, bandwidth: number): Float64Array | null {
  const n = ref.grid.length;
  const dx = ref.grid[1] - ref.grid[0];
  const reach = Math.ceil((KERNEL_CUTOFF * bandwidth) / dx);
  const kernel = Float64Array.from({ length: 2 * reach + 1 }, (_, m) => Math.exp(-(((m - reach) * dx) ** 2) / (2 * bandwidth ** 2)));
  // Along b within each row a (rows without samples stay 0), then along a within each column b.
  const alongB = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const row = a * n;
    let any = false;
    for (let b = 0; b < n && !any; b++) any = counts[row + b] !== 0;
    if (any) convolveLine(counts, alongB, row, 1, n, kernel, reach);
  }
  const density = new Float64Array(n * n);
  for (let b = 0; b < n; b++) convolveLine(alongB, density, b, n, n, kernel, reach);
  let total = 0;
  for (const value of density) total += value;
  return total > 0 ? normalizeOnGrid(density, ref.cell) : null;
}

/** out[start + i·stride] = Σ_m kernel[m] · values[start + (i + m − reach)·stride] over the line's n points. */
function convolveLine(values: Float64Array, out: Float64Array, start: number, stride: number, n: number, kernel: Float64Array, reach: number): void {
  for (let i = 0; i < n; i++) {
    const value = values[start + i * stride];
    if (value === 0) continue;
    const from = Math.max(0, i - reach);
    const to = Math.min(n - 1, i + reach);
    for (let j = from; j <= to; j++) out[start + j * stride] += value * kernel[j - i + reach];
  }
}

/** A particle set's L1 at the best bandwidth of the ladder, and that bandwidth. */
export interface ParticleAccuracy {
  readonly l1: number;
  readonly bandwidth: number;
}

/**
 * The L1 of the particles' kernel density estimate against the reference, at the ladder's best
 * bandwidth. Particles that all lie outside the box have L1 = 2 (no overlap).
 */
export function particleL1(positions: Float64Array, ref: GridReference2d): ParticleAccuracy {
  const counts = binOnGrid(positions, ref);
  const dx = ref.grid[1] - ref.grid[0];
  let best: ParticleAccuracy = { l1: 2, bandwidth: Number.NaN };
  let previous = Infinity;
  let rises = 0;
  for (const steps of BANDWIDTH_STEPS) {
    const density = kernelDensityOnGrid(counts, ref, steps * dx);
    if (!density) return best;
    const l1 = l1OnGrid(density, ref.reference, ref.cell);
    if (l1 < best.l1) best = { l1, bandwidth: steps * dx };
    // L1(h) falls while variance dominates and rises once bias does: two rises in a row end the search.
    rises = l1 > previous ? rises + 1 : 0;
    if (rises === 2) break;
    previous = l1;
  }
  return best;
}

/** The floor: `count` independent draws from the reference (stream 'exact draws' of `seed`) through particleL1. */
export function exactDrawsL1(ref: GridReference2d, count: number, seed: number): ParticleAccuracy {
  return particleL1(drawFromGridReference2d(ref, count, createRandomStream(seed, 'exact draws')), ref);
}
