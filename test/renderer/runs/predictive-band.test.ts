import { describe, expect, it } from 'vitest';
import { predictiveBand, sampleRows } from '../../../renderer/src/runs/predictive-band';

describe('predictiveBand', () => {
  it('takes the central 90 % of the outputs per observation (linear between order statistics)', () => {
    // 0, 1, …, 100 at observation 0 and 10× that at observation 1, in shuffled order.
    const outputs = Array.from({ length: 101 }, (_, s) => (s * 37) % 101).map((v) => [v, 10 * v]);
    const band = predictiveBand(outputs, [0, 0])!;
    const close = (got: readonly number[], want: number[]) => want.forEach((value, a) => expect(got[a]).toBeCloseTo(value, 9));
    close(band.low, [5, 50]);
    close(band.median, [50, 500]);
    close(band.high, [95, 950]);
    // Without noise, new data fall where the outputs do.
    expect(band.noisyLow).toEqual(band.low);
    expect(band.samples).toBe(101);
  });

  it('widens by the noise: outputs all equal to m give m ± 1.645σ', () => {
    const band = predictiveBand(
      Array.from({ length: 20 }, () => [3]),
      [2],
    )!;
    expect([band.low[0], band.high[0]]).toEqual([3, 3]);
    expect(band.noisyLow[0]).toBeCloseTo(3 - 1.6448536 * 2, 5);
    expect(band.noisyHigh[0]).toBeCloseTo(3 + 1.6448536 * 2, 5);
  });

  it('needs two outputs', () => {
    expect(predictiveBand([[1]], [1])).toBeNull();
  });
});

describe('sampleRows', () => {
  it('splits a row-major sample matrix into θ lists', () => {
    expect(sampleRows(Float64Array.from([1, 2, 3, 4, 5, 6]), 2)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
});
