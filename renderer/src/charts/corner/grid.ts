/**
 * Grids in physical units for the corner plot, and the change of variables from u.
 *
 * Mixtures live in u (core/problem/types.ts). To draw a bounded parameter's density in θ we put the
 * grid in θ, map each grid point to u = toUnconstrained(θ), evaluate the mixture's density there
 * and multiply by the Jacobian |du/dθ| (exact, from the transform's kind):
 *   ρ_θ(θ) = ρ_u(u(θ)) · |du/dθ|.
 * Without this factor a logit-normal marginal would look like a Gaussian squeezed into the bounds
 * and would not integrate to 1 over θ.
 */
import type { Mixture } from '../../../../core/gmki/state';
import type { ParameterTransform } from '../../../../core/problem/types';

/** A uniform grid on [min, max] in physical units (u when there is no transform). */
export interface AxisGrid {
  readonly min: number;
  readonly max: number;
  readonly count: number;
  /** The parameter's transform; absent = identity. */
  readonly transform?: ParameterTransform;
}

/** Grid points: both ends included (line plots), or pixel centres (rasters). */
export function gridPoints(grid: AxisGrid, placement: 'ends' | 'centres'): Float64Array {
  const out = new Float64Array(grid.count);
  if (placement === 'ends') {
    const step = grid.count > 1 ? (grid.max - grid.min) / (grid.count - 1) : 0;
    for (let a = 0; a < grid.count; a++) out[a] = grid.min + a * step;
  } else {
    const step = (grid.max - grid.min) / grid.count;
    for (let a = 0; a < grid.count; a++) out[a] = grid.min + (a + 0.5) * step;
  }
  return out;
}

/** |du/dθ| at θ for this transform; NaN outside the parameter's bounds, ∞ on them. */
export function jacobian(transform: ParameterTransform | undefined, theta: number): number {
  if (!transform) return 1;
  switch (transform.kind) {
    case 'identity':
      return 1;
    case 'lower':
      return theta >= transform.lower! ? 1 / (theta - transform.lower!) : Number.NaN;
    case 'upper':
      return theta <= transform.upper! ? 1 / (transform.upper! - theta) : Number.NaN;
    case 'interval':
      return theta >= transform.lower! && theta <= transform.upper! ? 1 / (theta - transform.lower!) + 1 / (transform.upper! - theta) : Number.NaN;
    default:
      return assertNever(transform.kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected transform kind ${String(value)}`);
}

/**
 * The grid's points mapped to u with their Jacobians. Points where the density in θ is 0 (outside
 * the bounds or on them, where ρ_u → 0 faster than |du/dθ| → ∞) get u = 0 and a factor 0, so the
 * density routines, which need finite grids, can be called on the whole grid.
 */
export function toUnconstrainedGrid(points: Float64Array, transform: ParameterTransform | undefined): { u: Float64Array; factor: Float64Array } {
  const u = new Float64Array(points.length);
  const factor = new Float64Array(points.length);
  for (let a = 0; a < points.length; a++) {
    const value = transform ? transform.toUnconstrained(points[a]) : points[a];
    const jac = jacobian(transform, points[a]);
    const ok = Number.isFinite(value) && Number.isFinite(jac);
    u[a] = ok ? value : 0;
    factor[a] = ok ? jac : 0;
  }
  return { u, factor };
}

/** Options of axisRange. */
export interface AxisRangeOptions {
  /** Half-width of each component's interval in its standard deviations (default 4). */
  readonly sigmas?: number;
  /**
   * Components lighter than this fraction of the heaviest are left out (default 1e-3): a collapsed
   * component far away would otherwise stretch the axis and squeeze the modes that matter.
   */
  readonly relativeWeight?: number;
}

/**
 * Physical range of parameter i covering every non-negligible component's m ± 4σ (in u, then
 * mapped through the transform, which keeps it strictly inside any bounds).
 */
export function axisRange(mixture: Mixture, i: number, transform?: ParameterTransform, options: AxisRangeOptions = {}): { min: number; max: number } {
  const d = mixture.nTheta;
  const sigmas = options.sigmas ?? 4;
  const heaviest = Math.max(...mixture.logWeights);
  const cutoff = heaviest + Math.log(options.relativeWeight ?? 1e-3);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < mixture.nComponents; k++) {
    if (mixture.logWeights[k] < cutoff) continue;
    const m = mixture.means[k * d + i];
    const sd = Math.sqrt(mixture.covariances[k * d * d + i * d + i]);
    lo = Math.min(lo, m - sigmas * sd);
    hi = Math.max(hi, m + sigmas * sd);
  }
  const a = transform ? transform.toPhysical(lo) : lo;
  const b = transform ? transform.toPhysical(hi) : hi;
  const min = Math.min(a, b);
  const max = Math.max(a, b);
  // A degenerate range (zero variance) still needs a visible axis.
  return max > min ? { min, max } : { min: min - 0.5, max: max + 0.5 };
}
