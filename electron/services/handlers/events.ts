/**
 * The event side of the contract: a hub the IPC gate and the server subscribe to, fed by the run
 * manager's progress and by the handlers that change a run's status.
 */
import type { EventName } from '../../contract/channels';
import type { EventMap } from '../../contract/channel-map';
import { createThrottle, type RunProgress } from '../runs/progress';
import type { RunManager } from '../runs/run-manager';
import type { RunStore } from '../store/run-store';

/** Publishes the events of the contract's event map to whoever listens (IPC gate, SSE streams, tests). */
export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** Every event, in order: the server's event stream forwards them all. */
  subscribeAll(listener: <E extends EventName>(event: E, payload: EventMap[E]) => void): () => void;
}

type AnyListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export function createEventHub(): EventHub {
  const listeners = new Set<AnyListener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        // A listener that throws (a closed socket) must not keep the others from hearing the event.
        try {
          listener(event, payload);
        } catch {
          listeners.delete(listener);
        }
      }
    },
    subscribe(event, listener) {
      const wrapped: AnyListener = (name, payload) => {
        if ((name as EventName) === event) listener(payload as never);
      };
      listeners.add(wrapped);
      return () => void listeners.delete(wrapped);
    },
    subscribeAll(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** run/progress events of one run are at least this far apart: ≤ 10 a second (architecture.md §2). */
export const PROGRESS_INTERVAL_MS = 100;

type ProgressThrottle = ReturnType<typeof createThrottle<RunProgress>>;

/** Per hub, the throttle of each run whose progress it forwards (while the run goes on). */
const progressThrottles = new WeakMap<EventHub, Map<string, ProgressThrottle>>();

/**
 * Forwards the manager's progress as `run/progress`, at most one event per run every
 * PROGRESS_INTERVAL_MS (the latest wins; the manager passes every committed iteration, which the
 * renderer does not need one by one: it fetches the history it lacks), and a `run/status`
 * whenever a run's status differs from the last one reported. A status waits for the progress
 * event held before it, so the end's progress comes before the end's status. `now` is the clock
 * of the spacing (tests read it). Returns the function that stops forwarding.
 */
export function connectRunEvents(manager: Pick<RunManager, 'onProgress'>, hub: EventHub, now: () => number = () => performance.now()): () => void {
  const throttles = new Map<string, ProgressThrottle>();
  progressThrottles.set(hub, throttles);
  const stop = manager.onProgress((progress) => {
    let throttle = throttles.get(progress.runId);
    if (!throttle) {
      const emit = (event: RunProgress): void => {
        hub.emit('run/progress', event);
        if (event.status !== 'queued' && event.status !== 'running') throttles.delete(event.runId);
      };
      throttles.set(progress.runId, (throttle = createThrottle(emit, PROGRESS_INTERVAL_MS, now)));
    }
    throttle.push(progress);
    // A run's end is reported once it has settled, with its error sentence (reportWhenSettled).
    if (progress.status === 'queued' || progress.status === 'running') reportStatus(hub, progress.runId, progress.status, null);
  });
  return () => {
    stop();
    for (const throttle of throttles.values()) throttle.close();
    progressThrottles.delete(hub);
  };
}

const lastStatus = new WeakMap<EventHub, Map<string, string>>();

/** Emits `run/status` unless the hub already reported that status (with no error) for the run. */
export function reportStatus(hub: EventHub, runId: string, status: EventMap['run/status']['status'], error: string | null): void {
  let seen = lastStatus.get(hub);
  if (!seen) lastStatus.set(hub, (seen = new Map<string, string>()));
  const key = `${status}\u0000${error ?? ''}`;
  if (seen.get(runId) === key) return;
  seen.set(runId, key);
  const emit = (): void => hub.emit('run/status', { runId, status, error });
  const throttle = progressThrottles.get(hub)?.get(runId);
  if (throttle) throttle.afterPending(emit);
  else emit();
}

/** Reports the run's final status (with its error sentence) once the manager has settled it. */
export function reportWhenSettled(manager: RunManager, store: RunStore, hub: EventHub, runId: string): void {
  manager.whenSettled(runId).then(
    (run) => reportStatus(hub, run.id, run.status, run.error),
    () => {
      const run = store.getRun(runId);
      if (run) reportStatus(hub, run.id, run.status, run.error);
    },
  );
}
