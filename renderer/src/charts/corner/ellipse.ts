/**
 * Component ellipses on the off-diagonal cells: the level set (z − m)ᵀ C⁻¹ (z − m) = s² of one
 * component's 2×2 marginal, drawn from the eigen-decomposition of the 2×2 block.
 */
import type { Mixture } from '../../../../core/gmki/state';
import type { ParameterTransform } from '../../../../core/problem/types';

/** Semi-axes (major first) and the major axis's angle from the x-axis, in radians (−π/2, π/2]. */
export interface EllipseGeometry {
  readonly semiAxes: readonly [number, number];
  readonly angle: number;
}

/**
 * Geometry of the s-level ellipse of the covariance [[cxx, cxy], [cxy, cyy]]: the eigenvalues
 * λ₁ ≥ λ₂ give semi-axes s√λ, the eigenvector of λ₁ has angle ½·atan2(2cxy, cxx − cyy).
 */
export function ellipseGeometry(cxx: number, cxy: number, cyy: number, levelSigma = 2): EllipseGeometry {
  const half = (cxx + cyy) / 2;
  const radius = Math.hypot((cxx - cyy) / 2, cxy);
  // Round-off can make a nearly singular block's small eigenvalue slightly negative.
  const major = Math.max(half + radius, 0);
  const minor = Math.max(half - radius, 0);
  return { semiAxes: [levelSigma * Math.sqrt(major), levelSigma * Math.sqrt(minor)], angle: 0.5 * Math.atan2(2 * cxy, cxx - cyy) };
}

/** Optional physical transforms of the two axes and the number of segments. */
export interface EllipseOptions {
  readonly x?: ParameterTransform;
  readonly y?: ParameterTransform;
  /** Default 72. */
  readonly segments?: number;
}

/**
 * Closed polyline (first point repeated at the end) of the `levelSigma` ellipse of component k's
 * marginal on (θ_i on x, θ_j on y). With transforms the ellipse is computed in u and its points
 * are mapped to θ, so it is bent exactly as the density is. (In 2-D the 2σ ellipse holds
 * 1 − e⁻² ≈ 86% of the component's mass.)
 */
export function componentEllipse(mixture: Mixture, k: number, i: number, j: number, levelSigma = 2, options: EllipseOptions = {}): [number, number][] {
  const d = mixture.nTheta;
  const c = mixture.covariances;
  const base = k * d * d;
  const { semiAxes, angle } = ellipseGeometry(c[base + i * d + i], c[base + i * d + j], c[base + j * d + j], levelSigma);
  const mx = mixture.means[k * d + i];
  const my = mixture.means[k * d + j];
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const segments = options.segments ?? 72;
  const toX = options.x ? options.x.toPhysical : (u: number) => u;
  const toY = options.y ? options.y.toPhysical : (u: number) => u;
  const points: [number, number][] = [];
  for (let s = 0; s <= segments; s++) {
    const t = (2 * Math.PI * (s % segments)) / segments;
    const a = semiAxes[0] * Math.cos(t);
    const b = semiAxes[1] * Math.sin(t);
    points.push([toX(mx + a * cos - b * sin), toY(my + a * sin + b * cos)]);
  }
  return points;
}
