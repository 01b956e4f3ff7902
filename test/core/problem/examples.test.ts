import { describe, expect, it } from 'vitest';
import { BUILTIN_MODEL_NAMES, EXAMPLE_PROBLEMS, getBuiltinModel, getExampleProblem, parseProblem } from '../../../core/problem/index';
import { resolved } from './helpers';

describe('built-in models', () => {
  it("compute the paper's forward maps", () => {
    expect(getBuiltinModel('square-map-1d')?.forward([-3])).toEqual([9]);
    expect(getBuiltinModel('two-modal-2d')?.forward([1, 4])).toEqual([9]);
    expect(getBuiltinModel('four-modal-2d')?.forward([1, 4])).toEqual([9, 25]);
    expect(getBuiltinModel('circle-2d')?.forward([3, 4])).toEqual([25]);
    expect(getBuiltinModel('four-mode-3d')?.forward([1, 2, 3])).toEqual([1, 4, 2]);
  });

  it('declare sizes that match what forward returns', () => {
    for (const name of BUILTIN_MODEL_NAMES) {
      const model = getBuiltinModel(name)!;
      expect(model.name).toBe(name);
      expect(model.forward(Array.from({ length: model.nTheta }, (_, i) => i + 0.5))).toHaveLength(model.nOutputs);
    }
  });

  it('return undefined for an unknown name, including inherited object keys', () => {
    expect(getBuiltinModel('three-modal')).toBeUndefined();
    expect(getBuiltinModel('toString')).toBeUndefined();
  });
});

