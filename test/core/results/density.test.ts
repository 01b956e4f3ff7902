import { describe, expect, it } from 'vitest';
import { mixtureFromJson } from '../../../core/gmki/state';
import { createMixtureDensity, logMixtureDensities, logMixtureDensity, mixtureDensityOnGrid1d, mixtureDensityOnGrid2d } from '../../../core/results';

function linRange(a: number, b: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);

/** A 3-D mixture with correlated, unequal components (used for the marginals). */
const mixture3d = mixtureFromJson({
  weights: [0.2, 0.5, 0.3],
  means: [
    [-1, 0.5, 2],
    [1.5, -1, 0],
    [0, 1, -1],
  ],
  covariances: [
    [
      [0.5, 0.2, 0.1],
      [0.2, 0.8, -0.3],
      [0.1, -0.3, 1.2],
    ],
    [
      [0.3, -0.1, 0],
      [-0.1, 0.4, 0.05],
      [0, 0.05, 0.2],
    ],
    [
      [1, 0.6, 0],
      [0.6, 0.9, 0],
      [0, 0, 0.5],
    ],
  ],
});

describe('mixture density', () => {
  it('matches the hand-computed value 0.3·N(0; −1, 1) + 0.7·N(0; 1.5, 0.25) = 0.0787958051324562', () => {
    // 0.3·e^{−1/2}/√(2π) + 0.7·e^{−4.5}/(0.5·√(2π)) = 0.0725912173557 + 0.0062045877767
    const m = mixtureFromJson({ weights: [0.3, 0.7], means: [[-1], [1.5]], covariances: [[[1]], [[0.25]]] });
    expect(Math.exp(logMixtureDensity(m, [0]))).toBeCloseTo(0.0787958051324562, 14);
    expect(mixtureDensityOnGrid1d(m, [0])[0]).toBeCloseTo(0.0787958051324562, 14);
  });

  it('matches the hand-computed value of a correlated 2-D Gaussian, e^{−1/3}/(2π√3) at (1, 0)', () => {
    // C = [[2, 1], [1, 2]]: det 3, C⁻¹ = [[2, −1], [−1, 2]]/3, so (1, 0) has quadratic form 2/3.
    const m = mixtureFromJson({
      weights: [1],
      means: [[0, 0]],
      covariances: [
        [
          [2, 1],
          [1, 2],
        ],
      ],
    });
    expect(Math.exp(logMixtureDensity(m, [1, 0]))).toBeCloseTo(0.06584073599896272, 14);
    expect(mixtureDensityOnGrid2d(m, [1], [0])[0]).toBeCloseTo(0.06584073599896272, 14);
  });

  it('integrates to 1 on a fine 1-D grid, for each marginal of a 3-D mixture', () => {
    const grid = linRange(-10, 10, 4001);
    const dx = grid[1] - grid[0];
    for (const i of [0, 1, 2]) expect(sum(mixtureDensityOnGrid1d(mixture3d, grid, i)) * dx).toBeCloseTo(1, 8);
  });

  it('integrates to 1 on a fine 2-D grid, for each pair of parameters of a 3-D mixture', () => {
    const grid = linRange(-8, 8, 801);
    const dx = grid[1] - grid[0];
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [2, 1],
    ] as const) {
      expect(sum(mixtureDensityOnGrid2d(mixture3d, grid, grid, i, j)) * dx * dx).toBeCloseTo(1, 7);
    }
  });

  it('gives on the 2-D grid the density of the mixture of the 2×2 sub-blocks, laid out row = θ_i', () => {
    const gridI = [-1.2, 0.3, 2];
    const gridJ = [-2, 0.5];
    const marginal = mixtureFromJson({
      weights: [0.2, 0.5, 0.3],
      means: [
        [2, 0.5],
        [0, -1],
        [-1, 1],
      ],
      covariances: [
        [
          [1.2, -0.3],
          [-0.3, 0.8],
        ],
        [
          [0.2, 0.05],
          [0.05, 0.4],
        ],
        [
          [0.5, 0],
          [0, 0.9],
        ],
      ],
    });
    const values = mixtureDensityOnGrid2d(mixture3d, gridI, gridJ, 2, 1);
    for (let a = 0; a < gridI.length; a++)
      for (let b = 0; b < gridJ.length; b++) expect(values[a * gridJ.length + b]).toBeCloseTo(Math.exp(logMixtureDensity(marginal, [gridI[a], gridJ[b]])), 14);
  });

  it('evaluates many points with one prepared density, equal to point-by-point evaluation', () => {
    const points = Float64Array.from([0, 0, 0, 1, -1, 0.5, -2, 3, 1]);
    const batch = logMixtureDensities(mixture3d, points, 3);
    const prepared = createMixtureDensity(mixture3d);
    for (let n = 0; n < 3; n++) {
      const point = points.subarray(n * 3, n * 3 + 3);
      expect(batch[n]).toBe(prepared.logDensity(point));
      expect(batch[n]).toBe(logMixtureDensity(mixture3d, point));
    }
  });

  it('returns a finite log density far from every component, where the density itself underflows', () => {
    const m = mixtureFromJson({ weights: [0.5, 0.5], means: [[0], [1]], covariances: [[[1]], [[1]]] });
    const log = logMixtureDensity(m, [100]);
    // The component at 1 dominates: log(0.5) − ½ log 2π − 99²/2 (the other term is e^{−99.5} smaller).
    expect(log).toBeCloseTo(Math.log(0.5) - 0.5 * Math.log(2 * Math.PI) - 99 ** 2 / 2, 9);
    expect(mixtureDensityOnGrid1d(m, [100])[0]).toBe(0);
  });

  it('rejects a parameter index outside [0, d − 1] with the index in the message', () => {
    expect(() => mixtureDensityOnGrid1d(mixture3d, [0], 3)).toThrow(/got 3/);
    expect(() => mixtureDensityOnGrid2d(mixture3d, [0], [0], 1, 1)).toThrow(/two different/);
  });
});
