/**
 * The Compare screen's state: which runs are picked (in order: the order gives each its colour),
 * each picked run's record and mixture history as it loads or fails, its posterior samples (the
 * rows of its samples CSV: a particle run's J particles, COMPARE_SAMPLES draws from a mixture)
 * for the particle overlays and the distances, and the runs the picker offers. Errors become
 * state per run, named beside the others, not a blank screen. A run that is deleted (here: the
 * run/deleted event; elsewhere: NOT_FOUND when it is fetched) leaves the comparison with a short
 * notice.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { AppError } from '../../../electron/contract/result';
import type { IterationHistory, RunRecord, RunSummary } from '../../../electron/contract/types';
import { useBridge } from '../bridge/index';
import { pageSampleCount, sampleSetOf, type RunSampleSet } from '../runs/particles';
import { isParticleMethod, particlesOf } from '../../../core/methods/budget';
import { MAX_SAMPLE_NUMBERS } from '../../../electron/contract/types';

export type ComparedRun =
  | { readonly id: string; readonly state: 'loading' }
  | { readonly id: string; readonly state: 'ready'; readonly record: RunRecord; readonly history: IterationHistory }
  | { readonly id: string; readonly state: 'error'; readonly error: AppError };

/** How many runs the picker lists per search: enough to scroll, few enough to stay quick. */
const PICKER_LIMIT = 50;

/**
 * Samples of each run for the distances and the particle overlays: the rows of its samples CSV
 * exported with this many (fewer when d is large, so that one reply stays within its limit).
 */
export const COMPARE_SAMPLES = 4000;

/**
 * The count of samples asked of a run with d parameters: a mixture run's draws, or a particle
 * run's J particles themselves (more rows would repeat them, drawn with replacement, and make
 * the reference's own noise look smaller than it is).
 */
export function compareSampleCount(d: number, particles: number | null = null): number {
  if (particles !== null) return pageSampleCount(particles, d);
  return Math.max(1, Math.min(COMPARE_SAMPLES, Math.floor(MAX_SAMPLE_NUMBERS / Math.max(1, d))));
}

/** A picked run's samples as they load. */
export type SampleState = { readonly state: 'loading' } | { readonly state: 'ready'; readonly set: RunSampleSet } | { readonly state: 'error'; readonly message: string };

