/**
 * Diagnostics findings about failed evaluations that a run left out (settings.onEvaluationFailure
 * "skip"; core/methods/README.md, "Failed evaluations"), from the `failures` of its iterations'
 * diagnostics — so that a run that completed with failures never reads as a clean result:
 * - `skipped-component`: a GMKI component skipped in some iterations (it kept its previous state
 *   with its weight at the floor). A warning when the last iteration skipped it: its final weight
 *   is at the floor because of the failures, not the data, and the result may miss its mass.
 * - `failed-evaluations`: a particle method's failed evaluations (its particles were re-drawn,
 *   or its proposals rejected), with how many and where.
 */
import { listOf } from '../inversion/failures';
import type { IterationRecord } from '../inversion/types';
import type { Finding } from './diagnostics';

/** Findings for the failures recorded in `history` (empty when there were none). */
export function failureFindings(history: readonly IterationRecord[]): Finding[] {
  const withFailures = history.filter((record) => record.diagnostics.failures);
  if (withFailures.length === 0) return [];
  const last = history[history.length - 1];
  const findings: Finding[] = [];
  const skips = new Map<number, { iterations: number[]; evaluations: number }>();
  const particles = new Set<number>();
  let particleFailures = 0;
  for (const record of withFailures) {
    const failures = record.diagnostics.failures!;
    failures.perComponent?.forEach((count, k) => {
      if (count === 0) return;
      const skip = skips.get(k) ?? { iterations: [], evaluations: 0 };
      skip.iterations.push(record.iteration);
      skip.evaluations += count;
      skips.set(k, skip);
    });
    if (failures.particles) {
      failures.particles.forEach((j) => particles.add(j));
      particleFailures += failures.count;
    }
  }
  for (const [k, { iterations, evaluations }] of [...skips].sort(([a], [b]) => a - b)) {
    const atEnd = iterations[iterations.length - 1] === last.iteration;
    findings.push({
      kind: 'skipped-component',
      severity: atEnd ? 'warning' : 'info',
      components: [k],
      value: iterations.length,
      message:
        `Component ${k} was skipped in ${inIterations(iterations)} because ` +
        `${evaluations === 1 ? 'an evaluation' : `${evaluations} evaluations`} at its sigma points failed; ${iterations.length === 1 ? 'it' : 'each time it'} kept its previous mean and covariance with its weight at the floor.` +
        (atEnd
          ? ' The last iteration skipped it too, so its final weight is at the floor because of the failures, not the data: the result may be missing its mass. Look at the failed evaluations and where the model fails.'
          : ''),
    });
  }
  if (particleFailures > 0) {
    findings.push({
      kind: 'failed-evaluations',
      severity: 'info',
      components: [],
      value: particleFailures,
      message:
        `${particleFailures === 1 ? 'One evaluation' : `${particleFailures} evaluations`} (of ${particles.size === 1 ? 'particle' : 'particles'} ${listOf([...particles].sort((a, b) => a - b), 10)}) ` +
        `failed in ${inIterations(withFailures.map((record) => record.iteration))} and ${particleFailures === 1 ? 'was' : 'were'} left out (settings.onEvaluationFailure "skip").`,
    });
  }
  return findings;
}

/** "iteration 4", or "3 iterations (2, 4 and 7)". */
function inIterations(iterations: readonly number[]): string {
  return iterations.length === 1 ? `iteration ${iterations[0]}` : `${iterations.length} iterations (${listOf(iterations, 10)})`;
}
