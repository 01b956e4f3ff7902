/**
 * Distances between two posteriors given as samples (Compare's table, issue 10 item 2): the
 * Wasserstein distance of 1-D samples, the sliced Wasserstein distance of d-dimensional ones, and
 * the L1 distance of binned 1-D marginals. Samples only — so a mixture run (its draws) and a
 * particle run (its particles) are measured the same way.
 *
 * Pure and seeded: the sliced distance's directions come from `createRandomStream(seed,
 * 'sliced-wasserstein')`, so the same samples and seed always give the same number, and every
 * run compared with one seed is projected on the same directions.
 */
import { createRandomStream, type RandomStream } from '../random/random';

/** `count`×d samples, row-major. */
export interface SampleSet {
  readonly samples: ArrayLike<number>;
  readonly count: number;
  readonly d: number;
}

/**
 * The p-Wasserstein distance of two 1-D empirical distributions (equal weights, any sizes):
 * (∫₀¹ |F_a⁻¹(t) − F_b⁻¹(t)|^p dt)^(1/p), exact for the empirical quantile functions.
 * @param a, b the samples (not modified)
 */
export function wasserstein1d(a: ArrayLike<number>, b: ArrayLike<number>, p = 2): number {
  return Math.pow(wassersteinPowerSorted(sorted(a), sorted(b), p), 1 / p);
}

/** ∫₀¹ |F_a⁻¹ − F_b⁻¹|^p dt of two sorted samples, walking the merged quantile levels i/n and j/m. */
function wassersteinPowerSorted(a: Float64Array, b: Float64Array, p: number): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new RangeError(`samples: expected at least one on each side, got ${n} and ${m}`);
  let i = 0;
  let j = 0;
  let level = 0;
  let sum = 0;
  while (i < n && j < m) {
    // Compare the next levels (i+1)/n and (j+1)/m in integers: no rounding decides a step.
    const aFirst = (i + 1) * m <= (j + 1) * n;
    const bFirst = (j + 1) * n <= (i + 1) * m;
    const next = aFirst ? (i + 1) / n : (j + 1) / m;
    sum += (next - level) * Math.pow(Math.abs(a[i] - b[j]), p);
    level = next;
    if (aFirst) i++;
    if (bFirst) j++;
  }
  return sum;
}

function sorted(values: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(values as ArrayLike<number>);
  for (const value of out) if (!Number.isFinite(value)) throw new RangeError(`samples: expected finite numbers, got ${value}`);
  return out.sort();
}

/** Options of slicedWasserstein. */
export interface SlicedWassersteinOptions {
  /** Random directions (default 200). */
  readonly projections?: number;
  /** The order p (default 2). */
  readonly p?: number;
  /** Seed of the directions (default 1). */
  readonly seed?: number;
  /**
   * Per coordinate, the unit it is measured in (e.g. the reference's standard deviations): each
   * coordinate is divided by its scale first, so the distance is in those units. Default 1.
   */
  readonly scales?: ArrayLike<number>;
}

/**
 * The sliced p-Wasserstein distance (Bonneel et al. 2015): (mean over L random unit directions ω
 * of W_p(ω·a, ω·b)^p)^(1/p), the directions uniform on the sphere (normalised normals). It is 0
 * for identical samples, |δ|·(E|ω₁|^p)^(1/p) for a shift by δ (|δ| in one dimension), and never
 * more than the Wasserstein distance itself.
 */
export function slicedWasserstein(a: SampleSet, b: SampleSet, options: SlicedWassersteinOptions = {}): number {
  const d = a.d;
  if (b.d !== d) throw new RangeError(`samples: expected the same dimension, got ${a.d} and ${b.d}`);
  checkShape(a, 'a');
  checkShape(b, 'b');
  const projections = options.projections ?? 200;
  if (!Number.isInteger(projections) || projections < 1) throw new RangeError(`projections: expected an integer ≥ 1, got ${projections}`);
  const p = options.p ?? 2;
  const scales = options.scales ?? new Float64Array(d).fill(1);
  if (scales.length !== d || Array.from(scales).some((s) => !(s > 0) || !Number.isFinite(s))) throw new RangeError(`scales: expected ${d} finite numbers > 0`);
  const random = createRandomStream(options.seed ?? 1, 'sliced-wasserstein');
  const direction = new Float64Array(d);
  const projectedA = new Float64Array(a.count);
  const projectedB = new Float64Array(b.count);
  let total = 0;
  for (let l = 0; l < projections; l++) {
    unitDirection(direction, random);
    for (let i = 0; i < d; i++) direction[i] /= scales[i];
    project(a, direction, projectedA);
    project(b, direction, projectedB);
    total += wassersteinPowerSorted(projectedA.sort(), projectedB.sort(), p);
  }
  return Math.pow(total / projections, 1 / p);
}

