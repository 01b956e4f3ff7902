/**
 * Log-density models (`problem-format.md` §2.6): `"output": "logDensity"` with `"logDensity"`
 * posterior | likelihood, no observations, methods that work from log π only, and the messages
 * that say which field is wrong. Files without `output` keep their meaning.
 */
import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../../core/problem';

function densityFile(model: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'gmki-problem/1',
    name: 'density',
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 0, std: 1 } },
    ],
    model: { type: 'javascript', path: 'density.mjs', output: 'logDensity', logDensity: 'posterior', ...model },
    settings: { method: 'smc' },
    ...extra,
  };
}

function errorsOf(file: unknown): { path: string; message: string }[] {
  const parsed = parseProblem(file);
  return parsed.ok ? [] : parsed.errors;
}

describe('a log-density model', () => {
  it('resolves with no observations: one output named "log density", no prior for a posterior', () => {
    const parsed = parseProblem(densityFile());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.problem.output).toEqual({ kind: 'logDensity', density: 'posterior' });
    expect(parsed.problem.prior.kind).toBe('none');
    expect(parsed.problem.observations.names).toEqual(['log density']);
    expect(Array.from(parsed.problem.observations.values)).toEqual([0]);
  });

  it('a likelihood keeps the file prior (gaussian by default, or none)', () => {
    const gaussian = parseProblem(densityFile({ logDensity: 'likelihood' }));
    const none = parseProblem(densityFile({ logDensity: 'likelihood' }, { prior: 'none' }));
    expect(gaussian.ok && gaussian.problem.prior.kind).toBe('gaussian');
    expect(none.ok && none.problem.prior.kind).toBe('none');
  });

  it('works for every model type and with dfgmvi', () => {
    const models = [
      { type: 'javascript', path: 'density.mjs' },
      { type: 'command', command: ['python3', 'density.py'] },
      { type: 'umbridge', url: 'http://localhost:4243', name: 'posterior' },
      { type: 'builtin', name: 'analytic-banana' },
    ];
    for (const model of models) {
      const file = densityFile({}, { model: { ...model, output: 'logDensity', logDensity: 'posterior' }, settings: { method: 'dfgmvi' } });
      expect(errorsOf(file), model.type).toEqual([]);
    }
  });

  it('needs logDensity, and names it', () => {
    expect(errorsOf(densityFile({ logDensity: undefined }))).toEqual([
      {
        path: 'model.logDensity',
        message:
          'expected "posterior" (the model returns the log posterior, its prior included) or "likelihood" (the log-likelihood; the file\'s prior is added), got nothing (the field is missing)',
      },
    ]);
    expect(errorsOf(densityFile({ logDensity: 'prior' }))[0]).toMatchObject({
      path: 'model.logDensity',
      message: 'expected one of "posterior", "likelihood", got "prior"',
    });
  });

  it('refuses observations, a Gaussian prior with a posterior, and methods that need G and y', () => {
    const observations = { values: [1], noise: { std: 1 } };
    expect(errorsOf(densityFile({}, { observations }))).toEqual([
      { path: 'observations', message: 'expected nothing (a log-density model, "output": "logDensity", is compared with no data), got an object' },
    ]);
    expect(errorsOf(densityFile({}, { prior: 'gaussian' }))[0]).toMatchObject({
      path: 'prior',
      message: expect.stringMatching(/^expected "none" \(a log posterior already holds its prior/),
    });
    for (const method of ['gmki-robust', 'gmki-paper', 'uki', 'eki', 'eks']) {
      expect(errorsOf(densityFile({}, { settings: { method } }))).toEqual([
        {
          path: 'settings.method',
          message: `expected "dfgmvi" or "smc" (${method} fits a model output G(θ) to data y, which a log-density model does not give), got "${method}"`,
        },
      ]);
    }
    expect(errorsOf(densityFile({}, { settings: {} }))).toEqual([
      {
        path: 'settings.method',
        message:
          'expected "dfgmvi" or "smc" (a log-density model needs a method that works from log π alone; the default, gmki-robust, fits a model output G(θ) to data y), got nothing (the field is missing)',
      },
    ]);
  });

  it('a built-in density must be declared a log density, and a forward model must not be', () => {
    const undeclared = densityFile({}, { model: { type: 'builtin', name: 'analytic-donut' }, observations: { values: [0], noise: { std: 1 } } });
    expect(errorsOf(undeclared)).toContainEqual({
      path: 'model.output',
      message: 'expected "logDensity" (the built-in model "analytic-donut" returns a log density), got nothing (the field is missing)',
    });
    const forward = densityFile({}, { model: { type: 'builtin', name: 'two-modal-2d', output: 'logDensity', logDensity: 'posterior' } });
    expect(errorsOf(forward)).toContainEqual({
      path: 'model.output',
      message: 'expected "observations" or nothing (the built-in model "two-modal-2d" returns 1 predicted observation(s)), got "logDensity"',
    });
  });
});

describe('files without model.output keep their meaning', () => {
  it('observations stay required, with the message they always had', () => {
    const file = densityFile({ output: undefined, logDensity: undefined });
    expect(errorsOf(file)).toEqual([
      { path: 'observations', message: 'expected an object { "values", "noise" } with optional "names", got nothing (the field is missing)' },
    ]);
  });

  it('logDensity without "output": "logDensity" is refused', () => {
    const file = densityFile({ output: 'observations' }, { observations: { values: [1], noise: { std: 1 } } });
    expect(errorsOf(file)).toEqual([{ path: 'model.logDensity', message: 'expected nothing (it goes with "output": "logDensity"), got "posterior"' }]);
  });

  it('"output": "observations" is the default, written or not', () => {
    const file = densityFile({ output: 'observations', logDensity: undefined }, { observations: { values: [1], noise: { std: 1 } } });
    const parsed = parseProblem(file);
    expect(parsed.ok && parsed.problem.output).toEqual({ kind: 'observations' });
  });
});
