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
import { formatDuration, plural } from './format';
import { formatMixture } from './mixture-text';

export interface RunSummaryJson {
  readonly id: string;
  readonly status: RunStatus;
  readonly name: string;
  /** Iterations completed. */
  readonly iterations: number;
  readonly forwardEvaluations: number;
  /** Forward evaluations that failed (under settings.onEvaluationFailure "skip", left out; else the one that stopped the run). */
  readonly failedEvaluations: number;
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
  /** Failed forward evaluations in the ledger. */
  readonly failedEvaluations: number;
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
    failedEvaluations: outcome.failedEvaluations,
    elapsedSeconds: outcome.elapsedSeconds,
    final: final && { weights: final.weights, means: final.means },
    ...(reference && outcome.mixture ? { reference: { label: reference.label, distances: referenceDistances(outcome.mixture, context!.transforms, reference) } } : {}),
    ...(outcome.out === undefined ? {} : { out: outcome.out }),
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
  };
}

/**
 * The end of a completed run: what it did, then the final mixture per component in physical
 * units (`formatMixture`), and which files were written.
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
      `${plural(outcome.forwardEvaluations, 'forward evaluation')}${failedText(outcome.failedEvaluations)} in ${formatDuration(outcome.elapsedSeconds)}.`,
    '',
  ];
  if (!outcome.mixture) return `${lines.join('\n')}\n`;
  const mixture = formatMixture(outcome.mixture, parameterNames, transforms, { reference, method: outcome.method });
  lines.push(...mixture.lines, '', mixture.legend);
  lines.push(files.length > 0 ? `Wrote ${files.join(' and ')}.` : 'No files written (add --out DIR for mixture.json and samples.csv).');
  return `${lines.join('\n')}\n`;
}

/** ` (4 failed and left out)` after the evaluation count of a completed run; empty when none failed. */
function failedText(failed: number): string {
  return failed > 0 ? ` (${failed} failed and left out: settings.onEvaluationFailure "skip")` : '';
}
