import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../../core/problem/index';
import { errorsOf, validFile } from './helpers';

/** The single error of a file with exactly one mistake. */
function onlyError(file: unknown): { path: string; message: string } {
  const errors = errorsOf(file);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return errors[0];
}

describe('schema errors', () => {
  it('rejects a document that is not an object, at the root', () => {
    expect(onlyError([1, 2])).toEqual({ path: '(root)', message: 'expected a JSON object (a gmki-problem/1 file), got an array of 2 items' });
    expect(onlyError(null).path).toBe('(root)');
  });

  it('names a wrong format string', () => {
    const file = validFile();
    file.format = 'gmki-problem/2';
    expect(onlyError(file)).toEqual({ path: 'format', message: 'expected "gmki-problem/1", got "gmki-problem/2"' });
  });

  it('reports a missing required field as got nothing', () => {
    const file = validFile();
    delete file.observations;
    expect(onlyError(file)).toEqual({
      path: 'observations',
      message: 'expected an object { "values", "noise" } with optional "names", got nothing (the field is missing)',
    });
  });

  it('reports a wrong type with the value found', () => {
    const file = validFile();
    file.parameters[1].prior.std = -1;
    expect(onlyError(file)).toEqual({ path: 'parameters[1].prior.std', message: 'expected a number > 0, got -1' });
    file.parameters[1].prior.std = '1';
    expect(onlyError(file)).toEqual({ path: 'parameters[1].prior.std', message: 'expected a number > 0, got "1"' });
  });

  it('rejects non-finite numbers given in an in-app object', () => {
    const file = validFile();
    file.observations.values = [Number.NaN];
    file.parameters[0].prior.mean = Infinity;
    expect(errorsOf(file)).toEqual([
      { path: 'parameters[0].prior.mean', message: 'expected a finite number, got Infinity' },
      { path: 'observations.values[0]', message: 'expected a finite number, got NaN' },
    ]);
  });

  it('lists the model types when the type is misspelt', () => {
    const file = validFile();
    file.model = { type: 'pyhton', path: 'model.py' };
    expect(onlyError(file)).toEqual({ path: 'model.type', message: 'expected one of "javascript", "command", "umbridge", "builtin", got "pyhton"' });
  });

  it('rejects an unknown key and names the closest known one', () => {
    const file = validFile();
    file.setings = { dt: 0.1 };
    const error = onlyError(file);
    expect(error.path).toBe('setings');
    expect(error.message).toMatch(/^unknown key: expected one of "format", .*"settings", "reference", "fields", got "setings" \(did you mean "settings"\?\)$/);
  });

  it('gives each unknown key of one object its own error, with a hint only when a key is close', () => {
    const file = validFile();
    file.parameters[0].prior.men = 1;
    file.parameters[0].prior.zzzzzz = 1;
    const errors = errorsOf(file);
    expect(errors.map((e) => e.path)).toEqual(['parameters[0].prior.men', 'parameters[0].prior.zzzzzz']);
    expect(errors[0].message).toContain('(did you mean "mean"?)');
    expect(errors[1].message).not.toContain('did you mean');
  });

  it('reports the bad entry of a std array rather than "expected a number"', () => {
    const file = validFile();
    file.observations = { values: [1, 2], noise: { std: [1, -2] } };
    expect(onlyError(file)).toEqual({ path: 'observations.noise.std[1]', message: 'expected a number > 0, got -2' });
    file.observations.noise.std = 'large';
    expect(onlyError(file)).toEqual({
      path: 'observations.noise.std',
      message: 'expected a number > 0 or an array of numbers > 0 (one per value), got "large"',
    });
  });

  it('rejects parameter names that are not identifiers', () => {
    const file = validFile();
    file.parameters[0].name = '2theta';
    expect(onlyError(file)).toEqual({ path: 'parameters[0].name', message: 'expected a name matching [A-Za-z_][A-Za-z0-9_.-]* of at most 100 characters, got "2theta"' });
  });

  it.each([
    ['components', 0, 'expected an integer from 1 to 100, got 0'],
    ['components', 2.5, 'expected an integer from 1 to 100, got 2.5'],
    ['dt', 1, 'expected a number in (0, 1), got 1'],
    ['dt', 0, 'expected a number in (0, 1), got 0'],
    ['iterations', 0, 'expected an integer from 1 to 10000, got 0'],
    ['seed', 2 ** 60, 'expected a safe integer (|seed| ≤ 2^53 − 1), got 1152921504606847000'],
    ['minWeight', -1, 'expected a number ≥ 0, got -1'],
    ['sigmaPointAlpha', 0, 'expected a number in (0, 1] or null, got 0'],
    ['concurrency', 0, 'expected an integer from 1 to 256, got 0'],
    ['posteriorSamples', -1, 'expected an integer from 0 to 1000000, got -1'],
    ['method', 'gmki', 'expected one of "gmki-paper", "gmki-robust", "uki", "eki", "eks", "smc", "dfgmvi", got "gmki"'],
    ['splitThreshold', 0, 'expected a number > 0, got 0'],
    ['settleIterations', -1, 'expected an integer from 0 to 10000 or null, got -1'],
    ['settleIterations', 1.5, 'expected an integer from 0 to 10000 or null, got 1.5'],
    ['modeSearch', 'yes', 'expected true or false, got "yes"'],
    ['particles', 1, 'expected an integer from 2 to 100000 or null, got 1'],
    ['particles', 10.5, 'expected an integer from 2 to 100000 or null, got 10.5'],
    ['mhSteps', 0, 'expected an integer from 1 to 1000, got 0'],
    ['maxStages', 1001, 'expected an integer from 1 to 1000, got 1001'],
    ['essThreshold', 1, 'expected a number in (0, 1), got 1'],
    ['onEvaluationFailure', 'continue', 'expected one of "stop", "skip", got "continue"'],
    ['maxFailureFraction', 0, 'expected a number in (0, 1], got 0'],
    ['maxFailureFraction', 1.5, 'expected a number in (0, 1], got 1.5'],
  ])('rejects settings.%s = %s', (key, value, message) => {
    const file = validFile();
    file.settings = { [key]: value };
    expect(onlyError(file)).toEqual({ path: `settings.${key}`, message });
  });

  it('rejects an exploration without a valid method or sample count', () => {
    const file = validFile();
    file.settings = { exploration: { method: 'monte-carlo', samples: 0 } };
    expect(onlyError(file)).toEqual({ path: 'settings.exploration.samples', message: 'expected an integer from 1 to 1000000, got 0' });
    file.settings = { exploration: { method: 'quasi' } };
    expect(onlyError(file)).toEqual({ path: 'settings.exploration.method', message: 'expected one of "monte-carlo", "disjoint", got "quasi"' });
  });
});

