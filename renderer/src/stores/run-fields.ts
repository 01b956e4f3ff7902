/**
 * The field maps of runs (run/fields, problem-format.md §1.7), per run: the maps of the latest
 * iteration asked for, so that the monitor and the Result tab share one request. One request per
 * run at a time: asking for a newer iteration while one is on its way asks again once it has
 * answered (the monitor moves on faster than a hook may answer), and the maps on screen stay until
 * the newer ones arrive. Each request starts the hook's worker threads beside the run's model, so
 * a run's next request waits at least MIN_GAP_MS, or GAP_FACTOR times the last one's duration.
 */
import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { AppError } from '../../../electron/contract/result';
import type { RunFields } from '../../../electron/contract/types';
import { useBridge } from '../bridge/index';

export interface FieldsState {
  loading: boolean;
  /** The iteration being fetched or last fetched. */
  iteration: number | null;
  /** The last answer: null before one, or when the problem has no field hook (`noHook`). */
  value: RunFields | null;
  noHook: boolean;
  error: AppError | null;
}

/** The least wait between two requests of one run, and the wait per second the last one took. */
export const MIN_GAP_MS = 2000;
export const GAP_FACTOR = 4;

const EMPTY: Readonly<FieldsState> = Object.freeze({ loading: false, iteration: null, value: null, noHook: false, error: null });

export const useRunFieldsStore = defineStore('run-fields', () => {
  const bridge = useBridge();
  const byRun = reactive(new Map<string, FieldsState>());
  /** Per run: the newest iteration asked for while a request was on its way or waiting. */
  const wanted = new Map<string, number>();
  /** Per run: the time (Date.now) before which no new request goes out, and the timer waiting for it. */
  const notBefore = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function of(runId: string): Readonly<FieldsState> {
    return byRun.get(runId) ?? EMPTY;
  }

  /** Fetches the maps of `iteration` unless they are here or on their way. */
  async function load(runId: string, iteration: number): Promise<void> {
    if (!byRun.has(runId)) byRun.set(runId, { ...EMPTY });
    const state = byRun.get(runId)!;
    if (state.loading || timers.has(runId)) {
      if (iteration !== state.iteration) wanted.set(runId, iteration);
      return;
    }
    if (state.iteration === iteration && (state.value !== null || state.noHook) && state.error === null) return;
    const wait = (notBefore.get(runId) ?? 0) - Date.now();
    if (wait > 0) {
      wanted.set(runId, iteration);
      timers.set(
        runId,
        setTimeout(() => {
          timers.delete(runId);
          askWanted(runId, null);
        }, wait),
      );
      return;
    }
    state.loading = true;
    state.iteration = iteration;
    const started = Date.now();
    const result = await bridge.invoke('run/fields', { runId, iteration });
    notBefore.set(runId, Date.now() + Math.max(MIN_GAP_MS, GAP_FACTOR * (Date.now() - started)));
    state.loading = false;
    if (result.ok) {
      state.value = result.value;
      state.noHook = result.value === null;
      state.error = null;
    } else {
      state.error = result.error;
    }
    askWanted(runId, iteration);
  }

  /** Asks for the iteration wanted meanwhile, unless it is `answered`. */
  function askWanted(runId: string, answered: number | null): void {
    const next = wanted.get(runId);
    wanted.delete(runId);
    if (next !== undefined && next !== answered) void load(runId, next);
  }

  return { of, load };
});
