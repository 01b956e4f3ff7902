/**
 * Upper bounds of every setting and size (core/problem/limits.ts, problem-format.md §1.2): each
 * used to pass validation and fail late (1 000 000 concurrency started hundreds of processes).
 * Each error names the field, the range and what was found; the paper's problems and a
 * Darcy-sized problem stay valid.
 */
import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../../core/problem/parse';
import { MAX_CONCURRENCY } from '../../../core/problem/limits';
import { errorsOf, resolved, validFile } from './helpers';

/** The single error of a file, which must have exactly one. */
function onlyError(file: unknown): { path: string; message: string } {
  const errors = errorsOf(file);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return errors[0]!;
}

const withSettings = (settings: Record<string, unknown>) => ({ ...validFile(), settings });

/** A problem with d unbounded parameters, n observations and the given settings. */
function sized(d: number, n: number, settings: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'gmki-problem/1',
    name: `d = ${d}`,
    parameters: Array.from({ length: d }, (_, i) => ({ name: `theta${i}`, prior: { mean: 0, std: 10 } })),
    observations: { values: Array.from({ length: n }, (_, i) => i / n), noise: { std: 0.01 } },
    model: { type: 'javascript', path: 'model.mjs' },
    settings,
  };
}

describe('setting bounds', () => {
  it.each([
    ['components', 1e9, 'expected an integer from 1 to 100, got 1000000000'],
    ['iterations', 10_001, 'expected an integer from 1 to 10000, got 10001'],
    ['concurrency', 1_000_000, 'expected an integer from 1 to 256, got 1000000'],
    ['posteriorSamples', 1e12, 'expected an integer from 0 to 1000000, got 1000000000000'],
    ['settleIterations', 10_001, 'expected an integer from 0 to 10000 or null, got 10001'],
    ['sigmaPointAlpha', 1.5, 'expected a number in (0, 1] or null, got 1.5'],
  ])('refuses settings.%s = %s', (key, value, message) => {
    expect(onlyError(withSettings({ [key]: value }))).toEqual({ path: `settings.${key}`, message });
  });

  it('accepts every bound itself', () => {
    const settings = { components: 100, iterations: 10_000, concurrency: 256, posteriorSamples: 1_000_000, settleIterations: 10_000, sigmaPointAlpha: 1 };
    expect(resolved(withSettings(settings)).settings).toMatchObject(settings);
    expect(resolved(withSettings({ exploration: { method: 'monte-carlo', samples: 1_000_000 } })).settings.exploration).toEqual({
      method: 'monte-carlo',
      samples: 1_000_000,
    });
  });

  it('refuses more exploration samples than the bound', () => {
    expect(onlyError(withSettings({ exploration: { method: 'monte-carlo', samples: 1_000_001 } }))).toEqual({
      path: 'settings.exploration.samples',
      message: 'expected an integer from 1 to 1000000, got 1000001',
    });
  });

  it('defaults concurrency to the cores, at most the bound', () => {
    expect(resolved(validFile(), { cpuCount: 8 }).settings.concurrency).toBe(8);
    expect(resolved(validFile(), { cpuCount: 1024 }).settings.concurrency).toBe(MAX_CONCURRENCY);
  });
});

