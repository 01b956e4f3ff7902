import { describe, expect, it } from 'vitest';
import { BUILTIN_FIELDS } from '../../../core/problem/builtin-fields';
import { darcyLogPermeability } from '../../../core/problem/darcy-model';
import { DARCY_EXAMPLE } from '../../../core/problem/darcy-example';
import { checkFieldsOutput, MAX_FIELD_VALUES, MAX_FIELDS } from '../../../core/problem/fields';
import { parseProblem } from '../../../core/problem/parse';
import { errorsOf, resolved, validFile } from './helpers';

function withFields(fields: unknown): Record<string, any> {
  return { ...validFile(), fields };
}

describe('the fields entry of a problem (problem-format.md §1.7)', () => {
  it('is optional and kept in the problem as run', () => {
    expect(parseProblem(validFile()).ok).toBe(true);
    expect(resolved(withFields({ path: 'fields.mjs', timeoutSeconds: 5 })).file.fields).toEqual({ path: 'fields.mjs', timeoutSeconds: 5 });
  });

  it('names the field of every mistake', () => {
    expect(errorsOf(withFields({}))).toEqual([
      { path: 'fields', message: 'expected exactly one of "path" (a module exporting fields(theta)) or "builtin", got neither' },
    ]);
    expect(errorsOf(withFields({ path: 'a.mjs', builtin: 'darcy-2d' }))[0]).toMatchObject({ path: 'fields', message: expect.stringContaining('got both') });
    expect(errorsOf(withFields({ path: '' }))[0]).toMatchObject({ path: 'fields.path' });
    expect(errorsOf(withFields({ path: 'a.mjs', timeoutSeconds: 0 }))[0]).toMatchObject({ path: 'fields.timeoutSeconds', message: expect.stringContaining('got 0') });
    expect(errorsOf(withFields({ path: 'a.mjs', colour: 'red' }))[0]?.path).toBe('fields.colour');
    expect(errorsOf(withFields('fields.mjs'))[0]).toMatchObject({ path: 'fields', message: expect.stringContaining('expected an object { "path" } or { "builtin" }') });
    expect(errorsOf(withFields({ builtin: 'nope' }))).toEqual([{ path: 'fields.builtin', message: 'expected one of "darcy-2d", got "nope"' }]);
    // The Darcy fields take its 128 modes; the valid file has 2 parameters.
    expect(errorsOf(withFields({ builtin: 'darcy-2d' }))).toEqual([
      { path: 'fields.builtin', message: 'the built-in fields "darcy-2d" take 128 parameters, but the problem has 2' },
    ]);
  });

  it('is offered by the built-in Darcy example, whose problem stays valid', () => {
    expect(DARCY_EXAMPLE.problem.fields).toEqual({ builtin: 'darcy-2d' });
    expect(parseProblem(DARCY_EXAMPLE.problem).ok).toBe(true);
  });
});

describe('checkFieldsOutput', () => {
  it('normalises grids: default coordinates and labels, NaN and null as no value, typed arrays as lists', () => {
    const checked = checkFieldsOutput({ p: { nx: 2, ny: 1, values: new Float64Array([1, Number.NaN]) }, q: { nx: 1, ny: 2, values: [null, 3], y: [-1, 1], label: 'Q' } });
    expect(checked).toEqual({
      ok: true,
      fields: [
        { name: 'p', label: 'p', nx: 2, ny: 1, x: [0, 1], y: [0, 0], values: [1, null] },
        { name: 'q', label: 'Q', nx: 1, ny: 2, x: [0, 0], y: [-1, 1], values: [null, 3] },
      ],
    });
  });

  it('says what is wrong, naming the grid and its key', () => {
    const message = (output: unknown) => {
      const checked = checkFieldsOutput(output);
      return checked.ok ? null : checked.message;
    };
    expect(message([1, 2])).toBe('fields(theta) returned an array of 2 items instead of an object of named grids');
    expect(message(null)).toBe('fields(theta) returned null instead of an object of named grids');
    expect(message({})).toBe(`fields(theta) returned 0 grids; expected 1 to ${MAX_FIELDS}`);
    expect(message({ k: { nx: 0, ny: 1, values: [] } })).toBe('field "k".nx: expected an integer from 1 to 2000, got 0');
    expect(message({ k: { nx: 2, ny: 2, values: [1, 2, 3, 'x'] } })).toBe('field "k".values[3]: expected a number (NaN or null: no value), got "x"');
    expect(message({ k: { nx: 1, ny: 1, values: [1], x: [1, 1] } })).toBe('field "k".x: expected [min, max] with min < max, got an array of 2 items');
    expect(message({ k: { nx: 1, ny: 1, values: [1], colour: 'red' } })).toBe('field "k": unknown key "colour" (expected nx, ny, values, x, y, label)');
    expect(message({ k: { nx: 600, ny: 600, values: [] } })).toBe(`field "k": expected at most ${MAX_FIELD_VALUES} values (nx·ny), got 600·600 = 360000`);
  });

  it('accepts the built-in Darcy fields: log κ on the 80×80 grid of the unit square', () => {
    const theta = Array.from({ length: 128 }, (_, l) => Math.sin(l));
    const checked = checkFieldsOutput(BUILTIN_FIELDS['darcy-2d']!.fields(theta));
    expect(checked.ok && checked.fields[0]).toMatchObject({ name: 'logPermeability', label: 'log κ', nx: 80, ny: 80, x: [0, 1], y: [0, 1] });
    expect(checked.ok && checked.fields[0]!.values).toEqual(Array.from(darcyLogPermeability(theta)));
  });
});
