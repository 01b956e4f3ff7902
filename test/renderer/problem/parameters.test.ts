import { describe, expect, it } from 'vitest';
import { addParameter, freshName, moveParameter, removeParameter } from '../../../renderer/src/problem/parameters';

const problem = () => ({
  parameters: [
    { name: 'a', prior: { mean: 0, std: 1 } },
    { name: 'b', prior: { mean: 1, std: 2 } },
  ],
  priorCorrelation: [
    [1, 0.5],
    [0.5, 1],
  ],
});

describe('parameter rows', () => {
  it('adds a standard-normal parameter with a fresh name and grows the correlation matrix', () => {
    const p = problem();
    addParameter(p);
    expect(p.parameters[2]).toEqual({ name: 'theta3', prior: { mean: 0, std: 1 } });
    expect(p.priorCorrelation).toEqual([
      [1, 0.5, 0],
      [0.5, 1, 0],
      [0, 0, 1],
    ]);
    expect(freshName({ parameters: [{ name: 'theta2' }] })).toBe('theta3');
  });

  it('removes a row with its correlations', () => {
    const p = problem();
    removeParameter(p, 0);
    expect(p.parameters.map((x) => x.name)).toEqual(['b']);
    expect(p.priorCorrelation).toEqual([[1]]);
  });

  it('moves rows and their correlations together, and not past either end', () => {
    const p = problem();
    addParameter(p);
    moveParameter(p, 2, -1);
    expect(p.parameters.map((x) => x.name)).toEqual(['a', 'theta3', 'b']);
    expect(p.priorCorrelation[0]).toEqual([1, 0, 0.5]);
    moveParameter(p, 0, -1);
    expect(p.parameters.map((x) => x.name)).toEqual(['a', 'theta3', 'b']);
  });

  it('works on a problem without parameters or correlation', () => {
    const p: Record<string, unknown> = {};
    addParameter(p);
    expect(p).toEqual({ parameters: [{ name: 'theta1', prior: { mean: 0, std: 1 } }] });
  });
});
