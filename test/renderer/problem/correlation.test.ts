import { describe, expect, it } from 'vitest';
import {
  correlationProblems,
  identityMatrix,
  isPositiveDefinite,
  removeFromCorrelation,
  resizeCorrelation,
  setCorrelation,
  swapInCorrelation,
} from '../../../renderer/src/problem/correlation';

describe('correlation matrix edits', () => {
  it('keeps the matrix symmetric and in step with the parameters', () => {
    const m = setCorrelation(identityMatrix(3), 0, 2, 0.5);
    expect(m[2]![0]).toBe(0.5);
    expect(resizeCorrelation(m, 4)[3]).toEqual([0, 0, 0, 1]);
    expect(resizeCorrelation(m, 4)[0]).toEqual([1, 0, 0.5, 0]);
    expect(removeFromCorrelation(m, 1)).toEqual([
      [1, 0.5],
      [0.5, 1],
    ]);
    expect(swapInCorrelation(m, 0, 1)).toEqual([
      [1, 0, 0],
      [0, 1, 0.5],
      [0, 0.5, 1],
    ]);
  });
});

describe('correlationProblems', () => {
  const names = ['a', 'b', 'c'];

  it('accepts a valid correlation matrix', () => {
    expect(correlationProblems(setCorrelation(identityMatrix(3), 0, 1, 0.9), names)).toEqual([]);
  });

  it('names the pair whose |ρ| is not below 1 or is not a number', () => {
    const m: unknown[][] = setCorrelation(identityMatrix(3), 0, 1, 1);
    m[1]![2] = 'x';
    expect(correlationProblems(m, names)).toEqual(['ρ(a, b): expected −1 < ρ < 1, got 1', 'ρ(b, c): expected a number, got "x"']);
  });

  it('explains when the correlations together are not positive definite', () => {
    let m = setCorrelation(identityMatrix(3), 0, 1, 0.9);
    m = setCorrelation(m, 1, 2, 0.9);
    m = setCorrelation(m, 0, 2, -0.9);
    expect(isPositiveDefinite(m)).toBe(false);
    expect(correlationProblems(m, names)).toEqual([expect.stringContaining('not positive definite')]);
  });
});
