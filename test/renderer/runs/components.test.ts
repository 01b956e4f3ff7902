import { describe, expect, it } from 'vitest';
import type { Mixture } from '../../../core/gmki/state';
import { identityTransform, lowerBoundTransform } from '../../../core/problem/transforms';
import { componentRows, physicalMoments } from '../../../renderer/src/runs/components';

function mixture(weights: number[], means: number[][], variances: number[][]): Mixture {
  const d = means[0].length;
  const covariances = new Float64Array(weights.length * d * d);
  variances.forEach((diagonal, k) => diagonal.forEach((v, i) => (covariances[k * d * d + i * d + i] = v)));
  return { nComponents: weights.length, nTheta: d, logWeights: Float64Array.from(weights, Math.log), means: Float64Array.from(means.flat()), covariances };
}

describe('physicalMoments', () => {
  it('gives the Gaussian its own mean and std for an unbounded parameter', () => {
    expect(physicalMoments(1.5, 0.3, identityTransform())).toEqual({ mean: 1.5, std: 0.3 });
  });

  it('gives the log-normal moments for a lower bound at 0 (θ = exp u)', () => {
    // E[e^u] = e^{m + s²/2}, Var = (e^{s²} − 1) e^{2m + s²} for u ~ N(m, s²).
    const m = 0.2;
    const s = 0.5;
    const { mean, std } = physicalMoments(m, s, lowerBoundTransform(0));
    expect(mean).toBeCloseTo(Math.exp(m + (s * s) / 2), 9);
    expect(std).toBeCloseTo(Math.sqrt((Math.exp(s * s) - 1) * Math.exp(2 * m + s * s)), 9);
  });
});

describe('componentRows', () => {
  it('lists components heaviest first with physical moments and marks those at the weight floor', () => {
    const rows = componentRows(
      mixture(
        [0.3, 1e-6, 0.7 - 1e-6],
        [
          [0, 1],
          [5, 5],
          [2, -1],
        ],
        [
          [1, 4],
          [1, 1],
          [0.25, 0.01],
        ],
      ),
      [identityTransform(), identityTransform()],
      1e-6,
    );
    expect(rows.map((row) => row.index)).toEqual([2, 0, 1]);
    expect(rows[0].mean).toEqual([2, -1]);
    expect(rows[0].std[0]).toBeCloseTo(0.5, 12);
    expect(rows[0].std[1]).toBeCloseTo(0.1, 12);
    expect(rows.map((row) => row.atFloor)).toEqual([false, false, true]);
    expect(rows.reduce((sum, row) => sum + row.weight, 0)).toBeCloseTo(1, 12);
  });
});
