/**
 * What `gmki run` prints at the end: a human summary of the final mixture in physical units,
 * or (with --json) exactly one JSON object for scripts.
 */
import { mixtureToJson } from '../../core/gmki/state';
import type { Mixture } from '../../core/gmki/state';
import type { ParameterTransform, ProblemReference } from '../../core/problem/types';
import type { RunStatus } from '../services/store/types';
import { referenceDistances } from '../../core/results/reference';
import type { ReferenceDistance } from '../../core/results/reference';
import { summarizeMixture } from '../../core/results/summary';
import { formatDuration, formatNumber, plural } from './format';
import { resultHeading } from './method-lines';

export interface RunSummaryJson {
  readonly id: string;
  readonly status: RunStatus;
  readonly name: string;
  /** Iterations completed. */
  readonly iterations: number;
  readonly forwardEvaluations: number;
  readonly elapsedSeconds: number;
  /** The last completed iteration's mixture, in u (as in mixture.json); null before the first. */
  readonly final: { readonly weights: number[]; readonly means: number[][] } | null;
  /** With the problem's `reference`: each final component's distance to it (physical units). */
  readonly reference?: { readonly label: string; readonly distances: readonly ReferenceDistance[] };
  readonly out?: string;
  readonly error?: string;
}

export interface RunOutcome {
  readonly id: string;
  readonly status: RunStatus;
  readonly name: string;
  /** settings.method of the run (absent: GMKI's wording). */
  readonly method?: string;
  readonly iteration: number;
  /** The last committed mixture; null when not even the initial one was stored. */
  readonly mixture: Mixture | null;
  readonly forwardEvaluations: number;
  readonly elapsedSeconds: number;
  readonly out?: string;
  readonly error?: string;
}

/** The problem's transforms and reference, for the distances to the reference. */
export interface ReferenceContext {
  readonly transforms: readonly ParameterTransform[];
  readonly reference: ProblemReference | null;
}

export function buildRunSummaryJson(outcome: RunOutcome, context?: ReferenceContext): RunSummaryJson {
  const final = outcome.mixture ? mixtureToJson(outcome.mixture) : null;
  const reference = outcome.mixture && context?.reference ? context.reference : null;
  return {
    id: outcome.id,
    status: outcome.status,
    name: outcome.name,
    iterations: outcome.iteration,
    forwardEvaluations: outcome.forwardEvaluations,
    elapsedSeconds: outcome.elapsedSeconds,
    final: final && { weights: final.weights, means: final.means },
    ...(reference && outcome.mixture
      ? { reference: { label: reference.label, distances: referenceDistances(outcome.mixture, context!.transforms, reference) } }
      : {}),
    ...(outcome.out === undefined ? {} : { out: outcome.out }),
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
  };
}

/** Parameters listed per component; more go to mixture.json only, so d = 128 stays readable. */
const MAX_PARAMETERS_SHOWN = 10;

/**
 * The final mixture per component: weight, then per parameter mean ± std (unbounded) or median
 * and central 95 % interval (bounded). The transforms are monotone, so the u-quantiles map to
 * the exact θ-quantiles of the component; a u-mean ± std would not be physical.
 */
export function formatHumanSummary(
  outcome: RunOutcome,
  parameterNames: readonly string[],
  transforms: readonly ParameterTransform[],
  files: readonly string[],
  reference: ProblemReference | null = null,
): string {
  const lines = [
    `Completed "${outcome.name}": ${plural(outcome.iteration, 'iteration')}, ` +
      `${plural(outcome.forwardEvaluations, 'forward evaluation')} in ${formatDuration(outcome.elapsedSeconds)}.`,
    '',
  ];
  if (!outcome.mixture) return `${lines.join('\n')}\n`;
  const summary = summarizeMixture(outcome.mixture);
  const shown = Math.min(parameterNames.length, MAX_PARAMETERS_SHOWN);
  const nameWidth = Math.max(...parameterNames.slice(0, shown).map((name) => name.length));
  let anyBounded = false;
  let anyUnbounded = false;
  const distances = reference ? referenceDistances(outcome.mixture, transforms, reference) : null;
  summary.components.forEach((component, k) => {
    const toReference = distances && reference ? `  ${formatReferenceDistance(distances[k]!, reference.label)}` : '';
    lines.push(`${resultHeading(outcome.method ?? 'gmki-robust', k, component.weight)}${toReference}`);
    for (let i = 0; i < shown; i++) {
      const transform = transforms[i]!;
      const m = component.mean[i]!;
      const s = component.std[i]!;
      let text: string;
      if (transform.kind === 'identity') {
        anyUnbounded = true;
        text = `${formatNumber(m)} ± ${formatNumber(s)}`;
      } else {
        anyBounded = true;
        const [low, high] = [transform.toPhysical(m - 1.96 * s), transform.toPhysical(m + 1.96 * s)].sort((a, b) => a - b);
        text = `${formatNumber(transform.toPhysical(m))}  (95 %: ${formatNumber(low!)} to ${formatNumber(high!)})`;
      }
      lines.push(`  ${parameterNames[i]!.padEnd(nameWidth)}  ${text}`);
    }
    if (shown < parameterNames.length) lines.push(`  … ${parameterNames.length - shown} more parameters in mixture.json`);
  });
  lines.push('');
  lines.push(legend(anyUnbounded, anyBounded));
  lines.push(
    files.length > 0
      ? `Wrote ${files.join(' and ')}.`
      : 'No files written (add --out DIR for mixture.json and samples.csv).',
  );
  return `${lines.join('\n')}\n`;
}

function legend(anyUnbounded: boolean, anyBounded: boolean): string {
  const interval = 'median and central 95 % interval (physical units)';
  if (anyUnbounded && anyBounded) return `Unbounded parameters: mean ± std. Bounded parameters: ${interval}.`;
  return anyBounded ? `Values are the ${interval} per component.` : 'Values are mean ± std per component.';
}

/** `distance to truth 12.3 (relative error 0.4812)`: one component's distance to the reference. */
export function formatReferenceDistance(distance: ReferenceDistance, label: string): string {
  const relative = distance.relativeError === null ? '' : ` (relative error ${formatNumber(distance.relativeError)})`;
  return `distance to ${label} ${formatNumber(distance.distance)}${relative}`;
}
