/**
 * One run's result: the run as recorded, its last committed iteration (the final mixture, or
 * what a stopped run got to), and the ledger entries of that iteration (the model's outputs at
 * the component means). Also the run's file exports.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { useBridge } from '../bridge/index';
import type { AppError, Result } from '../../../electron/contract/result';
import type { EvaluationEntry, ExportOutcome, IterationData, RunRecord } from '../../../electron/contract/types';
import type { ExportFileRequest } from '../runs/export-flow';
import { isSettled } from '../runs/status';
import type { LoadState } from './runs';

export const useRunDetailStore = defineStore('run-detail', () => {
  const bridge = useBridge();
  const runId = ref<string | null>(null);
  const run = shallowRef<RunRecord | null>(null);
  const last = shallowRef<IterationData | null>(null);
  const evaluations = shallowRef<EvaluationEntry[]>([]);
  const state = ref<LoadState>('idle');
  const error = ref<AppError | null>(null);
  let stopFollowing: (() => void) | null = null;

  function fail(appError: AppError): void {
    state.value = 'error';
    error.value = appError;
  }

  async function load(id: string): Promise<void> {
    if (runId.value !== id) {
      run.value = null;
      last.value = null;
      evaluations.value = [];
      state.value = 'loading';
    }
    runId.value = id;
    const got = await bridge.invoke('run/get', { runId: id });
    if (runId.value !== id) return;
    if (!got.ok) return fail(got.error);
    const done = got.value.iterationsDone;
    const [iterations, ledger] = await Promise.all([
      bridge.invoke('run/iterations', { runId: id, from: done }),
      // K·(2d+1) entries per iteration; the largest page is plenty for the mean outputs.
      done > 0 ? bridge.invoke('run/evaluations', { runId: id, iteration: done, limit: 10_000 }) : null,
    ]);
    if (runId.value !== id) return;
    if (!iterations.ok) return fail(iterations.error);
    run.value = got.value;
    last.value = iterations.value.iterations.at(-1) ?? null;
    evaluations.value = ledger?.ok ? [...ledger.value.evaluations] : [];
    state.value = 'ready';
    error.value = null;
    follow(id, got.value.status);
  }

  /** While the run is going, reload once it settles (the Result tab may already be open). */
  function follow(id: string, status: RunRecord['status']): void {
    stopFollowing?.();
    stopFollowing = null;
    if (isSettled(status)) return;
    stopFollowing = bridge.subscribe('run/status', (change) => {
      if (change.runId === id && isSettled(change.status)) void load(id);
    });
  }

  function stop(): void {
    stopFollowing?.();
    stopFollowing = null;
  }

  function exportRun(request: ExportFileRequest): Promise<Result<ExportOutcome>> {
    if (!runId.value) return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'No run is open.' } });
    return bridge.invoke('run/export', { runId: runId.value, ...request });
  }

  return { runId, run, last, evaluations, state, error, load, stop, exportRun };
});
