/**
 * The synthetic truth of the Darcy example and the numbers that compare a result with it
 * (`gmki-algorithm.md` §5.5). The truth and the noise are drawn with our seeded generator
 * (core/random), not Julia's: the authors' draws (seed 123) cannot be reproduced outside Julia,
 * so the example has its own truth, drawn the same way — θ_ref ~ N(0, 10² I), y = G(θ_ref) + N(0, I).
 */
import { createRandomStream } from '../random/random';
import { DARCY_MODES, DARCY_OUTPUTS, darcyForward, darcyLogPermeability, darcyModePairs } from './darcy-model';

/** Seed of the truth and noise streams (`darcy-2d-truth`, `darcy-2d-noise`) and the prior std. */
export const DARCY_TRUTH_SEED = 123;
export const DARCY_PRIOR_STD = 10;

/** θ_ref ~ N(0, 10² I_128) and y = G(θ_ref) + η, η ~ N(0, I_28), from DARCY_TRUTH_SEED. */
export function generateDarcyData(): { readonly truth: number[]; readonly data: number[] } {
  const truthStream = createRandomStream(DARCY_TRUTH_SEED, 'darcy-2d-truth');
  const truth = Array.from({ length: DARCY_MODES }, () => DARCY_PRIOR_STD * truthStream.normal());
  const noiseStream = createRandomStream(DARCY_TRUTH_SEED, 'darcy-2d-noise');
  const data = darcyForward(truth).map((g) => g + noiseStream.normal());
  if (data.length !== DARCY_OUTPUTS) throw new Error(`darcy-2d: expected ${DARCY_OUTPUTS} outputs, got ${data.length}`);
  return { truth, data };
}

/**
 * θ of the mirror image x1 → 1 − x1 of the field: θ_l → (−1)^{l1} θ_l, because
 * cos(π l1 (1 − x1)) = (−1)^{l1} cos(π l1 x1). The grid is symmetric (x_{79−i} = 1 − x_i), so
 * log κ of the mirrored θ is exactly the mirrored log κ; the mirror-averaged data barely tell
 * the two apart, which makes the posterior bimodal.
 */
export function darcyMirroredTheta(theta: ArrayLike<number>): Float64Array {
  const pairs = darcyModePairs(theta.length);
  return Float64Array.from({ length: theta.length }, (_, l) => (pairs[l][0] % 2 === 0 ? theta[l] : -theta[l]));
}

/**
 * Relative error of log κ on the grid, ‖log κ(θ_ref) − log κ(θ)‖ / ‖log κ(θ_ref)‖ (the notebook's
 * metric, `gmki-algorithm.md` §5.5).
 */
export function darcyLogPermeabilityError(theta: ArrayLike<number>, reference: ArrayLike<number>): number {
  const estimate = darcyLogPermeability(theta);
  const truth = darcyLogPermeability(reference);
  let difference = 0;
  let norm = 0;
  for (let i = 0; i < truth.length; i++) {
    difference += (truth[i] - estimate[i]) ** 2;
    norm += truth[i] ** 2;
  }
  return Math.sqrt(difference / norm);
}

/** The log κ error of θ against the truth and against its mirror image. */
export function darcyModeErrors(theta: ArrayLike<number>, truth: ArrayLike<number>): { readonly truth: number; readonly mirrored: number } {
  return { truth: darcyLogPermeabilityError(theta, truth), mirrored: darcyLogPermeabilityError(theta, darcyMirroredTheta(truth)) };
}
