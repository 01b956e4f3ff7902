/**
 * Drives an inversion to the end with a synchronous model, as the CLI does with a real one; a
 * model that returns null has failed at that point (settings.onEvaluationFailure decides).
 */
import { createInversion } from '../../core/inversion';
import type { IterationRecord } from '../../core/inversion';
import type { GmkiState } from '../../core/gmki/state';
import type { ResolvedProblem } from '../../core/problem/types';

export function runInversion(
  problem: ResolvedProblem,
  model: (theta: readonly number[]) => number[] | null,
  resumeFrom?: GmkiState,
): { history: IterationRecord[]; forwardCalls: number } {
  const inversion = createInversion(problem, resumeFrom);
  const history: IterationRecord[] = [inversion.initialRecord];
  let forwardCalls = 0;
  while (!inversion.done) {
    const batch = inversion.ask();
    const outputs = batch.points.map((point) => {
      forwardCalls++;
      return model(point.theta);
    });
    history.push(inversion.tell(outputs));
  }
  return { history, forwardCalls };
}
