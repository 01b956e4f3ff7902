import { describe, expect, it } from 'vitest';
import { DEFAULT_GMKI_CONFIG } from '../../../core/gmki/config';
import { DEFAULT_POSTERIOR_SAMPLES } from '../../../core/problem/index';
import { resolved, validFile } from './helpers';

describe('parseProblem on valid files', () => {
  it('resolves a minimal file with every setting taken from the defaults', () => {
    const problem = resolved(validFile());
    expect(problem.settings).toEqual({
      method: DEFAULT_GMKI_CONFIG.method,
      components: DEFAULT_GMKI_CONFIG.nComponents,
      dt: DEFAULT_GMKI_CONFIG.dt,
      iterations: DEFAULT_GMKI_CONFIG.iterations,
      seed: DEFAULT_GMKI_CONFIG.seed,
      initialization: { type: 'prior' },
      exploration: DEFAULT_GMKI_CONFIG.exploration,
      minWeight: DEFAULT_GMKI_CONFIG.minWeight,
      sigmaPointAlpha: DEFAULT_GMKI_CONFIG.sigmaPointAlpha,
      splitThreshold: DEFAULT_GMKI_CONFIG.splitThreshold,
      settleIterations: DEFAULT_GMKI_CONFIG.settleIterations,
      modeSearch: DEFAULT_GMKI_CONFIG.modeSearch,
      particles: null,
      mhSteps: 25,
      maxStages: 20,
      essThreshold: 0.5,
      onEvaluationFailure: 'stop',
      maxFailureFraction: 0.5,
      concurrency: 1,
      posteriorSamples: DEFAULT_POSTERIOR_SAMPLES,
    });
    expect(problem.name).toBe('Two-modal 2D');
    expect(problem.parameterNames).toEqual(['theta1', 'theta2']);
    expect(problem.transforms.map((t) => t.kind)).toEqual(['identity', 'identity']);
    expect(problem.model).toEqual({ type: 'javascript', path: 'models/two-modal.mjs' });
  });

  it('uses the host CPU count as the default concurrency', () => {
    expect(resolved(validFile(), { cpuCount: 8 }).settings.concurrency).toBe(8);
  });

  it('keeps every setting the file gives', () => {
    const file = validFile();
    file.settings = {
      method: 'gmki-paper',
      components: 4,
      dt: 0.25,
      iterations: 12,
      seed: -7,
      exploration: { method: 'disjoint' },
      minWeight: 0.01,
      sigmaPointAlpha: 0.5,
      splitThreshold: 2,
      settleIterations: 4,
      modeSearch: false,
      particles: 50,
      mhSteps: 10,
      maxStages: 40,
      essThreshold: 0.6,
      onEvaluationFailure: 'skip',
      maxFailureFraction: 0.1,
      concurrency: 3,
      posteriorSamples: 0,
    };
    const { settings } = resolved(file, { cpuCount: 16 });
    expect(settings).toEqual({ ...file.settings, initialization: { type: 'prior' } });
  });

  it('fills the Monte Carlo sample count when exploration names only the method', () => {
    const file = validFile();
    file.settings = { exploration: { method: 'monte-carlo' } };
    expect(resolved(file).settings.exploration).toEqual(DEFAULT_GMKI_CONFIG.exploration);
  });

  it('writes the problem as run into file, with the resolved settings replacing the given ones', () => {
    const file = validFile();
    file.description = 'free text';
    file.settings = { iterations: 5 };
    const problem = resolved(file);
    expect(problem.file).toEqual({ ...file, settings: problem.settings });
    expect(problem.file.settings.iterations).toBe(5);
    expect(file.settings).toEqual({ iterations: 5 });
  });

  it('takes K from an explicit initialization', () => {
    const file = validFile();
    file.settings = {
      initialization: {
        type: 'explicit',
        weights: [0.5, 0.5],
        means: [
          [-1, 1],
          [1, -1],
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
      },
    };
    const { settings } = resolved(file);
    expect(settings.components).toBe(2);
    expect(settings.initialization).toEqual(file.settings.initialization);
  });
});

describe('observations', () => {
  it('turns a single noise std into σ² on the diagonal of the full covariance', () => {
    const file = validFile();
    file.observations = { values: [1, 2, 3], noise: { std: 0.5 } };
    const { observations } = resolved(file);
    expect(Array.from(observations.noiseCovariance)).toEqual([0.25, 0, 0, 0, 0.25, 0, 0, 0, 0.25]);
  });

  it('turns one std per value into a diagonal covariance', () => {
    const file = validFile();
    file.observations = { values: [1, 2], noise: { std: [1, 3] } };
    expect(Array.from(resolved(file).observations.noiseCovariance)).toEqual([1, 0, 0, 9]);
  });

  it('keeps a full covariance as a row-major matrix', () => {
    const file = validFile();
    file.observations = {
      values: [1, 2],
      noise: {
        covariance: [
          [2, 0.5],
          [0.5, 1],
        ],
      },
    };
    expect(Array.from(resolved(file).observations.noiseCovariance)).toEqual([2, 0.5, 0.5, 1]);
  });

  it('names the values y1..yn unless the file names them', () => {
    const file = validFile();
    file.observations = { values: [1, 2], noise: { std: 1 } };
    expect(resolved(file).observations.names).toEqual(['y1', 'y2']);
    file.observations.names = ['pressure', 'flow'];
    const problem = resolved(file);
    expect(problem.observations.names).toEqual(['pressure', 'flow']);
    expect(Array.from(problem.observations.values)).toEqual([1, 2]);
  });
});

describe('the prior in u', () => {
  it('is N(mean, diag(std²)) for unbounded parameters without correlation', () => {
    const file = validFile();
    file.parameters[0].prior = { mean: 1, std: 2 };
    file.parameters[1].prior = { mean: -3, std: 0.5 };
    const { prior } = resolved(file);
    expect(prior.kind).toBe('gaussian');
    expect(Array.from(prior.mean)).toEqual([1, -3]);
    expect(Array.from(prior.covariance)).toEqual([4, 0, 0, 0.25]);
  });

  it('is D R D with the prior correlation R', () => {
    const file = validFile();
    file.parameters[0].prior = { mean: 0, std: 2 };
    file.parameters[1].prior = { mean: 0, std: 3 };
    file.priorCorrelation = [
      [1, 0.5],
      [0.5, 1],
    ];
    expect(Array.from(resolved(file).prior.covariance)).toEqual([4, 3, 3, 9]);
  });

  it('uses the u-Gaussian of bounded parameters and their transforms', () => {
    const file = validFile();
    file.parameters[0].prior = { mean: 2, std: 1, lower: 0 };
    file.parameters[1].prior = { mean: 0.5, std: 0.1, lower: 0, upper: 1 };
    const problem = resolved(file);
    const sigma2 = Math.log(1 + 1 / 4);
    expect(problem.prior.mean[0]).toBeCloseTo(Math.log(2) - sigma2 / 2, 14);
    expect(problem.prior.covariance[0]).toBeCloseTo(sigma2, 14);
    expect(problem.prior.mean[1]).toBeCloseTo(0, 12);
    expect(problem.prior.covariance[1]).toBe(0);
    expect(problem.transforms.map((t) => t.kind)).toEqual(['lower', 'interval']);
    expect(problem.transforms[1]).toMatchObject({ lower: 0, upper: 1 });
  });

  it('still describes the initial distribution with "prior": "none"', () => {
    const file = validFile();
    file.prior = 'none';
    file.parameters[0].prior = { mean: 1, std: 2 };
    const { prior } = resolved(file);
    expect(prior.kind).toBe('none');
    expect(Array.from(prior.mean)).toEqual([1, 0]);
    expect(Array.from(prior.covariance)).toEqual([4, 0, 0, 1]);
  });
});

describe('models', () => {
  it('keeps command, umbridge and builtin models as written, paths unresolved', () => {
    const command = { type: 'command', command: ['python3', 'model.py'], cwd: '.', timeoutSeconds: 600, env: { A: '1' } };
    const umbridge = { type: 'umbridge', url: 'http://localhost:4242', name: 'forward', config: { level: 2 } };
    for (const model of [command, umbridge]) {
      const file = validFile();
      file.model = model;
      expect(resolved(file).model).toEqual(model);
    }
    const file = validFile();
    file.model = { type: 'builtin', name: 'two-modal-2d' };
    expect(resolved(file).model).toEqual({ type: 'builtin', name: 'two-modal-2d' });
  });
});
