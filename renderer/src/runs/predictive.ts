/**
 * What the posterior-predictive chart shows, from what the run stored: the observations with
 * their noise std, and per component the model's output at that component's mean. The ledger
 * holds those outputs: sigma point 0 of component k in the last iteration is its forecast mean
 * m̂_k (the mean after the exploration step, which the analysis step then moved to m_k), so no
 * new model evaluation is needed.
 */
import { parseProblem } from '../../../core/problem/parse';
import type { PredictedOutputs, PredictiveObservations } from '../charts/predictive';
import type { EvaluationEntry } from '../../../electron/contract/types';
import { formatWeight } from './format';

/** At most this many predictions: more lines hide the data. */
export const MAX_PREDICTIONS = 8;

/** The observations and √diag Σ_η of a problem as run; null if it cannot be read in the page. */
export function observationsOf(problem: Readonly<Record<string, unknown>>): PredictiveObservations | null {
  const parsed = parseProblem(problem);
  if (!parsed.ok) return null;
  const { names, values, noiseCovariance } = parsed.problem.observations;
  const n = values.length;
  return {
    values: Array.from(values),
    std: Array.from({ length: n }, (_, a) => Math.sqrt(noiseCovariance[a * n + a])),
    names: names.length === n ? [...names] : undefined,
  };
}

/**
 * One prediction per component that has its mean's output in `evaluations` (those of one
 * iteration), heaviest first, at most MAX_PREDICTIONS, components at the weight floor left out.
 * @param weights the final weights (index = component)
 */
export function predictionsOf(evaluations: readonly EvaluationEntry[], weights: readonly number[], minWeight: number): PredictedOutputs[] {
  const atMean = new Map<number, readonly number[]>();
  for (const entry of evaluations) if (entry.sigmaPoint === 0 && entry.output) atMean.set(entry.component, entry.output);
  return [...atMean.entries()]
    .filter(([k]) => (weights[k] ?? 0) > minWeight * (1 + 1e-9))
    .sort(([a], [b]) => (weights[b] ?? 0) - (weights[a] ?? 0))
    .slice(0, MAX_PREDICTIONS)
    .map(([k, values]) => ({ name: `Component ${k} (${formatWeight(weights[k] ?? 0)})`, values: [...values], component: k }));
}
