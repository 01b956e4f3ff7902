/** VT-5 of gmki-algorithm.md §8: normalisation and the weight floor, the paper's single pass. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeAndClipWeights } from '../../../core/gmki/weights';
import { floorCase } from '../../support/weights';

const sum = (values: Float64Array) => Array.from(values, Math.exp).reduce((a, b) => a + b, 0);

describe('normalizeAndClipWeights (VT-5)', () => {
  it('normalises log-weights with log-sum-exp, even for huge offsets', () => {
    const weights = Array.from(normalizeAndClipWeights(Float64Array.from([1000, 1000 + Math.log(3)]), 1e-15), Math.exp);
    expect(weights[0]).toBeCloseTo(0.25, 12);
    expect(weights[1]).toBeCloseTo(0.75, 12);
  });

  it('clips weights below minWeight and keeps the total at 1', () => {
    const logWeights = Float64Array.from([0, -50, Math.log(0.5), -80]);
    const weights = Array.from(normalizeAndClipWeights(logWeights, 0.01), Math.exp);
    expect(weights[1]).toBeCloseTo(0.01, 15);
    expect(weights[3]).toBeCloseTo(0.01, 15);
    // The others share 1 − 2·0.01 in their original ratio 1 : 0.5.
    expect(weights[0]).toBeCloseTo((0.98 * 1) / 1.5, 14);
    expect(weights[2]).toBeCloseTo((0.98 * 0.5) / 1.5, 14);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });

  it('clips once, as the paper does: the rescaling can leave a weight that was above the floor below it', () => {
    // 0.051 is above the floor 0.05; clipping the first weight scales it by (1 − 0.05)/1.
    const weights = Array.from(normalizeAndClipWeights(Float64Array.from([-1000, Math.log(0.051), Math.log(0.949)]), 0.05), Math.exp);
    expect(weights[0]).toBeCloseTo(0.05, 15);
    expect(weights[1]).toBeCloseTo(0.051 * 0.95, 15);
    expect(weights[1]).toBeLessThan(0.05);
    expect(weights[2]).toBeCloseTo(0.949 * 0.95, 15);
  });

  it('for any input: total 1, the weights below the floor at it, the others scaled by one factor ≥ 1 − |S|·minWeight (property)', () => {
    let belowAfterClip = 0;
    fc.assert(
      fc.property(floorCase, ({ logWeights, minWeight, normalised }) => {
        const result = Array.from(normalizeAndClipWeights(logWeights, minWeight), Math.exp);
        expect(Math.abs(sum(Float64Array.from(result, Math.log)) - 1)).toBeLessThan(1e-12);
        const clipped = normalised.map((w) => w < minWeight);
        const nClipped = clipped.filter(Boolean).length;
        const scale = (1 - nClipped * minWeight) / normalised.filter((_, k) => !clipped[k]).reduce((a, b) => a + b, 0);
        expect(scale).toBeGreaterThanOrEqual((1 - nClipped * minWeight) * (1 - 1e-12));
        for (let k = 0; k < result.length; k++) {
          if (clipped[k]) expect(result[k]! / minWeight).toBeCloseTo(1, 11);
          else expect(result[k]! / (normalised[k]! * scale)).toBeCloseTo(1, 9);
          // The bound that does hold: no weight ends below minWeight·(1 − |S|·minWeight).
          expect(result[k]).toBeGreaterThanOrEqual(minWeight * (1 - nClipped * minWeight) * (1 - 1e-12));
        }
        if (result.some((w) => w < minWeight * (1 - 1e-9))) belowAfterClip++;
      }),
      { seed: 20261127, numRuns: 300 },
    );
    // The generator reaches the case the floor cannot hold in one pass (gmki-robust repeats the clip).
    expect(belowAfterClip).toBeGreaterThan(10);
  });
});
