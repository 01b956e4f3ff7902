import { describe, expect, it } from 'vitest';
import { anchorFor, editorFields, fieldId, groupByField, messageOnField } from '../../../renderer/src/problem/field-paths';
import { blankProblem } from '../../../renderer/src/stores/draft';

const fields = editorFields({ ...blankProblem(), parameters: [{}, {}], model: { type: 'command' } });

describe('anchorFor', () => {
  it('puts an error on the field of its path or of the nearest enclosing field', () => {
    expect(anchorFor('parameters[1].prior.std', fields)).toBe('parameters[1].prior.std');
    expect(anchorFor('observations.values[3]', fields)).toBe('observations.values');
    expect(anchorFor('observations.noise.covariance', fields)).toBe('observations.noise');
    expect(anchorFor('model.command[0]', fields)).toBe('model.command');
  });

  it('puts an error about a whole group on its first field', () => {
    expect(anchorFor('parameters[1].prior', fields)).toBe('parameters[1].prior.mean');
    expect(anchorFor('model', fields)).toBe('model.type');
  });

  it('keeps errors without a field on screen for the summary', () => {
    expect(anchorFor('settings.dt', fields)).toBeNull();
    expect(anchorFor('(root)', fields)).toBeNull();
    expect(anchorFor('model.path', fields)).toBeNull();
  });

  it('groups errors by field and makes DOM ids of paths', () => {
    const groups = groupByField([{ path: 'name' }, { path: 'parameters[0].name' }, { path: 'settings' }], fields);
    expect([...groups.keys()]).toEqual(['name', 'parameters[0].name', null]);
    expect(fieldId('parameters[0].prior.std')).toBe('field-parameters-0-prior-std');
  });

  it('says which item of a list field an error is about', () => {
    expect(messageOnField({ path: 'observations.values[1]', message: 'expected a finite number, got "abc"' }, 'observations.values')).toBe(
      '#2: expected a finite number, got "abc"',
    );
    expect(messageOnField({ path: 'observations.noise.std[0]', message: 'm' }, 'observations.noise')).toBe('std #1: m');
    expect(messageOnField({ path: 'name', message: 'm' }, 'name')).toBe('m');
    expect(messageOnField({ path: 'parameters[1].prior', message: 'm' }, 'parameters[1].prior.mean')).toBe('m');
  });

  it('shows the time limit for every model type and the reference fields only when there is a reference', () => {
    for (const type of ['javascript', 'command', 'umbridge', 'builtin']) {
      expect(editorFields({ ...blankProblem(), model: { type } })).toContain('model.timeoutSeconds');
    }
    expect(editorFields({ ...blankProblem(), model: { type: 'nonsense' } })).not.toContain('model.timeoutSeconds');
    const without = editorFields({ ...blankProblem(), parameters: [{}, {}] });
    expect(without.filter((f) => f.startsWith('reference'))).toEqual([]);
    const withReference = editorFields({ ...blankProblem(), parameters: [{}, {}], reference: { theta: [1] } });
    expect(withReference.filter((f) => f.startsWith('reference'))).toEqual(['reference.theta[0]', 'reference.theta[1]', 'reference.label']);
    // A reference of the wrong length: the error lands on the first value, in the table.
    expect(anchorFor('reference.theta', withReference)).toBe('reference.theta[0]');
    expect(anchorFor('reference.theta[1]', withReference)).toBe('reference.theta[1]');
    expect(anchorFor('reference', withReference)).toBe('reference.theta[0]');
  });
});
