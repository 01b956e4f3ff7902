import { describe, expect, it } from 'vitest';
import { identityTransform, lowerBoundTransform, upperBoundTransform } from '../../../core/problem/transforms';
import { formatInterval, marginalInterval, mixtureQuantileU, normalCdf } from '../../../renderer/src/charts/corner/intervals';
import { singleGaussian, twoComponentMixture } from './support';
import { mixtureFromJson } from '../../../core/gmki/state';

// Standard normal quantiles (Abramowitz & Stegun table 26.5).
const Z84 = 0.994457883;
const Z975 = 1.959963985;

describe('normalCdf', () => {
  it('matches tabulated values of Φ to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.841344746, 7);
    expect(normalCdf(-1.959963985)).toBeCloseTo(0.025, 7);
    expect(normalCdf(3)).toBeCloseTo(0.998650102, 7);
  });
});

describe('marginalInterval', () => {
  it('gives the median and the 68 % / 95 % central intervals of a Gaussian: m, m ± 0.994σ, m ± 1.96σ', () => {
    const mixture = singleGaussian(
      [1, 0],
      [
        [4, 0],
        [0, 1],
      ],
    );
    const { median, intervals } = marginalInterval(mixture, 0, identityTransform());
    expect(median).toBeCloseTo(1, 6);
    expect(intervals[0][0]).toBeCloseTo(1 - 2 * Z84, 5);
    expect(intervals[0][1]).toBeCloseTo(1 + 2 * Z84, 5);
    expect(intervals[1][0]).toBeCloseTo(1 - 2 * Z975, 5);
    expect(intervals[1][1]).toBeCloseTo(1 + 2 * Z975, 5);
  });

  it("maps quantiles through a bounded parameter's transform, swapping the tails of a decreasing one", () => {
    const mixture = singleGaussian([0], [[1]]);
    const lower = marginalInterval(mixture, 0, lowerBoundTransform(0));
    expect(lower.median).toBeCloseTo(1, 6);
    expect(lower.intervals[1][0]).toBeCloseTo(Math.exp(-Z975), 5);
    expect(lower.intervals[1][1]).toBeCloseTo(Math.exp(Z975), 4);
    const upper = marginalInterval(mixture, 0, upperBoundTransform(5));
    expect(upper.intervals[1][0]).toBeCloseTo(5 - Math.exp(Z975), 4);
    expect(upper.intervals[1][1]).toBeCloseTo(5 - Math.exp(-Z975), 5);
  });

  it('puts the quantiles of a mixture where its CDF says: symmetric modes have median 0', () => {
    const bimodal = mixtureFromJson({ weights: [0.5, 0.5], means: [[-3], [3]], covariances: [[[1]], [[1]]] });
    expect(mixtureQuantileU(bimodal, 0, 0.5)).toBeCloseTo(0, 6);
    // 0.7·N(−1, 0.3) + 0.3·N(1.5, 0.2) in parameter 0: F at the 16 % quantile is 0.16.
    const mixture = twoComponentMixture();
    const q = mixtureQuantileU(mixture, 0, 0.16);
    const F = 0.7 * normalCdf((q + 1) / Math.sqrt(0.3)) + 0.3 * normalCdf((q - 1.5) / Math.sqrt(0.2));
    expect(F).toBeCloseTo(0.16, 9);
  });
});

describe('formatInterval', () => {
  it('shows two significant digits of the interval width', () => {
    expect(formatInterval(1.2345, [0.9234, 1.6321])).toBe('1.23 [0.92, 1.63]');
    expect(formatInterval(1000.4567, [1000.41, 1000.52])).toBe('1000.46 [1000.41, 1000.52]');
    expect(formatInterval(1234.5, [1210.2, 1262.9])).toBe('1235 [1210, 1263]');
    expect(formatInterval(2.5e6, [2.4e6, 2.6e6])).toBe('2.50e+6 [2.40e+6, 2.60e+6]');
  });
});