describe('semantic errors', () => {
  it('rejects duplicate parameter names', () => {
    const file = validFile();
    file.parameters[1].name = 'theta1';
    expect(onlyError(file)).toEqual({ path: 'parameters[1].name', message: 'expected a name no other parameter has, got "theta1" (also the name of parameters[0])' });
  });

  it('rejects observation names and noise stds that do not match the values', () => {
    const file = validFile();
    file.observations = { names: ['a'], values: [1, 2], noise: { std: [1, 2, 3] } };
    expect(errorsOf(file)).toEqual([
      { path: 'observations.names', message: 'expected 2 names (one per value), got 1' },
      { path: 'observations.noise.std', message: 'expected 2 standard deviations (one per value) or a single number, got 3' },
    ]);
  });

  it('requires exactly one noise form', () => {
    const file = validFile();
    file.observations.noise = {};
    expect(onlyError(file)).toEqual({ path: 'observations.noise', message: 'expected exactly one of "std" or "covariance", got neither' });
    file.observations.noise = { std: 1, covariance: [[1]] };
    expect(onlyError(file)).toEqual({ path: 'observations.noise', message: 'expected exactly one of "std" or "covariance", got both' });
  });

  it('reports a covariance that is not positive definite with its smallest eigenvalue', () => {
    const file = validFile();
    file.observations = {
      values: [1, 2, 3],
      noise: {
        covariance: [
          [1, 0, 0],
          [0, 1, 1.2],
          [0, 1.2, 1],
        ],
      },
    };
    expect(onlyError(file)).toEqual({
      path: 'observations.noise.covariance',
      message: 'expected a symmetric positive definite 3×3 matrix, got a matrix with eigenvalue -0.2',
    });
  });

  it('reports a covariance of the wrong size, a short row, and a non-symmetric one', () => {
    const file = validFile();
    file.observations = { values: [1, 2], noise: { covariance: [[1]] } };
    expect(onlyError(file)).toEqual({ path: 'observations.noise.covariance', message: 'expected a symmetric positive definite 2×2 matrix, got 1 row' });
    file.observations.noise.covariance = [[1, 0], [0]];
    expect(onlyError(file)).toEqual({ path: 'observations.noise.covariance[1]', message: 'expected a row of 2 numbers, got 1' });
    file.observations.noise.covariance = [
      [1, 0.5],
      [0.4, 1],
    ];
    expect(onlyError(file).message).toBe('expected a symmetric positive definite 2×2 matrix, got a non-symmetric matrix ([1][0] = 0.4 but [0][1] = 0.5)');
  });

  it('checks the prior correlation for size, unit diagonal and definiteness', () => {
    const file = validFile();
    file.priorCorrelation = [
      [1, 0],
      [0, 2],
    ];
    expect(onlyError(file)).toEqual({ path: 'priorCorrelation[1][1]', message: 'expected 1 (the diagonal of a correlation matrix), got 2' });
    file.priorCorrelation = [
      [1, 1.5],
      [1.5, 1],
    ];
    expect(onlyError(file)).toEqual({
      path: 'priorCorrelation',
      message: 'expected a 2×2 correlation matrix (symmetric, unit diagonal, positive definite), got a matrix with eigenvalue -0.5',
    });
    file.priorCorrelation = [[1]];
    expect(onlyError(file).message).toBe('expected a 2×2 correlation matrix (symmetric, unit diagonal, positive definite), got 1 row');
  });

  it('checks an explicit initialization against K and d', () => {
    const file = validFile();
    file.settings = {
      components: 3,
      initialization: {
        type: 'explicit',
        weights: [0.5, 0.5],
        means: [[0, 0, 0]],
        covariances: [
          [
            [1, 0],
            [0, -1],
          ],
          [
            [1, 0],
            [0, 1],
          ],
        ],
      },
    };
    expect(errorsOf(file)).toEqual([
      { path: 'settings.components', message: 'expected 2 (the number of weights of the explicit initialization), got 3' },
      { path: 'settings.initialization.means', message: 'expected 2 means (one per weight), got 1' },
      { path: 'settings.initialization.means[0]', message: 'expected a mean of 2 numbers (one per parameter), got 3' },
      { path: 'settings.initialization.covariances[0]', message: 'expected a symmetric positive definite 2×2 matrix, got a matrix with eigenvalue -1' },
    ]);
  });

  it('rejects explicit weights that are not positive', () => {
    const file = validFile();
    file.settings = {
      initialization: {
        type: 'explicit',
        weights: [0],
        means: [[0, 0]],
        covariances: [
          [
            [1, 0],
            [0, 1],
          ],
        ],
      },
    };
    expect(onlyError(file)).toEqual({ path: 'settings.initialization.weights[0]', message: 'expected a number > 0, got 0' });
  });

  it('requires K·minWeight < 1', () => {
    const file = validFile();
    file.settings = { components: 4, minWeight: 0.25 };
    expect(onlyError(file)).toEqual({
      path: 'settings.minWeight',
      message: 'expected a number < 1/K = 0.25 (K·minWeight must stay below 1 with K = 4), got 0.25',
    });
  });

  it('rejects an unknown built-in model and one whose sizes do not fit the file', () => {
    const file = validFile();
    file.model = { type: 'builtin', name: 'three-modal' };
    expect(onlyError(file)).toEqual({
      path: 'model.name',
      message:
        'expected one of "square-map-1d", "two-modal-2d", "four-modal-2d", "circle-2d", "four-mode-3d", "rotated-bimodal-10d", "darcy-2d", "analytic-gaussian-mixture", "analytic-banana", "analytic-donut", "analytic-funnel", got "three-modal"',
    });
    file.model.name = 'four-modal-2d';
    expect(onlyError(file)).toEqual({ path: 'observations.values', message: 'expected 2 values (the built-in model "four-modal-2d" returns 2), got 1' });
    file.model.name = 'square-map-1d';
    expect(onlyError(file)).toEqual({ path: 'parameters', message: 'expected 1 parameter (the built-in model "square-map-1d" takes θ of length 1), got 2' });
  });

  it('reports a mean outside the bounds and an impossible std on the parameter prior', () => {
    const file = validFile();
    file.parameters[0].prior = { mean: 2, std: 0.1, lower: 0, upper: 1 };
    file.parameters[1].prior = { mean: 0.5, std: 0.6, lower: 0, upper: 1 };
    expect(errorsOf(file)).toEqual([
      { path: 'parameters[0].prior', message: 'expected a mean strictly between lower 0 and upper 1, got 2' },
      { path: 'parameters[1].prior', message: 'expected a std < 0.5 (no distribution on [0, 1] with mean 0.5 has a larger one), got 0.6' },
    ]);
  });
});

describe('all errors at once', () => {
  it('reports every mistake of a file, in document order', () => {
    const file = validFile();
    file.format = 'gmki';
    file.parameters[0].prior.std = 0;
    file.parameters[1] = { name: 'theta1', prior: { mean: -1, std: 1, lower: 0 } };
    file.observations = {
      values: [1, 2, 3],
      noise: {
        covariance: [
          [1, 0, 0],
          [0, 1, 1.2],
          [0, 1.2, 1],
        ],
      },
    };
    file.model = { type: 'pyhton' };
    file.settings = { dt: 2, minWeight: 0.5 };
    file.extra = true;
    const result = parseProblem(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      'format',
      'parameters[0].prior.std',
      'parameters[1].name',
      'parameters[1].prior',
      'observations.noise.covariance',
      'model.type',
      'settings.dt',
      'settings.minWeight',
      'extra',
    ]);
  });
});
