import { describe, expect, it } from 'vitest';
import { DARCY_EXAMPLE } from '../../../core/problem/darcy-example';
import { DARCY_TRUTH } from '../../../core/problem/darcy-data';
import { parameterSpaceOf } from '../../../renderer/src/runs/mixture';

const problem = (extra: Record<string, unknown>) => ({
  format: 'gmki-problem/1',
  name: 'n',
  parameters: [
    { name: 'a', prior: { mean: 0, std: 1 } },
    { name: 'k', prior: { mean: 2, std: 1, lower: 0 } },
  ],
  observations: { values: [1], noise: { std: 1 } },
  model: { type: 'javascript', path: 'model.mjs' },
  ...extra,
});

describe('parameterSpaceOf', () => {
  it('carries the problem\'s reference values and label (default "reference")', () => {
    expect(parameterSpaceOf(problem({ reference: { theta: [0.5, 3], label: 'truth' } })).reference).toEqual({ label: 'truth', values: [0.5, 3] });
    expect(parameterSpaceOf(problem({ reference: { theta: [0.5, 3] } })).reference).toEqual({ label: 'reference', values: [0.5, 3] });
    expect(parameterSpaceOf(DARCY_EXAMPLE.problem).reference).toEqual({ label: 'truth', values: [...DARCY_TRUTH] });
  });

  it('has none without one, and shows none that core refuses (wrong length, outside a bound)', () => {
    expect(parameterSpaceOf(problem({})).reference).toBeNull();
    expect(parameterSpaceOf(problem({ reference: { theta: [0.5] } })).reference).toBeNull();
    expect(parameterSpaceOf(problem({ reference: { theta: [0.5, -1] } })).reference).toBeNull();
  });
});
