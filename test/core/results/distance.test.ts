/**
 * Distances between sample sets (core/results/distance.ts) against closed forms: the Wasserstein
 * distances of Gaussians, identical samples at 0, a shift δ at |δ|, the sliced distance of two
 * 2-D Gaussians (integrated over the circle), and binned L1 at its ends 0 and 2 and for a shift.
 */
import { describe, expect, it } from 'vitest';
import { inverseNormalCdf } from '../../../core/gmki/robust/initialization';
import { createRandomStream } from '../../../core/random/random';
import { binnedL1, halfOf, sampleStandardDeviations, selectCoordinates, slicedWasserstein, wasserstein1d, type SampleSet } from '../../../core/results/distance';

/** n points of N(mean, std²) at the quantile levels (i + ½)/n: an empirical measure close to the Gaussian. */
function gaussianQuantiles(mean: number, std: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => mean + std * inverseNormalCdf((i + 0.5) / n));
}

/** n draws of N(mean, L Lᵀ) in 2-D, L lower-triangular [[l11, 0], [l21, l22]]. */
function gaussian2d(mean: [number, number], l: [number, number, number], n: number, seed: number): SampleSet {
  const random = createRandomStream(seed, 'test');
  const samples = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const z1 = random.normal();
    const z2 = random.normal();
    samples[2 * k] = mean[0] + l[0] * z1;
    samples[2 * k + 1] = mean[1] + l[1] * z1 + l[2] * z2;
  }
  return { samples, count: n, d: 2 };
}

describe('wasserstein1d', () => {
  it('is 0 for identical samples, whatever their order', () => {
    const a = Float64Array.from([3, -1, 2, 0.5, 7]);
    expect(wasserstein1d(a, [7, 0.5, 2, -1, 3], 1)).toBe(0);
    expect(wasserstein1d(a, a.slice().reverse(), 2)).toBe(0);
  });

  it('is |δ| for samples shifted by δ, for p = 1 and 2', () => {
    const a = gaussianQuantiles(0, 1.3, 1000);
    const b = a.map((x) => x - 0.7);
    expect(wasserstein1d(a, b, 1)).toBeCloseTo(0.7, 12);
    expect(wasserstein1d(a, b, 2)).toBeCloseTo(0.7, 12);
  });

  it('gives W2 between N(μ1, σ1²) and N(μ2, σ2²) = √((μ1 − μ2)² + (σ1 − σ2)²), and W1 of N(0, 1), N(0, σ²) = |1 − σ|·√(2/π)', () => {
    const a = gaussianQuantiles(1, 2, 20_000);
    const b = gaussianQuantiles(-0.5, 0.5, 20_000);
    expect(wasserstein1d(a, b, 2)).toBeCloseTo(Math.hypot(1.5, 1.5), 2);
    const c = gaussianQuantiles(0, 1, 20_000);
    const e = gaussianQuantiles(0, 3, 20_000);
    expect(wasserstein1d(c, e, 1)).toBeCloseTo(2 * Math.sqrt(2 / Math.PI), 3);
  });

  it('takes samples of different sizes (the merged quantile levels)', () => {
    // {0, 1} against {0, 0.5, 1}: the quantile functions differ by 0.5 on the levels (1/3, 2/3], so W1 = 0.5·1/3.
    expect(wasserstein1d([0, 1], [0, 0.5, 1], 1)).toBeCloseTo(1 / 6, 15);
    const a = gaussianQuantiles(0, 1, 3000);
    const b = gaussianQuantiles(2, 1, 7000);
    expect(wasserstein1d(a, b, 2)).toBeCloseTo(2, 2);
  });

  it('refuses empty or non-finite samples, naming them', () => {
    expect(() => wasserstein1d([], [1])).toThrow(/at least one on each side/);
    expect(() => wasserstein1d([Number.NaN], [1])).toThrow(/finite numbers, got NaN/);
  });
});

