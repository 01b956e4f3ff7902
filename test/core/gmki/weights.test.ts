/** VT-5 of gmki-algorithm.md §8: normalisation and the weight floor. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeAndClipWeights } from '../../../core/gmki/weights';

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

  it('keeps every weight ≥ minWeight and the total at 1 for any input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -800, max: 800, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (raw, minWeight) => {
          const result = normalizeAndClipWeights(Float64Array.from(raw), minWeight);
          expect(Math.abs(sum(result) - 1)).toBeLessThan(1e-12);
          for (const l of result) expect(Math.exp(l)).toBeGreaterThanOrEqual(minWeight * (1 - 1e-12));
        },
      ),
      { seed: 20261127, numRuns: 300 },
    );
  });
});
