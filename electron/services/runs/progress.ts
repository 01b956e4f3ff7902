/** What a running run reports, and the throttle that keeps it to ≤ 10 events a second. */
import type { RunStatus } from '../store/types';

/** A summary of a run's state, small enough to send ten times a second (never whole ensembles). */
export interface RunProgress {
  readonly runId: string;
  readonly status: RunStatus;
  /** Iterations committed. */
  readonly iteration: number;
  readonly iterations: number;
  /** Forward evaluations of the run so far (committed iterations and the one in progress). */
  readonly evaluationsDone: number;
  readonly evaluationsTotal: number;
  readonly evaluationsFailed: number;
  readonly evaluationsInFlight: number;
  readonly elapsedSeconds: number;
  /** Estimated seconds to completion, null until an iteration has been timed. */
  readonly etaSeconds: number | null;
  /** Weights and misfit per component after the last committed iteration. */
  readonly weights: readonly number[];
  readonly misfit: readonly number[];
}

/**
 * Passes at most one event per `intervalMs` (the latest one wins), and always passes an event
 * that `force` marks (status changes, committed iterations), so nothing important is dropped.
 */
export function createThrottle<T>(emit: (event: T) => void, intervalMs = 100, now: () => number = Date.now) {
  let last = -Infinity;
  let pending: T | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
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
      pending = event;
      const wait = last + intervalMs - now();
      if (force || wait <= 0) {
        if (timer) clearTimeout(timer);
        flush();
      } else if (!timer) {
        timer = setTimeout(flush, wait);
      }
    },
    /** Emits what is pending now and stops the timer. */
    close(): void {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}
