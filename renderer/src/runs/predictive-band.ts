/**
 * The posterior predictive as a band (issue 11 item 15): the model evaluated at N posterior
 * samples (the first rows of the samples export, runs/samples.ts), and per observation the
 * central 90 % of those outputs G(θ) — the posterior's uncertainty in the prediction — and of
 * G(θ) + ε with the observation noise ε ~ N(0, σ²) — where 90 % of new data would fall: the
 * quantiles of the equal-weight mixture of N(G(θ_s), σ²), solved exactly by bisection.
 */
import { normalCdf } from '../charts/corner/intervals';

/** The central mass of the band. */
export const PREDICTIVE_BAND_MASS = 0.9;

/** Per observation: the band of the model's outputs and, wider, of new data. */
export interface PredictiveBand {
  readonly low: readonly number[];
  readonly median: readonly number[];
  readonly high: readonly number[];
  readonly noisyLow: readonly number[];
  readonly noisyHigh: readonly number[];
  /** Samples whose output went into the band (failed evaluations are left out). */
  readonly samples: number;
}

/** Row `n` of a row-major count×d sample matrix, for each n: the θs to evaluate. */
export function sampleRows(samples: Float64Array, d: number): number[][] {
  return Array.from({ length: samples.length / d }, (_, n) => Array.from(samples.subarray(n * d, (n + 1) * d)));
}

/** The p-quantile of sorted values, linearly interpolated between order statistics. */
function quantile(sorted: readonly number[], p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/** The p-quantile of (1/S) Σ_s N(centres[s], sigma²). */
function noisyQuantile(centres: readonly number[], sigma: number, p: number): number {
  if (!(sigma > 0)) return quantile(centres, p);
  const cdf = (y: number) => centres.reduce((sum, c) => sum + normalCdf((y - c) / sigma), 0) / centres.length;
  let lo = centres[0]! - 10 * sigma;
  let hi = centres[centres.length - 1]! + 10 * sigma;
  for (let step = 0; step < 80; step++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * The band of `outputs` (one n_y-vector per sample, at least two) with noise std `noiseStd`.
 * @returns null when fewer than two outputs are given
 */
export function predictiveBand(outputs: readonly (readonly number[])[], noiseStd: readonly number[], mass = PREDICTIVE_BAND_MASS): PredictiveBand | null {
  if (outputs.length < 2) return null;
  const tail = (1 - mass) / 2;
  const columns = noiseStd.map((_, a) => outputs.map((output) => output[a]!).sort((x, y) => x - y));
  return {
    low: columns.map((column) => quantile(column, tail)),
    median: columns.map((column) => quantile(column, 0.5)),
    high: columns.map((column) => quantile(column, 1 - tail)),
    noisyLow: columns.map((column, a) => noisyQuantile(column, noiseStd[a]!, tail)),
    noisyHigh: columns.map((column, a) => noisyQuantile(column, noiseStd[a]!, 1 - tail)),
    samples: outputs.length,
  };
}
