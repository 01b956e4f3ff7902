/** Complete values of the contract's types for the store tests' fake bridges. */
import type { IterationData, ProblemSummary, TestEvaluation } from '../../../electron/contract/types';
import { DEFAULT_TEST_SETTINGS } from '../../support/problems';

/** A successful test evaluation of a one-output model at θ = (0). */
export function testEvaluation(overrides: Partial<TestEvaluation> = {}): TestEvaluation {
  return { theta: [0], output: [1], returned: null, expectedLength: 1, lengthOk: true, error: null, seconds: 0.01, setupSeconds: 0.1, log: [], ...overrides };
}

/** What problem/validate says of a valid one-parameter, one-output JavaScript problem. */
export function problemSummary(overrides: Partial<ProblemSummary> = {}): ProblemSummary {
  const settings = overrides.settings ?? { ...DEFAULT_TEST_SETTINGS, components: 3, iterations: 10 };
  return {
    name: 'p',
    parameterNames: ['a'],
    nTheta: 1,
    nOutputs: 1,
    modelType: 'javascript',
    settings,
    evaluationsPerIteration: settings.components * 3,
    evaluationBudget: settings.components * 3 * settings.iterations,
    ...overrides,
  };
}

/** Iteration `iteration` of a one-component, one-parameter run: N(0, 1), 3 evaluations each. */
export function iterationData(iteration: number, overrides: Partial<IterationData> = {}): IterationData {
  return {
    iteration,
    weights: [1],
    means: [[0]],
    covariances: [[[1]]],
    diagnostics: { misfit: [0], jitter: [0], explorationEss: [null] },
    forwardEvaluations: 3 * iteration,
    elapsedSeconds: iteration,
    ...overrides,
  };
}
