/**
 * The methods the run-setup form offers (problem-format.md §1.5, core/methods/README.md), in
 * three groups — GMKI, the Kalman baselines, the reference sampler — each with one line on what
 * it computes and what it costs, and which settings each one uses: the form shows only those (a
 * setting the file writes but the method ignores stays visible, disabled, so nothing is hidden
 * that is in the file).
 */
import type { MethodName } from '../../../core/problem/types';
import type { FieldKey } from './fields';

export interface MethodChoice {
  readonly value: MethodName;
  readonly label: string;
  /** One line: what it computes, what it costs per iteration. */
  readonly summary: string;
}

export interface MethodGroup {
  readonly label: string;
  readonly options: readonly MethodChoice[];
}

export const METHOD_GROUPS: readonly MethodGroup[] = [
  {
    label: 'GMKI — recommended',
    options: [
      { value: 'gmki-robust', label: 'gmki-robust (more reliable)', summary: 'A mixture of K Gaussians that finds several modes; K·(2d+1) evaluations per iteration.' },
      {
        value: 'gmki-paper',
        label: 'gmki-paper (as published)',
        summary: 'Exactly the paper’s algorithm, for reproducing its figures; K·(2d+1) evaluations per iteration.',
      },
    ],
  },
  {
    label: 'Kalman baselines — one Gaussian',
    options: [
      {
        value: 'uki',
        label: 'uki (unscented Kalman inversion)',
        summary: 'One Gaussian, exact for a linear model; 2d+1 evaluations per iteration. Misses every mode but one.',
      },
      {
        value: 'eki',
        label: 'eki (ensemble Kalman inversion)',
        summary: 'J particles that settle at the most likely point (an optimiser, not a posterior); J evaluations per iteration.',
      },
      { value: 'eks', label: 'eks (ensemble Kalman sampler)', summary: 'J particles that sample a Gaussian-like posterior approximately; J evaluations per iteration.' },
    ],
  },
  {
    label: 'Gaussian mixture from a log density',
    options: [
      {
        value: 'dfgmvi',
        label: 'dfgmvi (derivative-free Gaussian mixture VI)',
        summary: 'A mixture of K Gaussians fitted to log π (log-density models) or to the data; K·(2d+1) evaluations per iteration.',
      },
    ],
  },
  {
    label: 'Reference sampler',
    options: [
      {
        value: 'smc',
        label: 'smc (tempered sequential Monte Carlo)',
        summary: 'J particles that sample the posterior, every mode, and its log-evidence; J evaluations per MH step, often 100× GMKI’s total.',
      },
    ],
  },
];

/** The choice for `method`, or undefined for a name this build does not know. */
export function methodChoice(method: string): MethodChoice | undefined {
  return METHOD_GROUPS.flatMap((group) => group.options).find((option) => option.value === method);
}

/** Settings every method uses. */
const COMMON: readonly FieldKey[] = ['method', 'seed', 'concurrency', 'posteriorSamples', 'onEvaluationFailure', 'maxFailureFraction'];
const GMKI: readonly FieldKey[] = [...COMMON, 'components', 'iterations', 'dt', 'explorationMethod', 'explorationSamples', 'minWeight', 'sigmaPointAlpha'];

const USED: Readonly<Record<MethodName, readonly FieldKey[]>> = {
  'gmki-robust': [...GMKI, 'splitThreshold', 'settleIterations', 'modeSearch'],
  'gmki-paper': GMKI,
  uki: [...COMMON, 'iterations', 'dt', 'sigmaPointAlpha'],
  eki: [...COMMON, 'particles', 'iterations', 'dt'],
  eks: [...COMMON, 'particles', 'iterations', 'dt'],
  smc: [...COMMON, 'particles', 'mhSteps', 'maxStages', 'essThreshold'],
  dfgmvi: [...COMMON, 'components', 'iterations', 'dt', 'minWeight', 'sigmaPointAlpha'],
};

/** Whether `method` reads setting `key` (a method this build does not know: every setting shows). */
export function methodUses(method: string, key: FieldKey): boolean {
  const used = USED[method as MethodName];
  return used === undefined || used.includes(key);
}

/** Whether `method` starts from an initialization (smc always starts from the prior, and refuses an explicit one). */
export function methodTakesInitialization(method: string): boolean {
  return method !== 'smc';
}

/**
 * A setting's one-line explanation where the server's (written for GMKI) would mislead for
 * `method`; null where it holds as it is.
 */
export function methodExplanation(method: string, key: FieldKey): string | null {
  const particle = method === 'eki' || method === 'eks' || method === 'smc';
  if (key === 'method') return methodChoice(method)?.summary ?? null;
  if (key === 'posteriorSamples' && particle) {
    return 'Rows of samples.csv and the exports: the final particles themselves when it equals J, otherwise particles drawn by weight.';
  }
  if (key === 'iterations' && method === 'uki') return 'How many UKI steps; for a linear model the error shrinks like (1 − Δt)ⁿ, and a completed run can be extended.';
  if (key === 'iterations' && particle) return 'How many ensemble updates; each evaluates the J particles once, and a completed run can be extended.';
  if (key === 'dt' && method === 'uki') return 'Δt in (0, 1), the step: the covariance approaches the posterior like (1 − Δt)ⁿ for a linear model.';
  if (key === 'dt' && method === 'eki') return 'Δt in (0, 1), the step: the observation noise is inflated by 1/Δt in each update.';
  if (key === 'dt' && method === 'eks') {
    return 'The numerator of the adaptive step dt/(‖D‖ + ε): smaller is more accurate and needs more iterations (0.1 with 300 iterations matched a linear test to 3 %).';
  }
  if (key === 'onEvaluationFailure' && method === 'uki') {
    return 'uki stops at any failed evaluation whatever this says: its one Gaussian needs all 2d+1 outputs (gmki-robust or eki can go on without failed points).';
  }
  if (key === 'onEvaluationFailure' && particle) {
    return 'What a failed model evaluation does: stop ends the run (the default); skip goes on without it (eki and eks re-draw the failed particle from the others, smc rejects it).';
  }
  if (key === 'seed' && method === 'uki') return 'Seed of the posterior samples drawn from the final Gaussian (uki itself draws nothing).';
  return null;
}
