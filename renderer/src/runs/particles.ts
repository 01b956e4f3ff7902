/**
 * A particle run's posterior (eki, eks, smc) as the page draws it: its particles, fetched through
 * run/samples exactly as samples.csv has them, and for the corner plot a kernel density estimate
 * of them (core/results/kernel-density.ts) on the parameters shown — the run's K = 1 Gaussian
 * summary hides every mode but the mean.
 */
import type { Mixture } from '../../../core/gmki/state';
import type { ParameterTransform } from '../../../core/problem/types';
import { selectCoordinates } from '../../../core/results/distance';
import { kernelDensityMixture } from '../../../core/results/kernel-density';
import { MAX_SAMPLE_NUMBERS, type RunSamples } from '../../../electron/contract/types';
import type { ParameterReference, ParameterSpace } from './mixture';

/** The most samples the page asks for: enough for smooth histograms, drawn in milliseconds. */
export const MAX_PAGE_SAMPLES = 20_000;

/** Samples of a run in physical units, row-major, as run/samples sent them. */
export interface RunSampleSet {
  readonly samples: Float64Array;
  readonly count: number;
  readonly d: number;
  readonly iteration: number;
  /** J of a particle run (the samples are its particles, in order, when count = J); null for a mixture run. */
  readonly particles: number | null;
}

/**
 * How many samples the page asks run/samples for: all J particles (the samples CSV of J rows)
 * when they fit in one reply and MAX_PAGE_SAMPLES, else as many as fit (then drawn with
 * replacement by weight, as the CSV of that count).
 */
export function pageSampleCount(particles: number, d: number): number {
  return Math.max(1, Math.min(particles, MAX_PAGE_SAMPLES, Math.floor(MAX_SAMPLE_NUMBERS / Math.max(1, d))));
}

/** run/samples' rows as one Float64Array. */
export function sampleSetOf(reply: RunSamples): RunSampleSet {
  const d = reply.parameterNames.length;
  const samples = new Float64Array(reply.count * d);
  reply.samples.forEach((row, n) => samples.set(row, n * d));
  return { samples, count: reply.count, d, iteration: reply.iteration, particles: reply.particles };
}

/** What CornerPlot takes for a particle run, on the parameters shown (indices 0…e−1 of these). */
export interface ParticleCorner {
  /** The kernel density estimate in u (the plot maps it to physical units with `transforms`). */
  readonly mixture: Mixture;
  readonly names: string[];
  readonly transforms: ParameterTransform[];
  /** The samples of the parameters shown, physical units: the histograms. */
  readonly samples: Float64Array;
  readonly reference: ParameterReference | null;
  /** Kernels of the estimate (samples thinned beyond its limit) and its bandwidth factor. */
  readonly kernels: number;
  readonly bandwidth: number;
}

/**
 * Gaussian terms the corner plot's pair rasters may cost (pairs × pixels² × kernels): about a
 * second of drawing on a busy machine, a few tenths on a quiet one.
 */
const RASTER_TERMS = 2e7;
/** The corner plot's raster side (charts/corner/data.ts's default). */
const RASTER_PIXELS = 120;

/**
 * How many kernels the estimate of `shown` parameters may have: the raster budget shared by the
 * pairs, at least 150 (a smooth enough picture of a few modes), at most 1000.
 */
export function kernelBudget(shown: number): number {
  const pairs = (shown * (shown - 1)) / 2;
  if (pairs === 0) return 1000;
  return Math.max(150, Math.min(1000, Math.floor(RASTER_TERMS / (pairs * RASTER_PIXELS * RASTER_PIXELS))));
}

/**
 * The corner plot's input for `parameters` (indices into the run's d): the samples mapped to u
 * (where a bounded parameter's density has no edge), their kernel density estimate there, and the
 * samples, names, transforms and reference of those parameters.
 * @param maxKernels kernels of the estimate (default kernelBudget: a raster costs pixels² × kernels)
 */
export function particleCorner(set: RunSampleSet, parameters: readonly number[], space: ParameterSpace, maxKernels = kernelBudget(parameters.length)): ParticleCorner {
  const shown = selectCoordinates(set, parameters);
  const transforms = parameters.map((i) => space.transforms[i]!);
  const e = parameters.length;
  const unconstrained = Float64Array.from(shown.samples as Float64Array, (theta, k) => transforms[k % e]!.toUnconstrained(theta));
  const density = kernelDensityMixture({ samples: unconstrained, count: set.count, d: e }, { maxComponents: maxKernels });
  return {
    mixture: density.mixture,
    names: parameters.map((i) => space.names[i]!),
    transforms,
    samples: shown.samples as Float64Array,
    reference: space.reference ? { label: space.reference.label, values: parameters.map((i) => space.reference!.values[i]!) } : null,
    kernels: density.components,
    bandwidth: density.bandwidth,
  };
}
