/**
 * Diagnostics of runs (issue 5, core/results/diagnostics.ts), per run id, so that the run view's
 * warning, the monitor's weights chart and the Result tab's panel share one request. Null while a
 * run has fewer than two iterations.
 */
import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { RunDiagnostics } from '../../../core/results/diagnostics';
import type { AppError } from '../../../electron/contract/result';
import { useBridge } from '../bridge/index';

export interface DiagnosticsState {
  loading: boolean;
  /** True once an answer (or an error) arrived. */
  loaded: boolean;
  error: AppError | null;
  value: RunDiagnostics | null;
}

const EMPTY: Readonly<DiagnosticsState> = Object.freeze({ loading: false, loaded: false, error: null, value: null });

export const useRunDiagnosticsStore = defineStore('run-diagnostics', () => {
  const bridge = useBridge();
  const byRun = reactive(new Map<string, DiagnosticsState>());

  /** The state for a run (an empty one before `load`). */
  function of(runId: string): Readonly<DiagnosticsState> {
    return byRun.get(runId) ?? EMPTY;
  }

  /** Runs whose diagnostics were asked for again while a request was on its way. */
  const askedAgain = new Set<string>();

  /**
   * Fetches a run's diagnostics unless they are here already (or on their way); `force` asks
   * again, after the request on its way if there is one (its answer may describe fewer iterations).
   */
  async function load(runId: string, options: { force?: boolean } = {}): Promise<void> {
    const current = byRun.get(runId);
    if (current?.loading) {
      if (options.force) askedAgain.add(runId);
      return;
    }
    if (current?.loaded && !options.force) return;
    if (!current) byRun.set(runId, { ...EMPTY });
    const state = byRun.get(runId)!;
    state.loading = true;
    const result = await bridge.invoke('run/diagnostics', { runId });
    state.loading = false;
    state.loaded = true;
    if (askedAgain.delete(runId)) void load(runId, { force: true });
    if (result.ok) {
      state.value = result.value;
      state.error = null;
    } else {
      // Keep the last good diagnostics on screen; the error explains why they did not refresh.
      state.error = result.error;
    }
  }

  return { of, load };
});