describe('example problems', () => {
  it.each(EXAMPLE_PROBLEMS.map((e) => [e.id, e] as const))('%s passes parseProblem', (_, example) => {
    const result = parseProblem(example.problem);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(example.fileName).toBe(`${example.id}.gmki.json`);
    expect(example.title.length).toBeGreaterThan(0);
    expect(example.description.length).toBeGreaterThan(40);
  });

  it('can be looked up by id', () => {
    expect(getExampleProblem('circle-2d')?.id).toBe('circle-2d');
    expect(getExampleProblem('nope')).toBeUndefined();
    expect(EXAMPLE_PROBLEMS.map((e) => e.id)).toEqual([
      'square-map-1d',
      'two-modal-2d',
      'two-modal-2d-shifted',
      'four-modal-2d',
      'circle-2d',
      'darcy-2d',
      'four-mode-3d',
      'rotated-bimodal-10d',
      'gaussian-mixture-density-2d',
      'banana-density-2d',
      'donut-density-2d',
      'funnel-density-2d',
    ]);
  });

  it('are frozen so that no caller can change the shared copies', () => {
    const example = getExampleProblem('square-map-1d')!;
    expect(Object.isFrozen(example.problem.parameters[0].prior)).toBe(true);
  });

  it("square-map-1d is the paper's 1-D set-up with the printed initial means", () => {
    const problem = resolved(getExampleProblem('square-map-1d')!.problem);
    expect(Array.from(problem.prior.mean)).toEqual([3]);
    expect(Array.from(problem.prior.covariance)).toEqual([4]);
    expect(Array.from(problem.observations.values)).toEqual([1]);
    expect(problem.observations.noiseCovariance[0]).toBeCloseTo(0.04, 15);
    expect(problem.settings).toMatchObject({ components: 3, dt: 0.5, iterations: 30 });
    expect(problem.settings.initialization).toEqual({
      type: 'explicit',
      weights: [1 / 3, 1 / 3, 1 / 3],
      means: [[-2.4283140297584804], [1.7456283123426095], [-0.894645096090581]],
      covariances: [[[4]], [[4]], [[4]]],
    });
  });

  it.each([
    [
      'two-modal-2d',
      [0, 0],
      [
        [0, 1.75],
        [-1, 0.6],
        [-0.4, 1],
      ],
    ],
    [
      'two-modal-2d-shifted',
      [0.5, 0],
      [
        [0.5, 1.75],
        [-0.5, 0.6],
        [0.1, 1],
      ],
    ],
  ])('%s starts from μ0 + ξ_k with K = 3 and the prior N(μ0, I)', (id, mu0, means) => {
    const problem = resolved(getExampleProblem(id)!.problem);
    expect(Array.from(problem.prior.mean)).toEqual(mu0);
    expect(Array.from(problem.prior.covariance)).toEqual([1, 0, 0, 1]);
    expect(Array.from(problem.observations.values)).toEqual([4.2297]);
    expect(Array.from(problem.observations.noiseCovariance)).toEqual([1]);
    expect(problem.settings.components).toBe(3);
    expect(problem.settings.initialization).toMatchObject({ type: 'explicit', means });
  });

  it('four-modal-2d has K = 6, two observations and the six ξ offsets', () => {
    const problem = resolved(getExampleProblem('four-modal-2d')!.problem);
    expect(problem.settings.components).toBe(6);
    expect(Array.from(problem.observations.values)).toEqual([4.2297, 4.2297]);
    expect(Array.from(problem.observations.noiseCovariance)).toEqual([1, 0, 0, 1]);
    expect(problem.settings.initialization).toMatchObject({
      means: [
        [0.5, 1.75],
        [-0.5, 0.6],
        [0.1, 1],
        [-0.8, -0.4],
        [1.15, -1.4],
        [-0.9, -1.05],
      ],
    });
  });

  it('circle-2d has no prior, K = 10, α = 1e-3, prior initialization, and says GMKI fails', () => {
    const example = getExampleProblem('circle-2d')!;
    const problem = resolved(example.problem);
    expect(problem.prior.kind).toBe('none');
    expect(problem.observations.noiseCovariance[0]).toBeCloseTo(0.09, 15);
    expect(problem.settings).toMatchObject({ components: 10, sigmaPointAlpha: 1e-3, initialization: { type: 'prior' } });
    expect(example.description).toMatch(/GMKI is known to fail/);
  });

  it('the UM-Bridge density examples are log-density models run with dfgmvi, with no observations and no prior', () => {
    for (const id of ['gaussian-mixture-density-2d', 'banana-density-2d', 'donut-density-2d', 'funnel-density-2d']) {
      const example = getExampleProblem(id)!;
      expect(example.problem.observations, id).toBeUndefined();
      const problem = resolved(example.problem);
      expect(problem.output, id).toEqual({ kind: 'logDensity', density: 'posterior' });
      expect(problem.prior.kind, id).toBe('none');
      expect(problem.settings.method, id).toBe('dfgmvi');
      expect(problem.observations.names, id).toEqual(['log density']);
    }
  });

  it('pins gmki-paper in the paper’s examples, so they reproduce the paper whatever the default method', () => {
    for (const id of ['square-map-1d', 'two-modal-2d', 'two-modal-2d-shifted', 'four-modal-2d', 'circle-2d', 'darcy-2d'])
      expect(resolved(getExampleProblem(id)!.problem).settings.method, id).toBe('gmki-paper');
  });

  it.each([
    ['four-mode-3d', 3, [1.44, 1.0, 0.3], [0.04, 0.04, 0.09], 2.25, 30],
    ['rotated-bimodal-10d', 10, [1.0, 0.81, 0.52, -0.37, 0.88, -0.91, 0.14, 0.63, -0.72, 0.27], [0.0625, 0.0625, ...Array(8).fill(0.25)], 4, 40],
  ])('%s is the issue’s benchmark under the default method, with K = 8', (id, d, y, noiseVar, priorVar, iterations) => {
    const problem = resolved(getExampleProblem(id)!.problem);
    expect(problem.settings).toMatchObject({ method: 'gmki-robust', components: 8, iterations, initialization: { type: 'prior' } });
    expect(problem.parameterNames).toHaveLength(d);
    expect(Array.from(problem.observations.values)).toEqual(y);
    noiseVar.forEach((v, i) => expect(problem.observations.noiseCovariance[i * y.length + i]).toBeCloseTo(v, 15));
    expect(Array.from(problem.prior.mean)).toEqual(Array(d).fill(0));
    for (let i = 0; i < d; i++) expect(problem.prior.covariance[i * d + i]).toBeCloseTo(priorVar, 15);
    expect(getExampleProblem(id)!.description).toMatch(/benchmark/);
  });
});
