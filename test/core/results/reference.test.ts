import { describe, expect, it } from 'vitest';
import type { Mixture } from '../../../core/gmki/state';
import { identityTransform, lowerBoundTransform } from '../../../core/problem/transforms';
import { componentCentre, referenceDistances } from '../../../core/results/reference';

/** Two components in R² with the given means (u), unit covariances, equal weights. */
function mixture(means: readonly (readonly [number, number])[]): Mixture {
  const K = means.length;
  return {
    nComponents: K,
    nTheta: 2,
    logWeights: new Float64Array(K).fill(-Math.log(K)),
    means: Float64Array.from(means.flat()),
    covariances: Float64Array.from(means.flatMap(() => [1, 0, 0, 1])),
  };
}

describe('referenceDistances', () => {
  const identity = [identityTransform(), identityTransform()];

  it('gives the Euclidean distance and the relative error of each component mean', () => {
    const distances = referenceDistances(
      mixture([
        [3, 4],
        [0, 0],
      ]),
      identity,
      { theta: Float64Array.from([0, 0]) },
    );
    expect(distances[0]).toEqual({ component: 0, distance: 5, relativeError: null });
    const toTruth = referenceDistances(
      mixture([
        [3, 4],
        [6, 8],
      ]),
      identity,
      { theta: Float64Array.from([6, 8]) },
    );
    expect(toTruth.map((d) => d.distance)).toEqual([5, 0]);
    expect(toTruth.map((d) => d.relativeError)).toEqual([0.5, 0]);
  });

  it('compares bounded parameters in physical units (the image of the u-mean)', () => {
    const transforms = [identityTransform(), lowerBoundTransform(1)];
    // u = log(θ − 1): u = 0 is θ = 2.
    expect(Array.from(componentCentre(mixture([[0.5, 0]]), 0, transforms))).toEqual([0.5, 2]);
    const [only] = referenceDistances(mixture([[0.5, 0]]), transforms, { theta: Float64Array.from([0.5, 5]) });
    expect(only!.distance).toBeCloseTo(3, 12);
  });

  it('refuses a reference of the wrong length', () => {
    expect(() => referenceDistances(mixture([[0, 0]]), identity, { theta: Float64Array.from([1]) })).toThrow(RangeError);
  });
});
