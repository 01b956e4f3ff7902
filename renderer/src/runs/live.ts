/**
 * Folding the live events into a loaded run list, so the browser updates a row's state and
 * counts without fetching every run again. Returns null when the event is about an unknown run
 * (a run started elsewhere): the caller then reloads the list once.
 */
import type { RunProgress, RunStatusChange, RunSummary } from '../../../electron/contract/types';

export function withProgress(run: RunSummary, progress: RunProgress): RunSummary {
  return {
    ...run,
    status: progress.status,
    iterations: progress.iterations,
    iterationsDone: progress.iteration,
    forwardEvaluations: progress.evaluationsDone,
    elapsedSeconds: progress.elapsedSeconds,
  };
}

export function withStatus(run: RunSummary, change: RunStatusChange): RunSummary {
  return { ...run, status: change.status, error: change.error };
}

/** The list with run `runId` replaced by `update(run)`; null if it is not in the list. */
export function replaceRun(runs: readonly RunSummary[], runId: string, update: (run: RunSummary) => RunSummary): RunSummary[] | null {
  const index = runs.findIndex((run) => run.id === runId);
  if (index < 0) return null;
  const next = runs.slice();
  next[index] = update(runs[index]);
  return next;
}
