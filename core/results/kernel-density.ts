/**
 * A Gaussian kernel density estimate of samples, as a Gaussian mixture: one equal-weight
 * component per (thinned) sample, every component with the covariance h²·Σ̂ (Σ̂ the samples'
 * covariance). So everything that draws or measures a mixture — the corner plot's marginals,
 * rasters, contours and credible intervals — draws a particle run's posterior from its particles
 * (the Gaussian summary of such a run hides its modes).
 *
 * The bandwidth h is chosen by leave-one-out likelihood cross-validation among factors from
 * Scott's rule n^(−1/(d+4)) down to an eighth of it: Scott's rule alone (scipy's gaussian_kde)
 * is tuned to one Gaussian and blurs separate modes into one another — on two modes 60 standard
 * deviations apart it leaves 10 % of the peak density between them.
 */
import type { Mixture } from '../gmki/state';
import { choleskyWithJitter, solveLowerInPlace } from '../linalg/dense';
import { MAX_ARRAY_NUMBERS } from '../problem/limits';
import type { SampleSet } from './distance';

/** Options of kernelDensityMixture. */
export interface KernelDensityOptions {
  /**
   * At most this many samples become components (default 1000): more are thinned to every k-th
   * one, which keeps the proportions of an ordered set (smc's particles are ordered by ancestor)
   * where its first rows would not. A corner-plot raster costs pixels² × components.
   */
  readonly maxComponents?: number;
}

/** The estimate; `components` is how many samples it holds, `bandwidth` the factor h. */
export interface KernelDensity {
  readonly mixture: Mixture;
  readonly components: number;
  readonly bandwidth: number;
}

/** Bandwidth factors tried: Scott's rule times these. */
const FACTORS = [1, 0.8, 0.63, 0.5, 0.4, 0.32, 0.25, 0.2, 0.16, 0.125];

/**
 * The kernel density estimate of `set` (count×d, in any space: the mixture lives where the
 * samples do). Coordinates that do not vary get a tiny variance so the covariance stays positive definite.
 */
export function kernelDensityMixture(set: SampleSet, options: KernelDensityOptions = {}): KernelDensity {
  const { d } = set;
  if (!Number.isInteger(set.count) || set.count < 1 || set.samples.length !== set.count * d)
    throw new RangeError(`samples: expected ${set.count}×${d} numbers (count ≥ 1), got ${set.samples.length}`);
  const limit = options.maxComponents ?? 1000;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`maxComponents: expected an integer ≥ 1, got ${limit}`);
  const stride = Math.ceil(set.count / limit);
  const n = Math.ceil(set.count / stride);
  if (n * d * d > MAX_ARRAY_NUMBERS)
    throw new RangeError(`samples: ${n} kernels of ${d}×${d} covariances exceed ${MAX_ARRAY_NUMBERS} numbers; estimate the density of fewer parameters`);
  const means = new Float64Array(n * d);
  for (let j = 0; j < n; j++) for (let i = 0; i < d; i++) means[j * d + i] = set.samples[j * stride * d + i];

  const spread = covariance(means, n, d);
  for (let i = 0; i < d; i++) if (!(spread[i * d + i] > 0)) spread[i * d + i] = 1e-12;
  const bandwidth = crossValidatedBandwidth(means, n, d, spread);
  const covariances = new Float64Array(n * d * d);
  for (let j = 0; j < n; j++) for (let k = 0; k < d * d; k++) covariances[j * d * d + k] = bandwidth * bandwidth * spread[k];
  const mixture: Mixture = { nComponents: n, nTheta: d, logWeights: new Float64Array(n).fill(-Math.log(n)), means, covariances };
  return { mixture, components: n, bandwidth };
}

/**
 * The factor h (of Scott's n^(−1/(d+4)) times FACTORS) with the largest leave-one-out log
 * likelihood Σ_j log Σ_{i≠j} N(x_j; x_i, h²Σ̂), computed on the whitened samples. Identical
 * samples (repeated particles) are left out of each other's sums: a copy would favour h → 0.
 * One sample, or samples that are all identical, get Scott's rule.
 */
function crossValidatedBandwidth(rows: Float64Array, n: number, d: number, spread: Float64Array): number {
  const scott = Math.pow(n, -1 / (d + 4));
  if (n < 2) return scott;
  const { factor } = choleskyWithJitter(spread, d, 'sample covariance');
  const white = new Float64Array(n * d);
  for (let j = 0; j < n; j++) white.set(solveLowerInPlace(factor, d, rows.slice(j * d, (j + 1) * d)), j * d);
  const distances = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < a; b++) {
      let sum = 0;
      for (let i = 0; i < d; i++) sum += (white[a * d + i] - white[b * d + i]) ** 2;
      distances[a * n + b] = distances[b * n + a] = sum;
    }
  }
  const nearest = new Float64Array(n).fill(Infinity);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if (i !== j && distances[j * n + i] > 0) nearest[j] = Math.min(nearest[j], distances[j * n + i]);
  let best = scott;
  let bestScore = -Infinity;
  for (const factor of FACTORS) {
    const h = scott * factor;
    const score = leaveOneOutLogLikelihood(distances, nearest, n, d, h);
    if (score > bestScore) [best, bestScore] = [h, score];
  }
  return best;
}

/**
 * Σ_j log Σ_{i≠j, D_ij > 0} exp(−D_ij/2h²) − n·d·log h, up to a constant (`nearest`: each sample's
 * smallest D_ij > 0); −∞ when no sample has a distinct neighbour.
 */
function leaveOneOutLogLikelihood(distances: Float64Array, nearest: Float64Array, n: number, d: number, h: number): number {
  const scale = 1 / (2 * h * h);
  let total = 0;
  let counted = 0;
  for (let j = 0; j < n; j++) {
    if (nearest[j] === Infinity) continue;
    // log Σ exp(−D/2h²) with the nearest neighbour factored out, so small h does not underflow to log 0.
    let sum = 0;
    for (let i = 0; i < n; i++) if (i !== j && distances[j * n + i] > 0) sum += Math.exp(-(distances[j * n + i] - nearest[j]) * scale);
    total += -nearest[j] * scale + Math.log(sum);
    counted++;
  }
  return counted === 0 ? -Infinity : total - counted * d * Math.log(h);
}

/** The covariance (÷ n) of n rows of d numbers. */
function covariance(rows: Float64Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let j = 0; j < n; j++) for (let i = 0; i < d; i++) mean[i] += rows[j * d + i];
  // Sum, then divide: a constant coordinate gets exactly its value, and variance 0.
  for (let i = 0; i < d; i++) mean[i] /= n;
  const out = new Float64Array(d * d);
  for (let j = 0; j < n; j++) {
    for (let a = 0; a < d; a++) {
      const da = rows[j * d + a] - mean[a];
      for (let b = 0; b <= a; b++) out[a * d + b] += (da * (rows[j * d + b] - mean[b])) / n;
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) out[b * d + a] = out[a * d + b];
  return out;
}
