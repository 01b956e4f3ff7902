/**
 * Exact reference of benchmark 1 (four-mode-3d): the posterior on a 3-D lattice θ = h·(i, j, l).
 *
 * What L1 means here: the L1 distance of the FULL 3-D densities, ∫_{R³} |p − q| dθ, p the
 * posterior, q the mixture (no factor ½, range [0, 2], as the notebooks'). The joint density is
 * what the mixture claims to approximate; marginals would hide wrong θ3 shifts between modes and
 * wrong correlations. Because both densities integrate to 1 over R³,
 *   ∫|p − q| = 2 − 2 ∫ min(p, q),
 * and min(p, q) ≤ p vanishes wherever p does, so the integral is only needed where the posterior
 * has mass: the lattice keeps the (θ1, θ2) columns whose θ3-marginal log density is within
 * COLUMN_CUTOFF of its maximum, and in each column the θ3 points within ±9 conditional standard
 * deviations of the conditional mean (θ3 | θ1, θ2 is exactly Gaussian: it enters linearly).
 * p is exp(log posterior) normalised by its Riemann sum on these points; q is used as is, with
 * its exact normalisation (mixture mass far from the posterior counts fully as error).
 * The default h = 0.04 (≈ half the narrowest mode's standard deviation, 0.083) is enough because
 * the lattice sum of a smooth, fast-decaying density converges much faster than h²: halving h
 * changed L1 by < 2e-4 (0.09200 → 0.09208 for a gmki-robust mixture, 0.32857 → 0.32873 for a
 * gmki-paper one; h = 0.01 gave 0.09209 / 0.32873). Checked in
 * test/core/results/mode-references.test.ts and printed by `npm run bench:modes`.
 */
import type { Mixture } from '../../../core/gmki/state';
import { getExampleProblem, parseProblem } from '../../../core/problem';
import { createMixtureDensity } from '../../../core/results';

/** Columns whose marginal log density is below max − this are dropped (mass ≲ e^-25 each). */
const COLUMN_CUTOFF = 25;

/** The data of the problem, read from its example file (one source of truth). */
export function fourModeData(): { y: number[]; noiseVar: number[]; priorVar: number } {
  const example = getExampleProblem('four-mode-3d');
  const parsed = example && parseProblem(example.problem);
  if (!parsed || !parsed.ok) throw new Error('four-mode-3d example is missing or invalid');
  const { observations, prior } = parsed.problem;
  return {
    y: Array.from(observations.values),
    noiseVar: [0, 4, 8].map((i) => observations.noiseCovariance[i]),
    priorVar: prior.covariance[0],
  };
}

export interface FourModeReference {
  readonly spacing: number;
  /** Kept columns: θ1 = i·h, θ2 = j·h, θ3 = l·h for l in [lStart, lEnd]. */
  readonly columns: readonly { i: number; j: number; lStart: number; lEnd: number }[];
  /** log of the unnormalised posterior's normaliser on the lattice (Σ exp(log p̃)·h³). */
  readonly logNormaliser: number;
  readonly logPosterior: (t1: number, t2: number, t3: number) => number;
  /** Posterior mass of the quadrants of (θ1, θ2), basin order of basins.ts (bit 0: θ1 < 0, bit 1: θ2 < 0). */
  readonly basinMasses: readonly number[];
  readonly pointCount: number;
}

/** The reference lattice spacing h (see the file comment). */
export const FOUR_MODE_SPACING = 0.04;

const cache = new Map<number, FourModeReference>();

