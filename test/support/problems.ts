/**
 * Builds ResolvedProblems directly (unbounded parameters, Gaussian noise), for engine tests that
 * should not depend on the problem-file parser.
 */
import { DEFAULT_GMKI_CONFIG } from '../../core/gmki/config';
import { DEFAULT_FAILURE_SETTINGS, DEFAULT_SMC_SETTINGS } from '../../core/problem/settings';
import type { ParameterTransform, ResolvedProblem, RunSettings } from '../../core/problem/types';

const identity: ParameterTransform = { kind: 'identity', toPhysical: (u) => u, toUnconstrained: (t) => t };

export interface SimpleProblemSpec {
  readonly priorMean: readonly number[];
  /** d×d prior covariance; `prior: 'none'` keeps it as the initial distribution only. */
  readonly priorCovariance: readonly (readonly number[])[];
  readonly prior?: 'gaussian' | 'none';
  readonly observations: readonly number[];
  readonly noiseCovariance: readonly (readonly number[])[];
  readonly settings?: Partial<RunSettings>;
}

export const DEFAULT_TEST_SETTINGS: RunSettings = {
  // The paper's algorithm, whatever the app's default: the VT tests pin the faithful method.
  method: 'gmki-paper',
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
  mhSteps: DEFAULT_SMC_SETTINGS.mhSteps,
  maxStages: DEFAULT_SMC_SETTINGS.maxStages,
  essThreshold: DEFAULT_SMC_SETTINGS.essThreshold,
  ...DEFAULT_FAILURE_SETTINGS,
  concurrency: 1,
  posteriorSamples: 100,
};

export function simpleProblem(spec: SimpleProblemSpec): ResolvedProblem {
  const d = spec.priorMean.length;
  const settings: RunSettings = { ...DEFAULT_TEST_SETTINGS, ...spec.settings };
  return {
    file: { format: 'gmki-problem/1', name: 'test problem', settings },
    name: 'test problem',
    parameterNames: Array.from({ length: d }, (_, i) => `theta${i + 1}`),
    transforms: Array.from({ length: d }, () => identity),
    prior: {
      kind: spec.prior ?? 'gaussian',
      mean: Float64Array.from(spec.priorMean),
      covariance: Float64Array.from(spec.priorCovariance.flat()),
    },
    observations: {
      names: spec.observations.map((_, i) => `y${i + 1}`),
      values: Float64Array.from(spec.observations),
      noiseCovariance: Float64Array.from(spec.noiseCovariance.flat()),
    },
    model: { type: 'builtin', name: 'test' },
    output: { kind: 'observations' },
    settings,
    reference: null,
  };
}

/** Diagonal matrix with the given entries, as nested arrays. */
export function diag(values: readonly number[]): number[][] {
  return values.map((v, i) => values.map((_, j) => (i === j ? v : 0)));
}
