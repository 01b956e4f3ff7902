/**
 * Diagonal cells of the corner plot: the 1-D marginal density of one parameter (with each
 * component's contribution) and an optional histogram of posterior samples on the same scale.
 */
import type { Mixture } from '../../../../core/gmki/state';
import { mixtureDensityOnGrid1d } from '../../../../core/results/density';
import { gridPoints, toUnconstrainedGrid } from './grid';
import type { AxisGrid } from './grid';

/** A marginal density on a grid in physical units. */
export interface MarginalDensity {
  /** Grid points (both ends included), length n. */
  readonly x: Float64Array;
  /** ρ_i(x) in physical units, length n. */
  readonly density: Float64Array;
  /** Per component k: w_k N_k(x) (its share of `density`; the K arrays sum to it). */
  readonly components: readonly Float64Array[];
}

/** Component k of `mixture` alone, with its weight (log w_k kept, not renormalised). */
export function singleComponent(mixture: Mixture, k: number): Mixture {
  const d = mixture.nTheta;
  return {
    nComponents: 1,
    nTheta: d,
    logWeights: mixture.logWeights.subarray(k, k + 1),
    means: mixture.means.subarray(k * d, (k + 1) * d),
    covariances: mixture.covariances.subarray(k * d * d, (k + 1) * d * d),
  };
}

/**
 * Marginal density of parameter i on `grid` (physical units, Jacobian applied, grid.ts), and
 * each component's weighted contribution, via core's mixtureDensityOnGrid1d.
 */
export function marginalDensity(mixture: Mixture, i: number, grid: AxisGrid): MarginalDensity {
  const x = gridPoints(grid, 'ends');
  const { u, factor } = toUnconstrainedGrid(x, grid.transform);
  const density = new Float64Array(x.length);
  const components: Float64Array[] = [];
  for (let k = 0; k < mixture.nComponents; k++) {
    const part = mixtureDensityOnGrid1d(singleComponent(mixture, k), u, i);
    for (let a = 0; a < x.length; a++) {
      part[a] *= factor[a];
      density[a] += part[a];
    }
    components.push(part);
  }
  return { x, density, components };
}

/** A histogram scaled as a density, to lie on the marginal curve. */
export interface Histogram {
  /** Bin centres, length `bins`. */
  readonly centres: Float64Array;
  /** count / (n · bin width): samples outside [min, max] count in n but in no bin. */
  readonly density: Float64Array;
}

/**
 * Histogram of column `i` of row-major samples (count×d, physical units) on [min, max].
 */
export function sampleHistogram(samples: Float64Array, d: number, i: number, min: number, max: number, bins: number): Histogram {
  const count = samples.length / d;
  const width = (max - min) / bins;
  const centres = new Float64Array(bins);
  const density = new Float64Array(bins);
  for (let b = 0; b < bins; b++) centres[b] = min + (b + 0.5) * width;
  for (let n = 0; n < count; n++) {
    const bin = Math.floor((samples[n * d + i] - min) / width);
    if (bin >= 0 && bin < bins) density[bin] += 1;
  }
  const scale = count > 0 ? 1 / (count * width) : 0;
  for (let b = 0; b < bins; b++) density[b] *= scale;
  return { centres, density };
}
