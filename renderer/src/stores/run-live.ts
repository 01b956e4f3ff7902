/**
 * The run on screen, kept up to date from the event stream: its record, the last progress event,
 * the iteration history (fetched `from` the next iteration only when the committed count grows),
 * the log (followed by `afterSeq`), the failed evaluations, and the controls (cancel, resume,
 * extend). One run at a time: the run page holds it (`acquire`) while it shows the run.
 *
 * Progress events only replace a small object (the header); everything fetched on them is
 * single-flight, and the history reaches the charts through a throttle, so a stream of ten events
 * a second costs at most a few redraws a second.
 */
import { defineStore } from 'pinia';
import { evaluationBudget } from '../../../core/methods/budget';
import { computed, ref, shallowRef } from 'vue';
import type { AppError, Result } from '../../../electron/contract/result';
import type { EvaluationEntry, LogEntry, RunProgress, RunRecord, RunStatus } from '../../../electron/contract/types';
import type { HistoryEntry } from '../charts/history';
import { useBridge } from '../bridge/index';
import type { ProgressFigures } from '../monitor/format';
import { appendLogs, lastSeq, mergeIterations, nextIteration } from '../monitor/history';
import { explainConflict, isSettled, type RunAction } from '../runs/status';
import { throttle } from '../monitor/throttle';
import { useRunDiagnosticsStore } from './run-diagnostics';

/** Charts redraw at most this often while iterations stream in. */
const REDRAW_MS = 400;
/** The log and the failed evaluations are refetched at most this often while the run goes on. */
const DETAILS_MS = 1000;
/** Failed evaluations shown (the ledger has them all; the export carries them too). */
const FAILED_PAGE = 200;
/** Log lines per request, and requests per catch-up (the view keeps the newest 2000 lines). */
const LOG_PAGE = 1000;
const LOG_PAGES = 50;
/** Diagnostics are refreshed every this many committed iterations while the run goes on. */
const DIAGNOSE_EVERY = 5;

