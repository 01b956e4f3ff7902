/** What a running run reports, and the throttle that keeps it to ≤ 10 events a second. */
import type { IterationRecord, SmcDiagnostics } from '../../../core/inversion/types';
import { evaluationBudget } from '../../../core/methods/budget';
import type { RunProgress, TemperingProgress } from '../../contract/types';
import type { RunRecord } from '../store/types';

export type { RunProgress };

/** What only the running session knows about a run between its commits. */
export interface LiveProgress {
  /** The last iteration told in this session (its weights and misfit are shown). */
  readonly record?: Pick<IterationRecord, 'mixture' | 'diagnostics'> | null;
  readonly doneInBatch?: number;
  readonly failed?: number;
  readonly inFlight?: number;
  readonly etaSeconds?: number | null;
  readonly elapsedSeconds?: number;
}

/** The progress event of a run from its stored record and what the session knows live. */
export function progressOfRun(run: RunRecord, live: LiveProgress = {}): RunProgress {
  const record = live.record ?? null;
  return {
    runId: run.id,
    status: run.status,
    method: run.method,
    iteration: run.iterationsDone,
    iterations: run.iterations,
    evaluationsDone: run.forwardEvaluations + (live.doneInBatch ?? 0),
    evaluationsTotal: evaluationBudget(run.problem.settings, run.nTheta).perIteration * run.iterations,
    evaluationsFailed: live.failed ?? 0,
    evaluationsInFlight: live.inFlight ?? 0,
    elapsedSeconds: live.elapsedSeconds ?? run.elapsedSeconds,
    etaSeconds: live.etaSeconds ?? null,
    weights: record ? Array.from(record.mixture.logWeights, Math.exp) : [],
    misfit: record ? [...record.diagnostics.misfit] : [],
    ...(record?.diagnostics.smc && { tempering: temperingOf(record.diagnostics.smc, run.problem.settings.maxStages) }),
  };
}

function temperingOf(smc: SmcDiagnostics, maxStages: number): TemperingProgress {
  const { stage, beta, ess, step, steps, logEvidence } = smc;
  return { stage, maxStages, beta, ess, step, steps, logEvidence };
}

/**
 * Passes at most one event per `intervalMs` (the latest one wins), and always passes an event
 * that `force` marks (status changes, committed iterations), so nothing important is dropped.
 */
export function createThrottle<T>(emit: (event: T) => void, intervalMs = 100, now: () => number = Date.now) {
  let last = -Infinity;
  let pending: T | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const flush = (): void => {
    timer = null;
    if (pending === null) return;
    const event = pending;
    pending = null;
    last = now();
    emit(event);
  };
  return {
    push(event: T, force = false): void {
      if (closed) return; // a late message from a worker that already finished
      pending = event;
      const wait = last + intervalMs - now();
      if (force || wait <= 0) {
        if (timer) clearTimeout(timer);
        flush();
      } else if (!timer) {
        timer = setTimeout(flush, wait);
      }
    },
    /** Emits what is pending now, stops the timer, and drops everything pushed afterwards. */
    close(): void {
      if (timer) clearTimeout(timer);
      flush();
      closed = true;
    },
  };
}
