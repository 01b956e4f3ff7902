/**
 * How far each component of a mixture is from the problem's reference parameters
 * (`problem-format.md` §1.4), e.g. the truth of a synthetic problem: the numbers the run summary
 * and the app report next to each component.
 */
import type { Mixture } from '../gmki/state';
import type { ParameterTransform, ProblemReference } from '../problem/types';

/** One component's distance to the reference, in physical units. */
export interface ReferenceDistance {
  /** 0-based component index. */
  readonly component: number;
  /** ‖θ_ref − θ_k‖₂, θ_k = the component's mean mapped to physical units. */
  readonly distance: number;
  /** distance / ‖θ_ref‖₂; null when the reference is the zero vector. */
  readonly relativeError: number | null;
}

/**
 * The component's centre in physical units: its mean in u mapped through each parameter's
 * transform. For an unbounded parameter that is the mean; for a bounded one, the median of the
 * component's marginal (the transforms are monotone), as the run summary reports it.
 */
export function componentCentre(mixture: Mixture, k: number, transforms: readonly ParameterTransform[]): Float64Array {
  const d = mixture.nTheta;
  const centre = new Float64Array(d);
  for (let i = 0; i < d; i++) centre[i] = transforms[i].toPhysical(mixture.means[k * d + i]);
  return centre;
}

/** Euclidean distance and relative error of every component of `mixture` to `reference`. */
export function referenceDistances(mixture: Mixture, transforms: readonly ParameterTransform[], reference: Pick<ProblemReference, 'theta'>): ReferenceDistance[] {
  const d = mixture.nTheta;
  if (reference.theta.length !== d || transforms.length !== d) {
    throw new RangeError(`referenceDistances: expected a reference and transforms of length ${d}, got ${reference.theta.length} and ${transforms.length}`);
  }
  const referenceNorm = Math.sqrt(reference.theta.reduce((sum, x) => sum + x * x, 0));
  return Array.from({ length: mixture.nComponents }, (_, k) => {
    const centre = componentCentre(mixture, k, transforms);
    let squared = 0;
    for (let i = 0; i < d; i++) squared += (reference.theta[i] - centre[i]) ** 2;
    const distance = Math.sqrt(squared);
    return { component: k, distance, relativeError: referenceNorm > 0 ? distance / referenceNorm : null };
  });
}