describe('slicedWasserstein', () => {
  const a = gaussian2d([0, 0], [1, 0.5, 0.8], 4000, 1);

  it('is 0 for identical samples, and the same number for the same seed', () => {
    expect(slicedWasserstein(a, a)).toBe(0);
    const b = gaussian2d([0.3, 0], [1, 0, 1], 4000, 2);
    expect(slicedWasserstein(a, b, { seed: 5 })).toBe(slicedWasserstein(a, b, { seed: 5 }));
  });

  it('is |δ| for a shift in one dimension, and |δ|/√2 (E cos² = ½) for a shift in two, within the directions’ noise', () => {
    const values = gaussianQuantiles(0, 1, 500);
    const line: SampleSet = { samples: values, count: 500, d: 1 };
    const shifted: SampleSet = { samples: values.map((x) => x + 1.7), count: 500, d: 1 };
    expect(slicedWasserstein(line, shifted)).toBeCloseTo(1.7, 12);
    const moved: SampleSet = { samples: Float64Array.from(a.samples, (x, k) => x + (k % 2 === 0 ? 3 : -4)), count: a.count, d: 2 };
    // 2000 directions: the mean of cos² has a relative standard deviation of about 1.6 %.
    const ratio = slicedWasserstein(a, moved, { projections: 2000 }) / (5 / Math.SQRT2);
    expect(ratio).toBeGreaterThan(0.95);
    expect(ratio).toBeLessThan(1.05);
  });

  it('matches the closed form of two 2-D Gaussians, E_ω[(ω·Δm)² + (√ωᵀC1ω − √ωᵀC2ω)²] integrated over the circle', () => {
    const b = gaussian2d([1, -0.5], [0.6, -0.3, 0.4], 4000, 3);
    const c1 = [1, 0.5, 0.5, 0.25 + 0.64];
    const c2 = [0.36, -0.18, -0.18, 0.09 + 0.16];
    let sum = 0;
    const angles = 3600;
    for (let t = 0; t < angles; t++) {
      const x = Math.cos((2 * Math.PI * t) / angles);
      const y = Math.sin((2 * Math.PI * t) / angles);
      const quad = (c: number[]) => c[0] * x * x + 2 * c[1] * x * y + c[3] * y * y;
      sum += (x * 1 + y * -0.5) ** 2 + (Math.sqrt(quad(c1)) - Math.sqrt(quad(c2))) ** 2;
    }
    const exact = Math.sqrt(sum / angles);
    const measured = slicedWasserstein(a, b, { projections: 1000 });
    expect(Math.abs(measured - exact) / exact).toBeLessThan(0.05);
  });

  it('measures in the given scales: dividing the coordinates first gives the same number', () => {
    const b = gaussian2d([1, 1], [2, 0, 3], 1000, 4);
    const scales = [2, 0.5];
    const divide = (set: SampleSet): SampleSet => ({ ...set, samples: Float64Array.from(set.samples as ArrayLike<number>, (x, k) => x / scales[k % 2]!) });
    expect(slicedWasserstein(a, b, { scales })).toBeCloseTo(slicedWasserstein(divide(a), divide(b)), 12);
  });

  it('refuses mismatched dimensions, shapes and scales', () => {
    expect(() => slicedWasserstein(a, { samples: [1], count: 1, d: 1 })).toThrow(/same dimension/);
    expect(() => slicedWasserstein(a, { samples: [1, 2, 3], count: 2, d: 2 })).toThrow(/b: expected 2×2 samples/);
    expect(() => slicedWasserstein(a, a, { scales: [1, 0] })).toThrow(/scales: expected 2 finite numbers > 0/);
  });
});

describe('binnedL1', () => {
  it('is 0 for the same histogram and 2 for samples in disjoint bins', () => {
    expect(binnedL1([0, 1, 2, 3], [3, 2, 1, 0])).toBe(0);
    expect(binnedL1([0, 0.1, 0.2], [5, 5.1], { bins: 10 })).toBe(2);
  });

  it('is 2δ for a uniform sample shifted by δ, bins aligned with the shift', () => {
    const a = Float64Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    const b = a.map((x) => x + 0.25);
    expect(binnedL1(a, b, { bins: 5, min: 0, max: 1.25 })).toBeCloseTo(0.5, 12);
  });

  it('puts every sample at one value in one bin', () => {
    expect(binnedL1([2, 2], [2])).toBe(0);
  });
});

describe('sample-set helpers', () => {
  const set: SampleSet = { samples: [1, 10, 2, 20, 3, 30, 4, 40, 5, 50], count: 5, d: 2 };

  it('select coordinates, split into interleaved halves, and measure standard deviations', () => {
    expect(Array.from(selectCoordinates(set, [1]).samples)).toEqual([10, 20, 30, 40, 50]);
    expect(Array.from(halfOf(set, 0).samples)).toEqual([1, 10, 3, 30, 5, 50]);
    expect(Array.from(halfOf(set, 1).samples)).toEqual([2, 20, 4, 40]);
    expect(Array.from(sampleStandardDeviations(set))).toEqual([Math.SQRT2, 10 * Math.SQRT2]);
    expect(Array.from(sampleStandardDeviations({ samples: [3, 3], count: 2, d: 1 }))).toEqual([1]);
  });
});
