/**
 * The runs browser's data: every run (runs/list with a high limit, filtered in the page), kept
 * current by the live events, and the browser's actions on one run. Actions resolve to an error
 * sentence or null, so the dialogs can show it where the user is looking.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { useBridge } from '../bridge/index';
import type { Result } from '../../../electron/contract/result';
import type { DuplicatedProblem, ExampleInfo, RunRecord, RunSummary } from '../../../electron/contract/types';
import { replaceRun, withProgress, withStatus } from '../runs/live';
import { isSettled } from '../runs/status';

/** runs/list's largest page: the browser holds every run and filters in the page. */
const LIST_LIMIT = 10_000;

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** A run as the list shows it, from a whole record (what the annotate channels answer). */
export function summaryOf(record: RunRecord): RunSummary {
  const { problem, ...rest } = record;
  return { ...rest, problemName: typeof problem.name === 'string' ? problem.name : '' };
}

export const useRunsStore = defineStore('runs', () => {
  const bridge = useBridge();
  const runs = shallowRef<RunSummary[]>([]);
  /** Runs in the database (more than `runs` only beyond LIST_LIMIT). */
  const total = ref(0);
  const state = ref<LoadState>('idle');
  const error = ref<string | null>(null);
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;

  async function load(): Promise<void> {
    if (state.value !== 'ready') state.value = 'loading';
    const result = await bridge.invoke('runs/list', { limit: LIST_LIMIT });
    if (result.ok) {
      runs.value = [...result.value.runs];
      total.value = result.value.total;
      state.value = 'ready';
      error.value = null;
    } else {
      state.value = 'error';
      error.value = result.error.message;
    }
  }

  /** A run the list does not know yet (started elsewhere): reload once, not per event. */
  function reloadSoon(): void {
    reloadTimer ??= setTimeout(() => {
      reloadTimer = null;
      void load();
    }, 300);
  }

  function put(updated: RunSummary): void {
    runs.value = replaceRun(runs.value, updated.id, () => updated) ?? [updated, ...runs.value];
  }

  async function refreshRun(runId: string): Promise<void> {
    const result = await bridge.invoke('run/get', { runId });
    if (result.ok) put(summaryOf(result.value));
  }

  /** Takes a deleted run out of the list (once: our own delete is announced to us too). */
  function drop(runId: string): void {
    const kept = runs.value.filter((run) => run.id !== runId);
    if (kept.length === runs.value.length) return;
    runs.value = kept;
    total.value = Math.max(0, total.value - 1);
  }

  /** Follows run/progress, run/status and run/deleted until the returned function is called. */
  function follow(): () => void {
    const stops = [
      // Deleted elsewhere: in another window or browser tab of the same app or server.
      bridge.subscribe('run/deleted', ({ runId }) => drop(runId)),
      bridge.subscribe('run/progress', (progress) => {
        const next = replaceRun(runs.value, progress.runId, (run) => withProgress(run, progress));
        if (next) runs.value = next;
        else reloadSoon();
      }),
      bridge.subscribe('run/status', (change) => {
        const next = replaceRun(runs.value, change.runId, (run) => withStatus(run, change));
        if (!next) return reloadSoon();
        runs.value = next;
        // The last progress events may have been throttled away: take the final counts once.
        if (isSettled(change.status)) void refreshRun(change.runId);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  async function annotated(call: Promise<Result<RunRecord>>): Promise<string | null> {
    const result = await call;
    if (!result.ok) return result.error.message;
    put(summaryOf(result.value));
    return null;
  }

  const rename = (runId: string, name: string) => annotated(bridge.invoke('run/rename', { runId, name }));
  const setNotes = (runId: string, notes: string) => annotated(bridge.invoke('run/notes', { runId, notes }));
  const setTags = (runId: string, tags: string[]) => annotated(bridge.invoke('run/tags', { runId, tags }));

  async function remove(runId: string): Promise<string | null> {
    const result = await bridge.invoke('run/delete', { runId });
    if (!result.ok) {
      return result.error.code === 'CONFLICT' ? 'This run is still queued or running. Cancel it first (on its Progress tab), then delete it.' : result.error.message;
    }
    drop(runId);
    return null;
  }

  async function duplicate(runId: string): Promise<DuplicatedProblem | string> {
    const result = await bridge.invoke('run/duplicate', { runId });
    return result.ok ? result.value : result.error.message;
  }

  async function examples(): Promise<readonly ExampleInfo[] | string> {
    const result = await bridge.invoke('problem/examples', {});
    return result.ok ? result.value : result.error.message;
  }

  return { runs, total, state, error, load, follow, rename, setNotes, setTags, remove, duplicate, examples };
});
