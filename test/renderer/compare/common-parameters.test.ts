import { describe, expect, it } from 'vitest';
import { mixtureFromJson } from '../../../core/gmki/state';
import { identityTransform, lowerBoundTransform } from '../../../core/problem/transforms';
import { commonParameterNames, marginalMixture, onParameters } from '../../../renderer/src/compare/common-parameters';

const mixture = mixtureFromJson({
  weights: [0.25, 0.75],
  means: [
    [1, 2, 3],
    [4, 5, 6],
  ],
  covariances: [
    [
      [1, 0.1, 0.2],
      [0.1, 2, 0.3],
      [0.2, 0.3, 3],
    ],
    [
      [4, 0.4, 0.5],
      [0.4, 5, 0.6],
      [0.5, 0.6, 6],
    ],
  ],
});

describe('commonParameterNames', () => {
  it("keeps the names every run has, in the first run's order", () => {
    expect(commonParameterNames([{ names: ['a', 'b', 'c'] }, { names: ['c', 'a'] }])).toEqual(['a', 'c']);
    expect(commonParameterNames([{ names: ['a'] }, { names: ['b'] }])).toEqual([]);
    expect(commonParameterNames([])).toEqual([]);
  });
});

describe('marginalMixture', () => {
  it('keeps the weights and takes the chosen rows of the means and rows and columns of the covariances, in the given order', () => {
    const m = marginalMixture(mixture, [2, 0]);
    expect(m.nTheta).toBe(2);
    expect(m.nComponents).toBe(2);
    expect(Array.from(m.logWeights, Math.exp)).toEqual([0.25, 0.75].map((w) => expect.closeTo(w, 12)));
    expect(Array.from(m.means)).toEqual([3, 1, 6, 4]);
    expect(Array.from(m.covariances)).toEqual([3, 0.2, 0.2, 1, 6, 0.5, 0.5, 4]);
  });
});

describe('onParameters', () => {
  it('gives every run the common parameters in one order with the matching transforms', () => {
    const bounded = lowerBoundTransform(0);
    const runs = onParameters(
      [
        { name: 'one', mixture, names: ['a', 'b', 'c'], transforms: [identityTransform(), bounded, identityTransform()] },
        { name: 'two', mixture, names: ['b', 'c', 'a'], transforms: [bounded, identityTransform(), identityTransform()] },
      ],
      ['b', 'a'],
    );
    expect(runs.map((run) => run.parameterNames)).toEqual([
      ['b', 'a'],
      ['b', 'a'],
    ]);
    expect(Array.from(runs[0].mixture.means.slice(0, 2))).toEqual([2, 1]);
    expect(Array.from(runs[1].mixture.means.slice(0, 2))).toEqual([1, 3]);
    expect(runs[0].transforms?.[0]).toBe(bounded);
    expect(runs[1].transforms?.[0]).toBe(bounded);
  });

  it('names the run and the parameter it lacks', () => {
    expect(() => onParameters([{ name: 'one', mixture, names: ['a', 'b', 'c'], transforms: [] }], ['z'])).toThrow('one has no parameter z.');
  });
});
