import { describe, expect, it } from 'vitest';
import { mixtureFromJson } from '../../../core/gmki/state';
import { gridReference1d, gridReference2d, l1OnGrid, linRange, mixtureL1OnGrid1d, mixtureL1OnGrid2d, normalizeOnGrid, squareMapGridRange } from '../../support/grid-l1';

describe('grid L1 (the notebooks’ error metric, no factor ½)', () => {
  it('builds LinRange(−4, 4, 1000) with both endpoints and step 8/999', () => {
    const grid = linRange(-4, 4, 1000);
    expect(grid[0]).toBe(-4);
    expect(grid[999]).toBe(4);
    expect(grid[1] - grid[0]).toBeCloseTo(8 / 999, 14);
  });

  it('is 0 between a density and itself', () => {
    const p = normalizeOnGrid(
      Float64Array.from(linRange(-4, 4, 200), (x) => Math.exp(-x * x)),
      8 / 199,
    );
    expect(l1OnGrid(p, p, 8 / 199)).toBe(0);
  });

  it('is 2 between two densities with disjoint supports', () => {
    const grid = linRange(-4, 4, 401);
    const cell = grid[1] - grid[0];
    const left = normalizeOnGrid(
      Float64Array.from(grid, (x) => (x < -0.5 ? 1 : 0)),
      cell,
    );
    const right = normalizeOnGrid(
      Float64Array.from(grid, (x) => (x > 0.5 ? 1 : 0)),
      cell,
    );
    expect(l1OnGrid(left, right, cell)).toBeCloseTo(2, 12);
  });

  it('is ≈ 0 for a 2-D Gaussian mixture against its own log density as the reference', () => {
    const m = mixtureFromJson({
      weights: [0.4, 0.6],
      means: [
        [-1, 1],
        [1.5, -0.5],
      ],
      covariances: [
        [
          [0.3, 0.1],
          [0.1, 0.5],
        ],
        [
          [0.4, -0.2],
          [-0.2, 0.3],
        ],
      ],
    });
    const gauss = (x: number, y: number, mx: number, my: number, c: number[]): number => {
      const det = c[0] * c[3] - c[1] * c[1];
      const q = (c[3] * (x - mx) ** 2 - 2 * c[1] * (x - mx) * (y - my) + c[0] * (y - my) ** 2) / det;
      return Math.exp(-q / 2) / (2 * Math.PI * Math.sqrt(det));
    };
    const logPosterior = (x: number, y: number): number =>
      Math.log(0.4 * gauss(x, y, -1, 1, [0.3, 0.1, 0.1, 0.5]) + 0.6 * gauss(x, y, 1.5, -0.5, [0.4, -0.2, -0.2, 0.3]));
    expect(mixtureL1OnGrid2d(m, gridReference2d(logPosterior, 300))).toBeLessThan(1e-10);
  });

  it('is 2 in 2-D for a mixture far from the reference mass', () => {
    const m = mixtureFromJson({
      weights: [1],
      means: [[3, 3]],
      covariances: [
        [
          [0.01, 0],
          [0, 0.01],
        ],
      ],
    });
    const ref = gridReference2d((x, y) => -((x + 3) ** 2 + (y + 3) ** 2) / 0.02, 300);
    expect(mixtureL1OnGrid2d(m, ref)).toBeCloseTo(2, 10);
  });

  it('does not renormalise the 1-D mixture: half its mass off the grid costs L1 = 0.5', () => {
    // Reference N(0, 0.1) on [−4, 4]; mixture 0.5·N(0, 0.1) + 0.5·N(100, 0.1): |p − p_ref| = ½ p_ref.
    const ref = gridReference1d((x) => -(x * x) / 0.2, -4, 4, 1000);
    const m = mixtureFromJson({ weights: [0.5, 0.5], means: [[0], [100]], covariances: [[[0.1]], [[0.1]]] });
    expect(mixtureL1OnGrid1d(m, ref)).toBeCloseTo(0.5, 6);
  });

  it('widens the 1-D range to m_k ± 5σ_k of the K = 3 mixture, and never below [−4, 4]', () => {
    const narrow = mixtureFromJson({ weights: [1, 1, 1], means: [[-1], [0], [1]], covariances: [[[0.01]], [[0.01]], [[0.01]]] });
    expect(squareMapGridRange(narrow)).toEqual([-4, 4]);
    const wide = mixtureFromJson({ weights: [1, 1, 1], means: [[-1], [0], [3]], covariances: [[[1]], [[0.01]], [[0.25]]] });
    expect(squareMapGridRange(wide)).toEqual([-6, 5.5]);
  });
});
