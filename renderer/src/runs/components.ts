/**
 * The run detail's table of components: weight, and mean and standard deviation of every
 * parameter in physical units. The mixture lives in u; for a bounded parameter θ = g(u) is not
 * Gaussian, so its mean and std are the moments of g(u) with u ~ N(m, s²), computed by
 * quadrature, not g(m) (which would be the median, not the mean).
 */
import type { Mixture } from '../../../core/gmki/state';
import type { ParameterTransform } from '../../../core/problem/types';

export interface ComponentRow {
  /** 0-based index, as in mixture.json and samples.csv's `component` column. */
  readonly index: number;
  readonly weight: number;
  /** The weight was clipped to the floor `minWeight` (the component carries no mass of its own). */
  readonly atFloor: boolean;
  /** Physical units, length d. */
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** Standard-normal nodes on ±8 (trapezoid rule): exact to ~1e-12 for the smooth maps of §1.1. */
const NODES = 801;
const SPAN = 8;
const Z = Float64Array.from({ length: NODES }, (_, i) => -SPAN + (2 * SPAN * i) / (NODES - 1));
const PHI = (() => {
  const raw = Z.map((z) => Math.exp(-0.5 * z * z));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((p) => p / total);
})();

/** Mean and std of g(u), u ~ N(m, s²). */
export function physicalMoments(m: number, s: number, transform: ParameterTransform): { mean: number; std: number } {
  if (transform.kind === 'identity') return { mean: m, std: s };
  let mean = 0;
  let square = 0;
  for (let i = 0; i < NODES; i++) {
    const theta = transform.toPhysical(m + s * Z[i]);
    mean += PHI[i] * theta;
    square += PHI[i] * theta * theta;
  }
  return { mean, std: Math.sqrt(Math.max(0, square - mean * mean)) };
}

/** One row per component, heaviest first. */
export function componentRows(mixture: Mixture, transforms: readonly ParameterTransform[], minWeight: number): ComponentRow[] {
  const d = mixture.nTheta;
  const weights = Array.from(mixture.logWeights, Math.exp);
  const total = weights.reduce((a, b) => a + b, 0);
  const rows: ComponentRow[] = [];
  for (let k = 0; k < mixture.nComponents; k++) {
    const mean: number[] = [];
    const std: number[] = [];
    for (let i = 0; i < d; i++) {
      const s = Math.sqrt(Math.max(0, mixture.covariances[k * d * d + i * d + i]));
      const moments = physicalMoments(mixture.means[k * d + i], s, transforms[i]);
      mean.push(moments.mean);
      std.push(moments.std);
    }
    const weight = weights[k] / total;
    // Clipping sets a weight to exactly minWeight; allow for the round trip through log and exp.
    rows.push({ index: k, weight, atFloor: minWeight > 0 && weight <= minWeight * (1 + 1e-9), mean, std });
  }
  return rows.sort((a, b) => b.weight - a.weight || a.index - b.index);
}