export const useCompareStore = defineStore('compare', () => {
  const bridge = useBridge();

  const selected = ref<string[]>([]);
  // Whole histories: shallow, replaced per run rather than made deeply reactive.
  const runs = shallowRef<Readonly<Record<string, ComparedRun>>>({});
  const samples = shallowRef<Readonly<Record<string, SampleState>>>({});
  const options = shallowRef<readonly RunSummary[]>([]);
  const optionsLoading = ref(false);
  const optionsError = ref<AppError | null>(null);
  /** One sentence per run that left the comparison because it was deleted; cleared when read. */
  const removed = ref<string[]>([]);
  // The latest request per run wins: a reload after a status change must not be overwritten by an older answer.
  const requestOf = new Map<string, number>();
  let requests = 0;

  const picked = computed<ComparedRun[]>(() => selected.value.map((id) => runs.value[id] ?? { id, state: 'loading' }));
  const loading = computed(() => picked.value.some((run) => run.state === 'loading'));

  function put(run: ComparedRun): void {
    runs.value = { ...runs.value, [run.id]: run };
  }

  async function load(id: string): Promise<void> {
    const request = ++requests;
    requestOf.set(id, request);
    if (runs.value[id]?.state !== 'ready') put({ id, state: 'loading' });
    const [record, history] = await Promise.all([bridge.invoke('run/get', { runId: id }), bridge.invoke('run/iterations', { runId: id })]);
    if (requestOf.get(id) !== request || !selected.value.includes(id)) return;
    if (!record.ok && record.error.code === 'NOT_FOUND') dropDeleted(id);
    else if (!record.ok) put({ id, state: 'error', error: record.error });
    else if (!history.ok) put({ id, state: 'error', error: history.error });
    else {
      put({ id, state: 'ready', record: record.value, history: history.value });
      void loadSamples(id, record.value, request);
    }
  }

  /** The run's samples of its last committed iteration (none before iteration 1). */
  async function loadSamples(id: string, record: RunRecord, request: number): Promise<void> {
    if (record.iterationsDone === 0) return void (samples.value = { ...samples.value, [id]: { state: 'error', message: 'no iteration completed' } });
    if (samples.value[id]?.state !== 'ready') samples.value = { ...samples.value, [id]: { state: 'loading' } };
    const reply = await bridge.invoke('run/samples', {
      runId: id,
      count: compareSampleCount(record.nTheta, isParticleMethod(record.method) ? particlesOf(record.problem.settings) : null),
    });
    if (requestOf.get(id) !== request || !selected.value.includes(id)) return;
    samples.value = { ...samples.value, [id]: reply.ok ? { state: 'ready', set: sampleSetOf(reply.value) } : { state: 'error', message: reply.error.message } };
  }

  /** Picks exactly these runs (in this order), loading the new ones and forgetting the dropped ones. */
  function setSelection(ids: readonly string[]): void {
    const next = [...new Set(ids)];
    if (next.length === selected.value.length && next.every((id, i) => id === selected.value[i])) return;
    selected.value = next;
    const kept: Record<string, ComparedRun> = {};
    const keptSamples: Record<string, SampleState> = {};
    for (const id of next) if (runs.value[id]) kept[id] = runs.value[id];
    for (const id of next) if (samples.value[id]) keptSamples[id] = samples.value[id];
    runs.value = kept;
    samples.value = keptSamples;
    for (const id of next) if (!kept[id] || kept[id].state === 'error') void load(id);
  }

  function add(id: string): void {
    setSelection([...selected.value, id]);
  }

  function remove(id: string): void {
    setSelection(selected.value.filter((other) => other !== id));
  }

  /** Takes a deleted run out of the comparison, saying which one it was. */
  function dropDeleted(id: string): void {
    if (!selected.value.includes(id)) return;
    const known = runs.value[id];
    const name = known?.state === 'ready' ? `“${known.record.name}”` : `Run ${id.slice(0, 8)}`;
    removed.value = [...removed.value, `${name} was deleted, so it left the comparison.`];
    remove(id);
  }

  /** Checks that the picked runs still exist (deleted elsewhere while this screen was closed). */
  async function checkStillThere(): Promise<void> {
    const ready = selected.value.filter((id) => runs.value[id]?.state === 'ready');
    const replies = await Promise.all(ready.map((id) => bridge.invoke('run/get', { runId: id })));
    replies.forEach((reply, r) => {
      if (!reply.ok && reply.error.code === 'NOT_FOUND') dropDeleted(ready[r]!);
    });
  }

  /** The runs the picker offers for a search text (name, problem, tags: the server's search). */
  async function searchRuns(search: string): Promise<void> {
    optionsLoading.value = true;
    const result = await bridge.invoke('runs/list', { search: search.trim() || undefined, limit: PICKER_LIMIT });
    optionsLoading.value = false;
    if (result.ok) {
      options.value = result.value.runs;
      optionsError.value = null;
    } else {
      optionsError.value = result.error;
    }
  }

  /**
   * Reloads a picked run whenever its status changes (a running run's result grows) and drops
   * one that is deleted; checks first that none was deleted meanwhile. Returns the unsubscribe.
   */
  function follow(): () => void {
    void checkStillThere();
    const stops = [
      bridge.subscribe('run/status', (change) => {
        if (selected.value.includes(change.runId)) void load(change.runId);
      }),
      bridge.subscribe('run/deleted', ({ runId }) => dropDeleted(runId)),
    ];
    return () => stops.forEach((stop) => stop());
  }

  return { selected, runs, samples, picked, loading, options, optionsLoading, optionsError, removed, setSelection, add, remove, reload: load, searchRuns, follow };
});
