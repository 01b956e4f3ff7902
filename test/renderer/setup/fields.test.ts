import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../../core/problem/parse';
import { resolveSettings } from '../../../core/problem/settings';
import { EVALUATION_FAILURE_POLICIES } from '../../../core/problem/types';
import { checkNumberText, fieldSpec, FIELDS, parseNumberText, type ChoiceField, type NumberField } from '../../../renderer/src/setup/fields';
import { fieldOfPath, sortIssues } from '../../../renderer/src/setup/issues';

const number = (key: Parameters<typeof fieldSpec>[0]) => fieldSpec(key) as NumberField;
const K3 = { components: 3 };

describe('parseNumberText', () => {
  it('reads decimals and exponents, treats blank as "the default" and refuses the rest', () => {
    expect(parseNumberText(' 3 ')).toEqual({ kind: 'number', value: 3 });
    expect(parseNumberText('1e-15')).toEqual({ kind: 'number', value: 1e-15 });
    expect(parseNumberText('.5')).toEqual({ kind: 'number', value: 0.5 });
    expect(parseNumberText('')).toEqual({ kind: 'empty' });
    for (const text of ['abc', '0x10', '1,5', 'Infinity', '3 4']) expect(parseNumberText(text)).toEqual({ kind: 'invalid' });
  });
});

describe('checkNumberText', () => {
  it('names the field, the rule and what was typed', () => {
    expect(checkNumberText(number('components'), '0', K3)).toBe('Components K: expected an integer from 1 to 100, got 0');
    expect(checkNumberText(number('components'), '2.5', K3)).toBe('Components K: expected an integer from 1 to 100, got 2.5');
    expect(checkNumberText(number('dt'), '1', K3)).toBe('Step size Δt: expected a number in (0, 1), got 1');
    expect(checkNumberText(number('iterations'), 'ten', K3)).toBe('Iterations: expected an integer from 1 to 10000, got ten');
    expect(checkNumberText(number('concurrency'), '1000000', K3)).toBe('Concurrency: expected an integer from 1 to 256, got 1000000');
    expect(checkNumberText(number('sigmaPointAlpha'), '2', K3)).toBe('Sigma-point α: expected a number in (0, 1], or empty for automatic, got 2');
  });

  it('accepts and refuses exactly what the problem schema does, with the same words', () => {
    const probes = [-1, 0, 1e-15, 0.5, 1, 1.5, 2, 100, 101, 256, 257, 10_000, 10_001, 1_000_000, 1_000_001, 2 ** 53];
    const numberFields = FIELDS.filter((field): field is NumberField => field.kind === 'integer' || field.kind === 'number');
    for (const field of numberFields) {
      for (const value of probes) {
        const settings = field.key === 'explorationSamples' ? { exploration: { method: 'monte-carlo', samples: value } } : { [field.key]: value };
        const parsed = parseProblem({
          format: 'gmki-problem/1',
          name: 'probe',
          parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
          observations: { values: [1], noise: { std: 1 } },
          model: { type: 'builtin', name: 'square-map-1d' },
          settings,
        });
        const serverError = parsed.ok ? undefined : parsed.errors.find((error) => error.path === field.path);
        const formError = checkNumberText(field, String(value), K3);
        expect(formError === null, `${field.key} = ${value}: form says ${formError}, schema says ${serverError?.message}`).toBe(serverError === undefined);
        // Same rule, same words (the weight floor's K·minWeight < 1 calls it "floor" in the form).
        if (serverError && formError) {
          expect(formError).toContain(serverError.message.replace('K·minWeight', 'K·floor').replace(/( or null)?, got .*/, ''));
        }
      }
    }
  });

  it("offers core's failure policies and checks the failure fraction by core's rule", () => {
    expect((fieldSpec('onEvaluationFailure') as ChoiceField).options.map((option) => option.value)).toEqual([...EVALUATION_FAILURE_POLICIES]);
    expect(checkNumberText(number('maxFailureFraction'), '0', K3)).toBe('Most failures per iteration: expected a number in (0, 1], got 0');
    expect(checkNumberText(number('maxFailureFraction'), '1', K3)).toBeNull();
  });

  it('accepts values inside the ranges and an empty field (the default)', () => {
    expect(checkNumberText(number('components'), '6', K3)).toBeNull();
    expect(checkNumberText(number('dt'), '0.25', K3)).toBeNull();
    expect(checkNumberText(number('seed'), '-7', K3)).toBeNull();
    expect(checkNumberText(number('posteriorSamples'), '0', K3)).toBeNull();
    expect(checkNumberText(number('sigmaPointAlpha'), '', K3)).toBeNull();
  });

  it('keeps K·floor below 1, as the engine requires', () => {
    expect(checkNumberText(number('minWeight'), '0.2', K3)).toBeNull();
    expect(checkNumberText(number('minWeight'), '0.4', K3)).toBe('Weight floor: expected a number < 1/K = 0.3333 (K·floor must stay below 1 with K = 3), got 0.4');
  });
});

describe('issues on fields', () => {
  it('has a field for every setting the problem file knows but the initialization', () => {
    const keys = new Set(FIELDS.map((field) => field.path.replace(/^settings\./, '').split('.')[0]));
    const settings = Object.keys(resolveSettings(undefined, { cpuCount: 2 })).filter((key) => key !== 'initialization');
    expect(settings).toContain('essThreshold');
    for (const key of settings) expect(keys.has(key), key).toBe(true);
  });

  it('puts each server error on its field by JSON path, the rest in the problem list', () => {
    expect(fieldOfPath('settings.exploration.samples')).toBe('explorationSamples');
    expect(fieldOfPath('settings.exploration.method')).toBe('explorationMethod');
    expect(fieldOfPath('settings.dt')).toBe('dt');
    expect(fieldOfPath('observations.values[0]')).toBeNull();
    const sorted = sortIssues([
      { path: 'settings.components', message: 'expected 3 (the number of weights of the explicit initialization), got 4' },
      { path: 'settings.initialization.means[1]', message: 'expected 2 numbers, got 1' },
      { path: 'model.path', message: 'expected a non-empty string' },
    ]);
    expect(sorted.fields).toEqual({ components: 'Components K: expected 3 (the number of weights of the explicit initialization), got 4' });
    expect(sorted.initialization).toBe('settings.initialization.means[1]: expected 2 numbers, got 1');
    expect(sorted.problem).toEqual([{ path: 'model.path', message: 'expected a non-empty string' }]);
  });
});
