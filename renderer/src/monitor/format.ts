/**
 * The run monitor header's progress fraction. Its durations and counts read as everywhere else
 * (runs/format.ts).
 */
import type { RunProgress } from '../../../electron/contract/types';

/** What the header's progress bar and counters show, from a progress event or a stored run (`evaluationsTotal` 0 when unknown). */
export type ProgressFigures = Pick<
  RunProgress,
  'iteration' | 'iterations' | 'evaluationsDone' | 'evaluationsTotal' | 'evaluationsFailed' | 'evaluationsInFlight' | 'elapsedSeconds' | 'etaSeconds'
>;

/**
 * Percent done (0–100, whole numbers): by evaluations when their total is known (they move
 * within an iteration), by iterations otherwise. Never 100 before the last iteration is in.
 */
export function percentDone(figures: ProgressFigures): number {
  const byIterations = figures.iterations > 0 ? figures.iteration / figures.iterations : 0;
  const byEvaluations = figures.evaluationsTotal > 0 ? figures.evaluationsDone / figures.evaluationsTotal : byIterations;
  const fraction = Math.min(1, Math.max(0, byEvaluations));
  const percent = Math.floor(100 * fraction);
  return percent === 100 && figures.iteration < figures.iterations ? 99 : percent;
}
