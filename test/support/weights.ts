/**
 * Inputs for the weight-floor property tests that reach the floor: uniform random log-weights
 * almost always leave one weight near 1 and the rest far below the floor, where clipping is
 * trivial. These put several normalised weights just below and just above w_min (and some at
 * exactly 0), so that the rescaling after a clip can push a weight that was above the floor below
 * it — the case where the paper's single pass and the repeated clip differ.
 */
import fc from 'fast-check';

export interface FloorCase {
  /** Unnormalised log-weights: the designed weights, shifted by a large offset (−∞ for a 0). */
  readonly logWeights: Float64Array;
  readonly minWeight: number;
  /** The weights after normalisation, before any clip (what the designed weights are). */
  readonly normalised: readonly number[];
}

/** K ≤ 12 and w_min ≤ 0.05 keep K·w_min < 1, as the settings require (core/problem/limits.ts). */
export const floorCase: fc.Arbitrary<FloorCase> = fc
  .record({
    minWeight: fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
    // Multiples of w_min for the weights near the floor: 0 (a collapsed component), below, above.
    // (Never within 1e-6 of w_min itself, where round-off decides which side a weight is on.)
    nearFloor: fc.array(
      fc.oneof(
        fc.constant(0),
        fc.double({ min: 0.2, max: 1.5, noNaN: true }).filter((m) => Math.abs(m - 1) > 1e-6),
      ),
      {
        minLength: 1,
        maxLength: 11,
      },
    ),
    // Shares of the rest of the mass for the other weights (at least one).
    shares: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
    offset: fc.double({ min: -700, max: 700, noNaN: true }),
  })
  .filter(({ nearFloor, shares }) => nearFloor.length + shares.length <= 12)
  .map(({ minWeight, nearFloor, shares, offset }) => {
    const near = nearFloor.map((multiple) => multiple * minWeight);
    const rest = 1 - near.reduce((a, b) => a + b, 0);
    const shareTotal = shares.reduce((a, b) => a + b, 0);
    const normalised = [...near, ...shares.map((share) => (rest * share) / shareTotal)];
    return { minWeight, normalised, logWeights: Float64Array.from(normalised, (w) => Math.log(w) + offset) };
  });