function checkShape(set: SampleSet, name: string): void {
  if (!Number.isInteger(set.count) || set.count < 1 || set.samples.length !== set.count * set.d)
    throw new RangeError(`${name}: expected ${set.count}×${set.d} samples (count ≥ 1), got ${set.samples.length} numbers`);
}

/** A direction uniform on the unit sphere: d normals, normalised (redrawn in the measure-zero case of all zeros). */
function unitDirection(out: Float64Array, random: RandomStream): void {
  for (;;) {
    random.fillNormal(out);
    let squares = 0;
    for (const x of out) squares += x * x;
    const norm = Math.sqrt(squares);
    if (norm > 0) {
      for (let i = 0; i < out.length; i++) out[i] /= norm;
      return;
    }
  }
}

function project(set: SampleSet, direction: Float64Array, out: Float64Array): void {
  const d = set.d;
  for (let n = 0; n < set.count; n++) {
    let sum = 0;
    for (let i = 0; i < d; i++) sum += set.samples[n * d + i] * direction[i];
    out[n] = sum;
  }
}

/** Options of binnedL1. */
export interface BinnedL1Options {
  /** Bins (default 40). */
  readonly bins?: number;
  /** The binned range (default: from the smallest to the largest sample of both). */
  readonly min?: number;
  readonly max?: number;
}

/**
 * The L1 distance Σ_k |a_k/n − b_k/m| of two 1-D samples binned on one range (`bins` equal bins;
 * samples outside the range are counted in the end bins): the notebooks' ∫|p − q| of the two
 * histograms' densities, in [0, 2] — 0 for the same histogram, 2 for samples in disjoint bins.
 */
export function binnedL1(a: ArrayLike<number>, b: ArrayLike<number>, options: BinnedL1Options = {}): number {
  const bins = options.bins ?? 40;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins: expected an integer ≥ 1, got ${bins}`);
  if (a.length === 0 || b.length === 0) throw new RangeError(`samples: expected at least one on each side, got ${a.length} and ${b.length}`);
  let min = options.min ?? Math.min(minimum(a), minimum(b));
  let max = options.max ?? Math.max(maximum(a), maximum(b));
  if (!(max > min)) {
    // Every sample at one value: one bin holds all of both.
    min -= 0.5;
    max += 0.5;
  }
  const countsA = histogram(a, bins, min, max);
  const countsB = histogram(b, bins, min, max);
  let sum = 0;
  for (let k = 0; k < bins; k++) sum += Math.abs(countsA[k] / a.length - countsB[k] / b.length);
  return sum;
}

function histogram(values: ArrayLike<number>, bins: number, min: number, max: number): Float64Array {
  const counts = new Float64Array(bins);
  const width = (max - min) / bins;
  for (let n = 0; n < values.length; n++) {
    const value = values[n];
    if (!Number.isFinite(value)) throw new RangeError(`samples: expected finite numbers, got ${value}`);
    counts[Math.min(bins - 1, Math.max(0, Math.floor((value - min) / width)))]++;
  }
  return counts;
}

function minimum(values: ArrayLike<number>): number {
  let out = Infinity;
  for (let n = 0; n < values.length; n++) out = Math.min(out, values[n]);
  return out;
}

function maximum(values: ArrayLike<number>): number {
  let out = -Infinity;
  for (let n = 0; n < values.length; n++) out = Math.max(out, values[n]);
  return out;
}

/** Column i of `count`×d row-major samples. */
export function column(set: SampleSet, i: number): Float64Array {
  return Float64Array.from({ length: set.count }, (_, n) => set.samples[n * set.d + i]);
}

/** Per coordinate, the samples' standard deviation (÷ count); a constant coordinate gets 1, so it can scale. */
export function sampleStandardDeviations(set: SampleSet): Float64Array {
  const out = new Float64Array(set.d);
  for (let i = 0; i < set.d; i++) {
    const values = column(set, i);
    const mean = values.reduce((s, v) => s + v, 0) / set.count;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / set.count;
    out[i] = variance > 0 ? Math.sqrt(variance) : 1;
  }
  return out;
}

/** The same samples with only the coordinates `indices`, in that order. */
export function selectCoordinates(set: SampleSet, indices: readonly number[]): SampleSet {
  const e = indices.length;
  const out = new Float64Array(set.count * e);
  for (let n = 0; n < set.count; n++) indices.forEach((i, a) => (out[n * e + a] = set.samples[n * set.d + i]));
  return { samples: out, count: set.count, d: e };
}

/** Every other row from `offset` (0 or 1): two interleaved halves of one sample set. */
export function halfOf(set: SampleSet, offset: 0 | 1): SampleSet {
  const count = Math.floor((set.count - offset + 1) / 2);
  const out = new Float64Array(count * set.d);
  for (let n = 0; n < count; n++) for (let i = 0; i < set.d; i++) out[n * set.d + i] = set.samples[(2 * n + offset) * set.d + i];
  return { samples: out, count, d: set.d };
}
