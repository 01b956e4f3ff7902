import { describe, expect, it } from 'vitest';
import { addParameter, addReference, freshName, moveParameter, removeParameter, removeReference } from '../../../renderer/src/problem/parameters';
import { parseProblem } from '../../../core/problem/parse';

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

  it('keeps the reference values in step: a blank for a new row, removed and moved with their rows', () => {
    const p: Record<string, unknown> & { reference?: { theta: unknown[]; label?: string } } = { ...problem(), reference: { theta: [1.5, -2], label: 'truth' } };
    addParameter(p);
    expect(p.reference!.theta).toEqual([1.5, -2, null]);
    moveParameter(p, 0, 1);
    expect(p.reference!.theta).toEqual([-2, 1.5, null]);
    removeParameter(p, 1);
    expect(p.reference).toEqual({ theta: [-2, null], label: 'truth' });
  });

  it('adds a reference with one blank per parameter, which validation names until typed, and removes it', () => {
    const p: Record<string, unknown> = {
      format: 'gmki-problem/1',
      name: 'n',
      parameters: problem().parameters,
      observations: { values: [1], noise: { std: 1 } },
      model: { type: 'builtin', name: 'square-map-1d' },
    };
    addReference(p);
    expect(p.reference).toEqual({ theta: [null, null], label: 'truth' });
    const parsed = parseProblem(JSON.parse(JSON.stringify(p)));
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['reference.theta[0]', 'reference.theta[1]']));
    (p.reference as { theta: unknown[] }).theta = [0.5, 2];
    const fixed = parseProblem(JSON.parse(JSON.stringify(p)));
    expect(fixed.ok ? [] : fixed.errors.filter((e) => e.path.startsWith('reference'))).toEqual([]);
    removeReference(p);
    expect('reference' in p).toBe(false);
  });

  it('leaves a problem without a reference without one', () => {
    const p: Record<string, unknown> = problem();
    addParameter(p);
    removeParameter(p, 0);
    moveParameter(p, 0, 1);
    expect('reference' in p).toBe(false);
  });
});