export const useRunLiveStore = defineStore('run-live', () => {
  const bridge = useBridge();
  const diagnostics = useRunDiagnosticsStore();

  const runId = ref<string | null>(null);
  const run = shallowRef<RunRecord | null>(null);
  const status = ref<RunStatus | null>(null);
  const progress = shallowRef<RunProgress | null>(null);
  /** What the charts show; updated through the redraw throttle. */
  const history = shallowRef<HistoryEntry[]>([]);
  const logs = shallowRef<LogEntry[]>([]);
  const failedEvaluations = shallowRef<EvaluationEntry[]>([]);
  const failedTotal = ref(0);
  const loading = ref(false);
  const loadError = ref<AppError | null>(null);
  const actionError = ref<string | null>(null);
  const busy = ref<RunAction | null>(null);

  // Fetched but maybe not yet shown (the throttle publishes it).
  let held: HistoryEntry[] = [];
  let holders = 0;
  /** Counts the runs followed so far (see acquire). */
  let generation = 0;
  let stopListening: (() => void)[] = [];
  let lastDiagnosed = -1;
  const redraw = throttle(() => (history.value = held), REDRAW_MS);
  const details = throttle(() => void Promise.all([followLogs(), loadFailed()]), DETAILS_MS);

  /** The header's numbers: the live event while the run goes on, the stored record otherwise. */
  const figures = computed<ProgressFigures | null>(() => {
    const p = progress.value;
    if (p && status.value && !isSettled(status.value)) return p;
    const r = run.value;
    if (!r) return null;
    return {
      iteration: r.iterationsDone,
      iterations: r.iterations,
      evaluationsDone: r.forwardEvaluations,
      evaluationsTotal: evaluationBudget(r.problem.settings, r.nTheta).perIteration * r.iterations,
      evaluationsFailed: failedTotal.value,
      evaluationsInFlight: 0,
      elapsedSeconds: r.elapsedSeconds,
      etaSeconds: null,
    };
  });

  /** Starts following run `id` (or keeps following it); call the returned function to let go. */
  function acquire(id: string): () => void {
    if (runId.value !== id) start(id);
    holders++;
    // A holder of an earlier run (the page moved on to another run) has nothing left to let go.
    const heldGeneration = generation;
    let released = false;
    return () => {
      if (released || heldGeneration !== generation) return;
      released = true;
      if (--holders === 0) stop();
    };
  }

  function start(id: string): void {
    stop();
    generation++;
    runId.value = id;
    run.value = null;
    status.value = null;
    progress.value = null;
    history.value = held = [];
    logs.value = [];
    failedEvaluations.value = [];
    failedTotal.value = 0;
    loadError.value = null;
    actionError.value = null;
    lastDiagnosed = -1;
    wanted = -1;
    stopListening = [
      bridge.subscribe('run/progress', (event) => {
        if (event.runId !== runId.value) return;
        progress.value = event;
        status.value = event.status;
        void syncIterations(event.iteration);
        details.request();
      }),
      bridge.subscribe('run/status', (event) => {
        if (event.runId !== runId.value) return;
        status.value = event.status;
        void refresh();
      }),
    ];
    loading.value = true;
    void refresh().finally(() => (loading.value = false));
  }

  function stop(): void {
    for (const unsubscribe of stopListening) unsubscribe();
    stopListening = [];
    redraw.cancel();
    details.cancel();
    runId.value = null;
    holders = 0;
  }

  /** Reads the record again and catches up with everything it says (on load and status changes). */
  async function refresh(): Promise<void> {
    const id = runId.value;
    if (!id) return;
    const result = await bridge.invoke('run/get', { runId: id });
    if (runId.value !== id) return;
    if (!result.ok) {
      loadError.value = result.error;
      return;
    }
    loadError.value = null;
    run.value = result.value;
    status.value = result.value.status;
    await Promise.all([syncIterations(result.value.iterationsDone), followLogs(), loadFailed()]);
    if (isSettled(result.value.status)) void diagnose();
  }

  let syncingFor: string | null = null;
  let wanted = -1;
  /** Fetches the iterations up to `committed` that are not held yet, one request at a time. */
  async function syncIterations(committed: number): Promise<void> {
    wanted = Math.max(wanted, committed);
    const id = runId.value;
    if (!id || syncingFor === id) return;
    syncingFor = id;
    try {
      while (id === runId.value && nextIteration(held) <= wanted) {
        const result = await bridge.invoke('run/iterations', { runId: id, from: nextIteration(held) });
        if (id !== runId.value || !result.ok || result.value.iterations.length === 0) break;
        held = mergeIterations(held, result.value.iterations);
        redraw.request();
      }
    } finally {
      if (syncingFor === id) syncingFor = null;
    }
    if (id !== runId.value) return;
    const last = held.length > 0 ? held[held.length - 1].iteration : 0;
    if (status.value && !isSettled(status.value) && last >= 2 && last - lastDiagnosed >= DIAGNOSE_EVERY) void diagnose();
  }

  let following = false;
  let followAgain = false;
  /** Fetches the log lines after the last one held; a call during a fetch makes it go round once more. */
  async function followLogs(): Promise<void> {
    const id = runId.value;
    if (!id) return;
    if (following) {
      followAgain = true;
      return;
    }
    following = true;
    try {
      // Page by page up to the end (a long log of a settled run gets no further events to catch up on).
      for (let page = 0; page < LOG_PAGES; page++) {
        const result = await bridge.invoke('run/logs', { runId: id, afterSeq: lastSeq(logs.value), limit: LOG_PAGE });
        if (id !== runId.value || !result.ok) return;
        logs.value = appendLogs(logs.value, result.value);
        if (result.value.length < LOG_PAGE) return;
      }
    } finally {
      following = false;
      if (followAgain) {
        followAgain = false;
        void followLogs();
      }
    }
  }

  // Answers may arrive out of order: only the newest request's answer is kept.
  let failedRequest = 0;
  async function loadFailed(): Promise<void> {
    const id = runId.value;
    if (!id) return;
    const request = ++failedRequest;
    const result = await bridge.invoke('run/evaluations', { runId: id, failedOnly: true, limit: FAILED_PAGE });
    if (id !== runId.value || request !== failedRequest || !result.ok) return;
    failedEvaluations.value = [...result.value.evaluations];
    failedTotal.value = result.value.total;
  }

  /** Asks for the diagnostics again (they change with every iteration until the run settles). */
  async function diagnose(): Promise<void> {
    const id = runId.value;
    if (!id) return;
    lastDiagnosed = held.length > 0 ? held[held.length - 1].iteration : 0;
    await diagnostics.load(id, { force: true });
  }

  /** Runs one control; a refusal becomes `actionError` in words (CONFLICT explained). */
  async function act(action: RunAction, call: (id: string) => Promise<Result<RunRecord>>): Promise<boolean> {
    const id = runId.value;
    if (!id || busy.value) return false;
    busy.value = action;
    actionError.value = null;
    try {
      const result = await call(id);
      if (id !== runId.value) return false;
      if (!result.ok) {
        actionError.value = result.error.code === 'CONFLICT' ? explainConflict(action, status.value ?? 'completed', result.error.message) : result.error.message;
        void refresh();
        return false;
      }
      run.value = result.value;
      status.value = result.value.status;
      if (action !== 'cancel') progress.value = null;
      return true;
    } finally {
      busy.value = null;
    }
  }

  const cancel = () => act('cancel', (id) => bridge.invoke('run/cancel', { runId: id }));
  const resume = () => act('resume', (id) => bridge.invoke('run/resume', { runId: id }));
  const extend = (iterations: number) => act('extend', (id) => bridge.invoke('run/extend', { runId: id, iterations }));

  /** The run's problem, to open in run setup for a new run (diagnostics: more components). */
  async function duplicate(): Promise<{ problem: Record<string, unknown>; problemDir: string | null } | string> {
    const id = runId.value;
    if (!id) return 'No run is open.';
    const result = await bridge.invoke('run/duplicate', { runId: id });
    if (!result.ok) return result.error.message;
    return { problem: structuredClone(result.value.problem) as Record<string, unknown>, problemDir: result.value.problemDir };
  }

  return {
    runId,
    run,
    status,
    progress,
    figures,
    history,
    logs,
    failedEvaluations,
    failedTotal,
    loading,
    loadError,
    actionError,
    busy,
    acquire,
    refresh,
    cancel,
    resume,
    extend,
    duplicate,
  };
});
