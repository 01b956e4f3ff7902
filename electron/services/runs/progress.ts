/** What a running run reports, and the throttle that thins its events. */
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
 * Passes at most one event per `intervalMs` (the latest one wins, emitted when the interval is
 * over), and an event that `force` marks at once (the run manager forces committed iterations and
 * the end, which `gmki run` prints one line each). Without force the events are at least
 * intervalMs apart by `now`: the event channel to the renderer keeps its ≤ 10 a second that way.
 */
export function createThrottle<T>(emit: (event: T) => void, intervalMs = 100, now: () => number = () => performance.now()) {
  let last = -Infinity;
  let pending: { readonly event: T } | null = null;
  let afterwards: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const send = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending) {
      const { event } = pending;
      pending = null;
      last = now();
      emit(event);
    }
    const actions = afterwards;
    afterwards = [];
    for (const action of actions) action();
  };
  // A timer may fire a fraction of a millisecond early by `now`: then it waits for the rest.
  const whenDue = (): void => {
    timer = null;
    const wait = last + intervalMs - now();
    if (wait > 0) timer = setTimeout(whenDue, wait);
    else send();
  };
  return {
    push(event: T, force = false): void {
      if (closed) return; // a late message from a worker that already finished
      pending = { event };
      const wait = last + intervalMs - now();
      if (force || wait <= 0) send();
      else timer ??= setTimeout(whenDue, wait);
    },
    /** Runs `action` right after the pending event is emitted, or at once when none is pending. */
    afterPending(action: () => void): void {
      if (pending) afterwards.push(action);
      else action();
    },
    /** Emits what is pending now, stops the timer, and drops everything pushed afterwards. */
    close(): void {
      send();
      closed = true;
    },
  };
}
