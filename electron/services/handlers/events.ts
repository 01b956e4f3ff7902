/**
 * The event side of the contract: a hub the IPC gate and the server subscribe to, fed by the run
 * manager's progress and by the handlers that change a run's status.
 */
import type { EventName } from '../../contract/channels';
import type { EventMap } from '../../contract/channel-map';
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

/**
 * Forwards the manager's progress as `run/progress`, and a `run/status` whenever a run's status
 * differs from the last one reported. Returns the function that stops forwarding.
 */
export function connectRunEvents(manager: RunManager, hub: EventHub): () => void {
  return manager.onProgress((progress) => {
    hub.emit('run/progress', progress);
    // A run's end is reported once it has settled, with its error sentence (reportWhenSettled).
    if (progress.status === 'queued' || progress.status === 'running') reportStatus(hub, progress.runId, progress.status, null);
  });
}

const lastStatus = new WeakMap<EventHub, Map<string, string>>();

/** Emits `run/status` unless the hub already reported that status (with no error) for the run. */
export function reportStatus(hub: EventHub, runId: string, status: EventMap['run/status']['status'], error: string | null): void {
  let seen = lastStatus.get(hub);
  if (!seen) lastStatus.set(hub, (seen = new Map()));
  const key = `${status}\u0000${error ?? ''}`;
  if (seen.get(runId) === key) return;
  seen.set(runId, key);
  hub.emit('run/status', { runId, status, error });
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