/** The reference on the lattice of spacing h (cached per h). */
export function fourModeReference(spacing = FOUR_MODE_SPACING): FourModeReference {
  const cached = cache.get(spacing);
  if (cached) return cached;
  const { y, noiseVar, priorVar } = fourModeData();
  const h = spacing;
  const logPosterior = (t1: number, t2: number, t3: number): number =>
    -0.5 *
    ((t1 * t1 - y[0]) ** 2 / noiseVar[0] + (t2 * t2 - y[1]) ** 2 / noiseVar[1] + (t1 - t2 + t3 - y[2]) ** 2 / noiseVar[2] + (t1 * t1 + t2 * t2 + t3 * t3) / priorVar);
  // θ3 | θ1, θ2: precision 1/σ3² + 1/σ0², mean (y3 − θ1 + θ2)/σ3² / precision.
  const precision3 = 1 / noiseVar[2] + 1 / priorVar;
  const sd3 = 1 / Math.sqrt(precision3);
  // (θ1, θ2) marginal after integrating θ3 out (the third observation's evidence is N(y3 − θ1 + θ2; 0, σ3² + σ0²)).
  const logMarginal = (t1: number, t2: number): number =>
    -0.5 *
    ((t1 * t1 - y[0]) ** 2 / noiseVar[0] + (t2 * t2 - y[1]) ** 2 / noiseVar[1] + (t1 * t1 + t2 * t2) / priorVar + (y[2] - t1 + t2) ** 2 / (noiseVar[2] + priorVar));
  const extent = Math.ceil(Math.sqrt(Math.max(y[0], y[1]) + 10 * Math.sqrt(Math.max(noiseVar[0], noiseVar[1]))) / h) + 2;
  let maxMarginal = -Infinity;
  for (let i = -extent; i <= extent; i++) for (let j = -extent; j <= extent; j++) maxMarginal = Math.max(maxMarginal, logMarginal(i * h, j * h));
  const columns: { i: number; j: number; lStart: number; lEnd: number }[] = [];
  const sums: number[] = [0, 0, 0, 0];
  let shift = -Infinity;
  for (let i = -extent; i <= extent; i++)
    for (let j = -extent; j <= extent; j++) {
      if (logMarginal(i * h, j * h) < maxMarginal - COLUMN_CUTOFF) continue;
      const mean3 = (y[2] - i * h + j * h) / noiseVar[2] / precision3;
      const column = { i, j, lStart: Math.floor((mean3 - 9 * sd3) / h), lEnd: Math.ceil((mean3 + 9 * sd3) / h) };
      columns.push(column);
      shift = Math.max(shift, logPosterior(i * h, j * h, Math.round(mean3 / h) * h));
    }
  let total = 0;
  let pointCount = 0;
  for (const { i, j, lStart, lEnd } of columns) {
    // θ1 = 0 or θ2 = 0 lies on a basin boundary: its (negligible) mass is split evenly.
    const bits1 = i === 0 ? [0, 1] : [i < 0 ? 1 : 0];
    const bits2 = j === 0 ? [0, 2] : [j < 0 ? 2 : 0];
    const share = 1 / (bits1.length * bits2.length);
    for (let l = lStart; l <= lEnd; l++) {
      const mass = Math.exp(logPosterior(i * h, j * h, l * h) - shift);
      total += mass;
      for (const b1 of bits1) for (const b2 of bits2) sums[b1 | b2] += mass * share;
      pointCount++;
    }
  }
  const reference: FourModeReference = {
    spacing: h,
    columns,
    logNormaliser: shift + Math.log(total * h * h * h),
    logPosterior,
    basinMasses: sums.map((s) => s / total),
    pointCount,
  };
  cache.set(spacing, reference);
  return reference;
}

/** L1 = 2 − 2 Σ min(p, q)·h³ of the full 3-D densities (see the file comment). */
export function fourModeL1(mixture: Mixture, reference = fourModeReference()): number {
  const density = createMixtureDensity(mixture);
  const h = reference.spacing;
  const theta = new Float64Array(3);
  let overlap = 0;
  for (const { i, j, lStart, lEnd } of reference.columns) {
    theta[0] = i * h;
    theta[1] = j * h;
    for (let l = lStart; l <= lEnd; l++) {
      theta[2] = l * h;
      const p = Math.exp(reference.logPosterior(theta[0], theta[1], theta[2]) - reference.logNormaliser);
      const q = Math.exp(density.logDensity(theta));
      overlap += p < q ? p : q;
    }
  }
  return 2 - 2 * overlap * h * h * h;
}

/** The basin functionals of four-mode-3d: θ1 and θ2. */
export const FOUR_MODE_FUNCTIONALS: readonly Float64Array[] = [Float64Array.of(1, 0, 0), Float64Array.of(0, 1, 0)];
