/**
 * Diagnostics findings about failed evaluations that a run left out (settings.onEvaluationFailure
 * "skip"; core/methods/README.md, "Failed evaluations"), from the `failures` of its iterations'
 * diagnostics — so that a run that completed with failures never reads as a clean result:
 * - `skipped-component`: a GMKI component skipped in some iterations (it kept its previous state
 *   with its weight at the floor). A warning when the last iteration skipped it: its final weight
 *   is at the floor because of the failures, not the data, and the result may miss its mass. Also
 *   a warning when it was skipped in the last RECENT_SKIP iterations and has not climbed back: it
 *   held at least HELD_WEIGHT before that skip and ends below a tenth of it. From the floor a
 *   weight takes several iterations to return (measured on the two-modal problem: 1e-15 → 3e-3
 *   in three), so a late skip can leave a mode underweighted though the last iteration skipped
 *   nothing (problem-format.md §1.6).
 * - `failed-evaluations`: a particle method's failed evaluations (its particles were re-drawn,
 *   or its proposals rejected), with how many and where.
 */
import { listOf } from '../inversion/failures';
import type { IterationRecord } from '../inversion/types';
import type { Finding } from './diagnostics';

/** Iterations before the end within which a skip that left a component below a tenth of its weight warns. */
const RECENT_SKIP = 5;
/** The weight a component must have held before such a skip: below it, its mass is negligible anyway. */
const HELD_WEIGHT = 0.01;

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
    const lastSkip = iterations[iterations.length - 1];
    const atEnd = lastSkip === last.iteration;
    const notBack = atEnd ? null : notClimbedBack(history, k, lastSkip);
    findings.push({
      kind: 'skipped-component',
      severity: atEnd || notBack ? 'warning' : 'info',
      components: [k],
      value: iterations.length,
      message:
        `Component ${k} was skipped in ${inIterations(iterations)} because ` +
        `${evaluations === 1 ? 'an evaluation' : `${evaluations} evaluations`} at its sigma points failed; ${iterations.length === 1 ? 'it' : 'each time it'} kept its previous mean and covariance with its weight at the floor.` +
        (atEnd
          ? ' The last iteration skipped it too, so its final weight is at the floor because of the failures, not the data: the result may be missing its mass. Look at the failed evaluations and where the model fails.'
          : notBack
            ? ` It held ${formatWeight(notBack.before)} before iteration ${lastSkip} and only ${formatWeight(notBack.final)} at the end: it has not climbed back from the floor yet, so the result may be missing its mass. Extend the run so that it can.`
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
        `${particleFailures === 1 ? 'One evaluation' : `${particleFailures} evaluations`} (of ${particles.size === 1 ? 'particle' : 'particles'} ${listOf(
          [...particles].sort((a, b) => a - b),
          10,
        )}) ` +
        `failed in ${inIterations(withFailures.map((record) => record.iteration))} and ${particleFailures === 1 ? 'was' : 'were'} left out (settings.onEvaluationFailure "skip").`,
    });
  }
  return findings;
}

/**
 * Component k's weight before its last skip and at the end, when the skip was in the last
 * RECENT_SKIP iterations, it held at least HELD_WEIGHT before and ends below a tenth of that; else null.
 */
function notClimbedBack(history: readonly IterationRecord[], k: number, lastSkip: number): { before: number; final: number } | null {
  const last = history[history.length - 1];
  const before = history.find((record) => record.iteration === lastSkip - 1);
  if (!before || last.iteration - lastSkip >= RECENT_SKIP || k >= last.mixture.nComponents) return null;
  const weightBefore = Math.exp(before.mixture.logWeights[k]);
  const final = Math.exp(last.mixture.logWeights[k]);
  return weightBefore >= HELD_WEIGHT && final < weightBefore / 10 ? { before: weightBefore, final } : null;
}

/** A weight for a message: 0.53, 0.0026, 1.4e-8. */
function formatWeight(weight: number): string {
  return weight >= 1e-4 ? String(Number(weight.toPrecision(2))) : weight.toExponential(1);
}

/** "iteration 4", or "3 iterations (2, 4 and 7)". */
function inIterations(iterations: readonly number[]): string {
  return iterations.length === 1 ? `iteration ${iterations[0]}` : `${iterations.length} iterations (${listOf(iterations, 10)})`;
}