describe('size bounds', () => {
  it('refuses a 10 MB name and description with a short message', () => {
    const file = validFile();
    file.name = 'x'.repeat(10_000_000);
    file.description = 'y'.repeat(10_001);
    const errors = errorsOf(file);
    expect(errors.map((e) => e.path)).toEqual(['name', 'description']);
    expect(errors[0]!.message).toBe(`expected a non-empty string of at most 200 characters, got "${'x'.repeat(57)}"… (a string of 10000000 characters)`);
    expect(errors[1]!.message).toMatch(/^expected a string of at most 10000 characters, got .*\(a string of 10001 characters\)$/);
  });

  it('refuses more than 1000 parameters and 2000 observations, with one message each', () => {
    const errors = errorsOf(sized(1001, 2001));
    expect(errors).toEqual([
      { path: 'parameters', message: 'expected an array of 1 to 1000 parameters, got an array of 1001 items' },
      { path: 'observations.values', message: 'expected an array of 1 to 2000 numbers, got an array of 2001 items' },
    ]);
  });

  it('reports an over-long array once, without checking its millions of entries', () => {
    const file = validFile();
    file.observations = { values: Array.from({ length: 2_000_000 }, () => 'not a number'), noise: { std: 1 } };
    expect(onlyError(file)).toEqual({ path: 'observations.values', message: 'expected an array of 1 to 2000 numbers, got an array of 2000000 items' });
  });

  it('bounds names, paths, arguments, environment, URLs, configs and timeouts', () => {
    const file = validFile();
    file.parameters[0].name = 'a'.repeat(101);
    file.observations.names = ['b'.repeat(101)];
    file.model = {
      type: 'command',
      command: ['python3', 'c'.repeat(32_769)],
      cwd: '/'.repeat(4097),
      timeoutSeconds: 3e9,
      env: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`V${i}`, '1'])),
    };
    expect(errorsOf(file).map((e) => `${e.path}: ${e.message.replace(/, got .*/, '')}`)).toEqual([
      'parameters[0].name: expected a name matching [A-Za-z_][A-Za-z0-9_.-]* of at most 100 characters',
      'observations.names[0]: expected a non-empty string of at most 100 characters',
      'model.command[1]: expected a non-empty string of at most 32768 characters',
      'model.cwd: expected a folder path (a non-empty string of at most 4096 characters)',
      'model.timeoutSeconds: expected a number of seconds > 0 and ≤ 1000000',
      'model.env: expected an object of at most 1000 variables',
    ]);
    file.parameters[0].name = 'a';
    file.observations.names = ['b'];
    file.model = { type: 'umbridge', url: `http://host/${'u'.repeat(2048)}`, config: { text: 'z'.repeat(100_000) } };
    expect(errorsOf(file).map((e) => `${e.path}: ${e.message.replace(/, got .*/, '')}`)).toEqual([
      'model.url: expected an http:// or https:// URL of at most 2048 characters',
      'model.config: expected an object of at most 100000 characters as JSON',
    ]);
  });

  it('names an unknown 10 MB key without printing it', () => {
    const file = validFile();
    file['k'.repeat(10_000_000)] = 1;
    const error = onlyError(file);
    expect(error.path).toBe(`["${'k'.repeat(57)}"… (a string of 10000000 characters)]`);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toMatch(/got "k{57}"… \(a string of 10000000 characters\)$/);
  });
});

describe('sizes that grow with d (each array ≤ 10⁷ numbers)', () => {
  it('bounds K by K·d², and exploration and posterior samples by N·d', () => {
    expect(errorsOf(sized(1000, 10, { components: 11, exploration: { method: 'monte-carlo', samples: 10_001 }, posteriorSamples: 10_001 }))).toEqual([
      {
        path: 'settings.components',
        message: 'expected an integer from 1 to 10 (with 1000 parameters, the K covariance matrices of d×d numbers must hold at most 10000000 numbers), got 11',
      },
      {
        path: 'settings.exploration.samples',
        message: 'expected an integer from 1 to 10000 (with 1000 parameters, the exploration samples of d numbers each must hold at most 10000000 numbers), got 10001',
      },
      {
        path: 'settings.posteriorSamples',
        message: 'expected an integer from 0 to 10000 (with 1000 parameters, the posterior samples of d numbers each must hold at most 10000000 numbers), got 10001',
      },
    ]);
  });

  it('bounds the particles J by J·d, and smc’s plan by 1 + maxStages·mhSteps ≤ 10 000', () => {
    expect(errorsOf(sized(1000, 10, { method: 'smc', particles: 10_001, mhSteps: 100, maxStages: 200 }))).toEqual([
      {
        path: 'settings.particles',
        message: 'expected an integer from 2 to 10000 or null (with 1000 parameters, the particles of d numbers each must hold at most 10000000 numbers), got 10001',
      },
      { path: 'settings.maxStages', message: 'expected at most 99 with mhSteps = 100 (a run plans 1 + maxStages·mhSteps iterations, at most 10000), got 200' },
    ]);
    expect(errorsOf(sized(2, 1, { method: 'smc', mhSteps: 1000 }))).toEqual([
      { path: 'settings.mhSteps', message: 'expected at most 499 with maxStages = 20 (a run plans 1 + maxStages·mhSteps iterations, at most 10000), got 1000' },
    ]);
  });

  it('keeps the defaults valid at the largest d, and a Darcy-sized problem valid', () => {
    expect(parseProblem(sized(1000, 2000)).ok).toBe(true);
    const darcy = resolved(sized(128, 28, { components: 3, iterations: 50, exploration: { method: 'monte-carlo', samples: 10_000 }, posteriorSamples: 10_000 }));
    expect(darcy.settings).toMatchObject({ components: 3, iterations: 50, posteriorSamples: 10_000 });
  });
});
