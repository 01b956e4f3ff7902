import { describe, expect, it } from 'vitest';
import { mixtureFromJson } from '../../../../core/gmki/state';
import { parseProblem } from '../../../../core/problem/parse';
import type { ProblemFileAsRun, ResolvedProblem } from '../../../../core/problem/types';
import { runInversion } from '../../../support/runInversion';
import { DEFAULT_TEST_SETTINGS } from '../../../support/problems';
import { buildMixtureJson, RESULT_FORMAT } from '../../../../electron/services/results/mixture-json';
import { stringifyJson } from '../../../../electron/services/results/json-text';

const problem: ProblemFileAsRun = { format: 'gmki-problem/1', name: 'tiny', settings: { ...DEFAULT_TEST_SETTINGS, method: 'gmki-robust', iterations: 6 } };

const initial = mixtureFromJson({
  weights: [0.5, 0.5],
  means: [
    [0, 1],
    [2, 3],
  ],
  covariances: [
    [
      [1, 0],
      [0, 1],
    ],
    [
      [2, 0.5],
      [0.5, 1],
    ],
  ],
});
const after = mixtureFromJson({
  weights: [0.25, 0.75],
  means: [
    [0.1, 1.1],
    [2.1, 3.1],
  ],
  covariances: [
    [
      [0.5, 0],
      [0, 0.5],
    ],
    [
      [1, 0.25],
      [0.25, 0.5],
    ],
  ],
});

describe('buildMixtureJson', () => {
  const json = buildMixtureJson({
    problem,
    parameterNames: ['a', 'b'],
    history: [
      { iteration: 0, mixture: initial, forwardEvaluations: 0, elapsedSeconds: 0 },
      { iteration: 1, mixture: after, forwardEvaluations: 10, elapsedSeconds: 0.25 },
    ],
    software: { name: 'gmki-studio', version: '9.9.9' },
  });

  it('has the fields of problem-format.md §4 in their order', () => {
    expect(Object.keys(json)).toEqual(['format', 'method', 'problem', 'parameterNames', 'space', 'history', 'final', 'forwardEvaluations', 'elapsedSeconds', 'software']);
    expect(json.format).toBe(RESULT_FORMAT);
    expect(json.format).toBe('gmki-result/1');
    expect(json.method).toBe(problem.settings.method);
    expect(json.space).toBe('unconstrained');
    expect(json.problem).toEqual({ ...problem, settings: { ...problem.settings, sigmaPointAlpha: 1, settleIterations: 2 } });
    expect(json.software).toEqual({ name: 'gmki-studio', version: '9.9.9' });
  });

  it('records every iteration with nested weights, means and covariances', () => {
    expect(json.history).toHaveLength(2);
    expect(Object.keys(json.history[0]!)).toEqual(['iteration', 'weights', 'means', 'covariances', 'forwardEvaluations', 'elapsedSeconds']);
    expect(json.history[0]!.means).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(json.history[0]!.covariances[1]).toEqual([
      [2, 0.5],
      [0.5, 1],
    ]);
    expect(json.history[1]!.weights[0]).toBeCloseTo(0.25, 15);
  });

  it('takes final and the totals from the last iteration', () => {
    expect(json.final).toEqual({
      weights: json.history[1]!.weights,
      means: json.history[1]!.means,
      covariances: json.history[1]!.covariances,
    });
    expect(json.forwardEvaluations).toBe(10);
    expect(json.elapsedSeconds).toBe(0.25);
  });

  it('refuses an empty history', () => {
    expect(() => buildMixtureJson({ problem, parameterNames: ['a'], history: [], software: { name: 'x', version: '0' } })).toThrow(/at least the initial iteration/);
  });
});

describe('the problem of mixture.json', () => {
  /** Five parameters (so that α = min(√(4/d), 1) = √0.8 is not 1), a cheap nonlinear model. */
  function problemJson(settings: Record<string, unknown>): Record<string, unknown> {
    return {
      format: 'gmki-problem/1',
      name: 'automatic settings',
      parameters: ['p', 'q', 'r', 's', 't'].map((name, i) => ({ name, prior: { mean: i / 4, std: 1 } })),
      observations: { values: [1, 0.5, -0.2, 0.8], noise: { std: 0.3 } },
      model: { type: 'javascript', path: 'model.mjs' },
      settings: { iterations: 6, seed: 11, exploration: { method: 'monte-carlo', samples: 300 }, ...settings },
    };
  }
  const model = ([p, q, r, s, t]: readonly number[]) => [p! + q!, q! * r!, s! - t!, p! * t!];
  const parsed = (json: unknown): ResolvedProblem => {
    const result = parseProblem(json, { cpuCount: 1 });
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    return result.problem;
  };
  const finalOf = (resolved: ResolvedProblem) => runInversion(resolved, model).history.at(-1)!.mixture;
  const writtenProblem = (resolved: ResolvedProblem) =>
    buildMixtureJson({
      problem: resolved.file,
      parameterNames: resolved.parameterNames,
      history: [{ iteration: 0, mixture: initial, forwardEvaluations: 0, elapsedSeconds: 0 }],
      software: { name: 'gmki-studio', version: '0' },
    }).problem;

  for (const method of ['gmki-robust', 'uki', 'eki'] as const) {
    it(`${method}: writes the automatic settings as numbers that rerun to the same mixtures, bit for bit`, () => {
      const automatic = parsed(problemJson({ method, ...(method === 'gmki-robust' ? { components: 2 } : {}) }));
      expect(automatic.settings).toMatchObject({ sigmaPointAlpha: null, settleIterations: null, particles: null });
      const written = writtenProblem(automatic);
      expect(written.settings).toMatchObject({
        sigmaPointAlpha: Math.sqrt(4 / 5),
        settleIterations: 2,
        particles: method === 'eki' ? 100 : null,
      });
      const rerun = parsed({ ...problemJson({}), settings: JSON.parse(JSON.stringify(written.settings)) });
      expect(finalOf(rerun)).toEqual(finalOf(automatic));
    });
  }

  it('is sensitive to the values it writes (another α gives another run)', () => {
    const automatic = parsed(problemJson({ method: 'gmki-robust', components: 2 }));
    const other = parsed(problemJson({ method: 'gmki-robust', components: 2, sigmaPointAlpha: 0.5 }));
    expect(finalOf(other)).not.toEqual(finalOf(automatic));
  });
});

describe('stringifyJson', () => {
  it('round-trips doubles exactly', () => {
    const value = { x: [0.1 + 0.2, 1e-300, -5e-324, 2 ** 53 + 2], s: 'é"', n: null, t: true };
    const text = stringifyJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain('[0.30000000000000004, 1e-300, -5e-324, 9007199254740994]');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('folds short values onto one line and breaks long ones, keeping number arrays whole', () => {
    const row = Array.from({ length: 40 }, (_, i) => i + 0.5);
    const text = stringifyJson({ prior: { mean: 0, std: 1 }, matrix: [row, row] });
    expect(text).toContain('"prior": {"mean": 0, "std": 1}');
    expect(text).toContain(`    ${JSON.stringify(row).replace(/,/g, ', ')},\n`);
    for (const line of text.split('\n')) expect(line.length <= 100 || line.trim().startsWith('[0.5')).toBe(true);
  });

  it('writes typed arrays as arrays and leaves out undefined fields', () => {
    const text = stringifyJson({ a: Float64Array.from([1.5, 2]), b: undefined, c: [], d: {} });
    expect(JSON.parse(text)).toEqual({ a: [1.5, 2], c: [], d: {} });
  });
});
