/**
 * Failed evaluations per iteration as the run monitor shows them, from the iterations'
 * `diagnostics.failures` (settings.onEvaluationFailure "skip"; core/methods/README.md, "Failed
 * evaluations"): how many failed in each iteration, which components were skipped (GMKI, dfgmvi:
 * each kept its previous state with its weight at the floor) or which particles were left out,
 * and whether the last iteration skipped a component — whose final weight is then at the floor
 * because of the failures, not the data.
 */
import { listOf } from '../../../core/inversion/failures';
import type { ChartHistory } from '../charts/history';

export interface IterationFailureRow {
  readonly iteration: number;
  /** Failed evaluations of the iteration. */
  readonly failed: number;
  /** Components skipped (a failed sigma point), from 0; empty for particle methods. */
  readonly skipped: readonly number[];
  /** Particles whose evaluation failed, from 0; empty for sigma-point methods. */
  readonly particles: readonly number[];
}

/** One row per iteration with failures, in iteration order. */
export function failureRows(history: ChartHistory): IterationFailureRow[] {
  const rows: IterationFailureRow[] = [];
  for (const entry of history) {
    const failures = entry.diagnostics?.failures;
    if (!failures || failures.count === 0) continue;
    rows.push({
      iteration: entry.iteration,
      failed: failures.count,
      skipped: (failures.perComponent ?? []).flatMap((count, k) => (count > 0 ? [k] : [])),
      particles: [...(failures.particles ?? [])],
    });
  }
  return rows;
}

/** The components the last committed iteration skipped (empty when it skipped none). */
export function skippedAtLastIteration(history: ChartHistory): readonly number[] {
  const last = history.at(-1);
  if (!last) return [];
  return failureRows([last])[0]?.skipped ?? [];
}

/** What an iteration left out, in words: "components 0 and 2 skipped", "particles 3 and 17 left out". */
export function leftOutText(row: IterationFailureRow, limit = 12): string {
  if (row.skipped.length > 0) return `${row.skipped.length > 1 ? 'components' : 'component'} ${listOf(row.skipped, limit)} skipped`;
  if (row.particles.length > 0) return `${row.particles.length > 1 ? 'particles' : 'particle'} ${listOf(row.particles, limit)} left out`;
  return '';
}
