/**
 * How nonlinear the model is over each component, read off the sigma-point outputs the
 * iteration already has (no extra evaluations): along sigma direction i,
 *   η_i = ½ ‖Σ^{-1/2} (g(x_{i}) + g(x_{i+d}) − 2 g(x_0))‖,
 * the second-order term of F between the centre and the outer points in units of the noise
 * standard deviation (Σ = the augmented noise covariance; the prior block of F is linear and
 * contributes nothing), and the first-order term s_i = ½ ‖Σ^{-1/2} (g(x_{i}) − g(x_{i+d}))‖.
 * η ≪ 1: the Kalman step's linearisation is adequate over the component; η ≫ 1: it is not.
 * η_i > s_i as well means the model turns within the component: for a quadratic along the
 * direction, its extremum lies within half the sigma-point spread of the mean — the component
 * straddles a saddle between modes, which no Kalman step can resolve (the gain there is zero);
 * η_i ≤ s_i means the model is merely curved but monotone there, which the Kalman step handles.
 * This is the nonlinearity test of adaptive Gaussian-mixture splitting (Tuggle & Zanetti,
 * "Automated splitting Gaussian mixture nonlinear measurement update", J. Guid. Control Dyn.
 * 41(3), 2018, which split along the direction of largest nonlinearity); the turning-point test
 * is ours (README.md, measured there).
 */
import { solveLowerInPlace } from '../../linalg/dense';

/** η per component and the sigma direction where it is largest. */
export interface Nonlinearity {
  /** max_i η_i, K. */
  readonly index: Float64Array;
  /** argmax_i η_i (0-based sigma direction, 0..d−1), K. */
  readonly direction: Int32Array;
  /** max of η_i over the directions where η_i > s_i (a turning point within the spread), else 0; K. */
  readonly turningIndex: Float64Array;
  /** The argmax of turningIndex, K (−1 when there is none). */
  readonly turningDirection: Int32Array;
}

/**
 * @param outputs F at the sigma points, K×(2d+1)×n_out (point 0 = centre, 1..d = plus, d+1..2d = minus)
 * @param noiseFactor lower Cholesky factor of Σ (n_out×n_out)
 * @param skipped K flags: components whose outputs are incomplete (a failed evaluation); their η is 0
 */
export function componentNonlinearity(
  outputs: Float64Array,
  nComponents: number,
  nTheta: number,
  nOut: number,
  noiseFactor: Float64Array,
  skipped: Uint8Array | null = null,
): Nonlinearity {
  const d = nTheta;
  const nPoints = 2 * d + 1;
  const index = new Float64Array(nComponents);
  const direction = new Int32Array(nComponents);
  const turningIndex = new Float64Array(nComponents);
  const turningDirection = new Int32Array(nComponents).fill(-1);
  const v = new Float64Array(nOut);
  const slope = new Float64Array(nOut);
  for (let k = 0; k < nComponents; k++) {
    if (skipped?.[k]) continue;
    const base = k * nPoints * nOut;
    for (let i = 0; i < d; i++) {
      const plus = base + (1 + i) * nOut;
      const minus = base + (1 + d + i) * nOut;
      for (let o = 0; o < nOut; o++) {
        v[o] = 0.5 * (outputs[plus + o] + outputs[minus + o] - 2 * outputs[base + o]);
        slope[o] = 0.5 * (outputs[plus + o] - outputs[minus + o]);
      }
      solveLowerInPlace(noiseFactor, nOut, v);
      solveLowerInPlace(noiseFactor, nOut, slope);
      let sum = 0;
      let slopeSum = 0;
      for (let o = 0; o < nOut; o++) {
        sum += v[o] * v[o];
        slopeSum += slope[o] * slope[o];
      }
      const eta = Math.sqrt(sum);
      if (eta > index[k]) {
        index[k] = eta;
        direction[k] = i;
      }
      if (eta > Math.sqrt(slopeSum) && eta > turningIndex[k]) {
        turningIndex[k] = eta;
        turningDirection[k] = i;
      }
    }
  }
  return { index, direction, turningIndex, turningDirection };
}
