/**
 * Posterior samples for the corner plot's histograms, drawn in the page exactly as every export
 * draws them (electron/services/results/samples-csv.ts): the run's seed, its own
 * 'posterior-samples' stream, core's sampler, then u → θ. So the dots on screen are the first
 * rows of the samples CSV of the same count.
 */
import type { Mixture } from '../../../core/gmki/state';
import type { ParameterTransform } from '../../../core/problem/types';
import { createRandomStream } from '../../../core/random/random';
import { sampleMixture, samplesToPhysical } from '../../../core/results/sampling';

/** count×d samples in physical units, row-major. */
export function posteriorSamples(mixture: Mixture, transforms: readonly ParameterTransform[], seed: number, count: number): Float64Array {
  const { samples } = sampleMixture(mixture, count, createRandomStream(seed, 'posterior-samples'));
  return samplesToPhysical(samples, transforms);
}
