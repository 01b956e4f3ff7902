import { describe, expect, it } from 'vitest';
import { errorsOf, resolved, validFile } from './helpers';

/** The valid file with a third, bounded parameter k > 0 and the given reference. */
function withReference(reference: unknown): Record<string, any> {
  const file = validFile();
  file.parameters.push({ name: 'k', prior: { mean: 2, std: 1, lower: 0, upper: 10 } });
  file.reference = reference;
  return file;
}

describe('reference parameters (problem-format.md §1.4)', () => {
  it('is optional: a file without one resolves to reference null', () => {
    expect(resolved(validFile()).reference).toBeNull();
  });

  it('resolves theta (physical units) and the label, "reference" when none is given', () => {
    const labelled = resolved(withReference({ theta: [0.5, -1, 3], label: 'truth' })).reference;
    expect(labelled).toEqual({ theta: Float64Array.from([0.5, -1, 3]), label: 'truth' });
    expect(resolved(withReference({ theta: [0, 0, 1e-9] })).reference?.label).toBe('reference');
  });

  it('is kept in the problem as run (and so in exports and mixture.json)', () => {
    const problem = resolved(withReference({ theta: [0.5, -1, 3], label: 'truth' }));
    expect(problem.file.reference).toEqual({ theta: [0.5, -1, 3], label: 'truth' });
  });

  it('names the field of every mistake', () => {
    expect(errorsOf(withReference([1, 2, 3]))).toEqual([{ path: 'reference', message: 'expected an object { "theta" } with optional "label", got an array of 3 items' }]);
    expect(errorsOf(withReference({ theta: [1, 'x', Number.NaN], label: '' }))).toEqual([
      { path: 'reference.theta[1]', message: 'expected a finite number, got "x"' },
      { path: 'reference.theta[2]', message: 'expected a finite number, got NaN' },
      { path: 'reference.label', message: 'expected a non-empty string of at most 200 characters, got ""' },
    ]);
    expect(errorsOf(withReference({ theta: [1, 2, 3], colour: 'red' }))[0]?.path).toBe('reference.colour');
    expect(errorsOf(withReference({ label: 'truth' }))).toEqual([
      { path: 'reference.theta', message: 'expected an array of numbers (one per parameter), got nothing (the field is missing)' },
    ]);
  });

  it('needs one value per parameter', () => {
    expect(errorsOf(withReference({ theta: [1, 2] }))).toEqual([{ path: 'reference.theta', message: 'expected 3 numbers (one per parameter), got 2' }]);
  });

  it('needs every value strictly inside its parameter bounds', () => {
    expect(errorsOf(withReference({ theta: [1, 2, 0] }))).toEqual([
      { path: 'reference.theta[2]', message: 'expected a number > 0 (parameters[2] has lower bound 0), got 0' },
    ]);
    expect(errorsOf(withReference({ theta: [1, 2, 12] }))).toEqual([
      { path: 'reference.theta[2]', message: 'expected a number < 10 (parameters[2] has upper bound 10), got 12' },
    ]);
  });

  it('is checked even when another part of the file is wrong', () => {
    const file = withReference({ theta: [1, 2] });
    file.observations.noise = { std: -1 };
    expect(errorsOf(file).map((e) => e.path)).toEqual(['observations.noise.std', 'reference.theta']);
  });
});
