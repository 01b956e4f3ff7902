import { describe, expect, it } from 'vitest';
import { arrayAt, getAt, setAt } from '../../../renderer/src/problem/json-path';

describe('json paths of the draft', () => {
  it('reads what exists and undefined elsewhere', () => {
    const problem = { parameters: [{ prior: { std: 2 } }] };
    expect(getAt(problem, ['parameters', 0, 'prior', 'std'])).toBe(2);
    expect(getAt(problem, ['parameters', 3, 'prior'])).toBeUndefined();
    expect(getAt(problem, ['parameters', 0, 'prior', 'std', 'x'])).toBeUndefined();
    expect(arrayAt(problem, ['observations', 'values'])).toEqual([]);
  });

  it('creates objects and arrays on the way and deletes keys set to undefined', () => {
    const problem: Record<string, unknown> = {};
    setAt(problem, ['observations', 'noise', 'std'], 1);
    setAt(problem, ['parameters', 0, 'name'], 'a');
    expect(problem).toEqual({ observations: { noise: { std: 1 } }, parameters: [{ name: 'a' }] });
    setAt(problem, ['observations', 'noise', 'std'], undefined);
    expect(problem.observations).toEqual({ noise: {} });
  });
});
