/**
 * The run manager (architecture.md §2): queues runs, starts each in its own worker thread
 * (at most `maxConcurrentRuns` at once), forwards throttled progress, cancels cooperatively with
 * a hard stop after a grace period, and resumes or extends stored runs. It lives in the main
 * process (or the CLI); it never blocks on a run's work.
 */
import { hostname } from 'node:os';
import type { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { RunStore } from '../store/run-store';
import type { FinishedStatus, RunOwner, RunRecord, RunStatus } from '../store/types';
import { signalProcessGroup } from '../models/process-tree';
import { spawnWorker } from '../workers/spawn-worker';
import { createThrottle, progressOfRun, type RunProgress } from './progress';
import type { RunWorkerApi, RunWorkerEnvironment } from './run-worker';

export interface RunManagerOptions {
  /** The store of the main thread (reads, queue bookkeeping); workers open their own connection. */
  readonly store: RunStore;
  readonly maxConcurrentRuns?: number;
  /** How long a cancelled run may take to stop between evaluations before its worker is terminated. */
  readonly cancelGraceMs?: number;
  readonly retries?: number;
  /** Starts a run worker; the default runs electron/services/runs/run-worker.ts from source. */
  readonly spawnRunWorker?: () => Worker;
  /** Passed to every run worker (the desktop app's native binding and built worker chunk). */
  readonly workerEnvironment?: RunWorkerEnvironment;
}

export interface RunManager {
  /** Queues a stored run (new, interrupted or cancelled, or completed after `extend`). */
  enqueue(runId: string): void;
  /** Asks a run to stop; a queued run is cancelled at once. */
  cancel(runId: string): void;
  /** Resolves with the run's record when it leaves the queue and its worker has finished. */
  whenSettled(runId: string): Promise<RunRecord>;
  /** Progress of every run, ≤ 10 events per second per run (important events always pass). */
  onProgress(listener: (progress: RunProgress) => void): () => void;
  /** Runs queued or running now. */
  active(): string[];
  /** Cancels everything and waits for the workers to end. */
  close(): Promise<void>;
}

interface ActiveRun {
  /** The run's status when it was queued here: its worker claims it only if it still has it. */
  readonly claimFrom: RunStatus;
  readonly cancelFlag: Int32Array;
  /** Process groups of the run's command model, killed if its worker has to be terminated. */
  readonly modelProcessGroups: Set<number>;
  readonly settled: Promise<RunRecord>;
  worker: Worker | null;
  hardStop: ReturnType<typeof setTimeout> | null;
}

/** How often an end the database could not take (disk full) is tried again. */
const RECORD_RETRY_MS = 5000;

const defaultSpawn = (): Worker => spawnWorker(new URL('./run-worker.ts', import.meta.url));

export function createRunManager(options: RunManagerOptions): RunManager {
  const { store } = options;
  const maxConcurrent = options.maxConcurrentRuns ?? 1;
  const graceMs = options.cancelGraceMs ?? 5000;
  const spawn = options.spawnRunWorker ?? defaultSpawn;
  const owner: RunOwner = { pid: process.pid, host: hostname() };
  const queue: string[] = [];
  const runs = new Map<string, ActiveRun>();
  const waiters = new Map<string, { resolve: (run: RunRecord) => void; reject: (error: unknown) => void }>();
  const listeners = new Set<(progress: RunProgress) => void>();
  let running = 0;

  const emit = (progress: RunProgress): void => {
    for (const listener of listeners) listener(progress);
  };

  function settle(runId: string, result: RunRecord | Error): void {
    runs.delete(runId);
    const waiter = waiters.get(runId);
    waiters.delete(runId);
    if (!waiter) return;
    if (result instanceof Error) waiter.reject(result);
    else waiter.resolve(result);
  }

  function pump(): void {
    while (running < maxConcurrent && queue.length > 0) {
      const runId = queue.shift()!;
      const entry = runs.get(runId);
      if (!entry) continue;
      running++;
      void start(runId, entry).finally(() => {
        running--;
        pump();
      });
    }
  }

  async function start(runId: string, entry: ActiveRun): Promise<void> {
    const worker = spawn();
    entry.worker = worker;
    const remote = Comlink.wrap<RunWorkerApi>(nodeEndpoint(worker));
    const throttle = createThrottle<RunProgress>(emit);
    // A worker that dies (terminate after the grace period, a crash) never answers the call.
    const exited = new Promise<never>((_, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the run worker stopped (exit code ${code})`)));
    });
    exited.catch(() => {});
    try {
      const onProgress = Comlink.proxy((progress: RunProgress, important: boolean) => throttle.push(progress, important));
      const onProcessGroup = Comlink.proxy((pid: number, event: 'started' | 'ended') => {
        if (event === 'started') entry.modelProcessGroups.add(pid);
        else entry.modelProcessGroups.delete(pid);
      });
      const request = {
        dbPath: store.path,
        runId,
        owner,
        claimFrom: entry.claimFrom,
        retries: options.retries ?? 1,
        environment: options.workerEnvironment ?? {},
      };
      const final = await Promise.race([remote.run(request, entry.cancelFlag.buffer as SharedArrayBuffer, onProgress, onProcessGroup), exited]);
      recordEndLater(final);
      announceEnd(throttle, final);
      settle(runId, final);
    } catch (error) {
      const final = recordAfterWorkerDeath(runId, entry, error);
      if (!(final instanceof Error)) announceEnd(throttle, final);
      settle(runId, final);
    } finally {
      if (entry.hardStop) clearTimeout(entry.hardStop);
      remote[Comlink.releaseProxy]();
      await worker.terminate();
      // A terminated thread cannot close its model's processes: do it for it.
      for (const pid of entry.modelProcessGroups) signalProcessGroup(pid, 'SIGKILL');
    }
  }

  /**
   * A worker that could not record how its run ended (the disk was full) returns the end it
   * meant; it is recorded from here once the database takes it, retried every few seconds.
   */
  function recordEndLater(final: RunRecord): void {
    const record = (): boolean => {
      const stored = store.getRun(final.id);
      if (stored?.status !== 'running' || stored.ownerPid !== owner.pid || stored.ownerHost !== owner.host) return true;
      try {
        return store.finishRun(final.id, final.status as FinishedStatus, final.error);
      } catch {
        return false;
      }
    };
    if (final.status === 'running' || record()) return;
    const retry = setInterval(() => {
      if (record()) clearInterval(retry);
    }, RECORD_RETRY_MS);
    retry.unref();
  }

  /** The last progress event of a run, from the store: always after every event of its worker. */
  function announceEnd(throttle: { close(): void }, final: RunRecord): void {
    throttle.close();
    const latest = store.getLatestIteration(final.id);
    emit(progressOfRun(final, { record: latest }));
  }

  /** The worker is gone without finishing the run: say why in the store, keep what it committed. */
  function recordAfterWorkerDeath(runId: string, entry: ActiveRun, error: unknown): RunRecord | Error {
    const stoppedByUs = Atomics.load(entry.cancelFlag, 0) === 1;
    const message = stoppedByUs
      ? `cancelled: the run did not stop within ${graceMs / 1000} s and was stopped; iterations already committed are kept`
      : `the run worker stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    store.finishRun(runId, stoppedByUs ? 'cancelled' : 'failed', message);
    return store.getRun(runId) ?? new Error(message);
  }

  return {
    enqueue(runId) {
      if (runs.has(runId)) return;
      const run = store.getRun(runId);
      if (!run) throw new Error(`there is no run with id ${runId}`);
      let resolve!: (run: RunRecord) => void;
      let reject!: (error: unknown) => void;
      const settled = new Promise<RunRecord>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      settled.catch(() => {});
      waiters.set(runId, { resolve, reject });
      runs.set(runId, {
        claimFrom: run.status,
        cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
        modelProcessGroups: new Set(),
        settled,
        worker: null,
        hardStop: null,
      });
      queue.push(runId);
      pump();
    },
    cancel(runId) {
      const entry = runs.get(runId);
      if (!entry) {
        store.requestCancel(runId); // running in another process: it polls the database
        return;
      }
      Atomics.store(entry.cancelFlag, 0, 1);
      if (!entry.worker) {
        queue.splice(queue.indexOf(runId), 1);
        store.finishRun(runId, 'cancelled', 'cancelled before it started');
        settle(runId, store.getRun(runId)!);
        return;
      }
      entry.hardStop ??= setTimeout(() => void entry.worker?.terminate(), graceMs);
    },
    whenSettled(runId) {
      const entry = runs.get(runId);
      if (entry) return entry.settled;
      const run = store.getRun(runId);
      return run ? Promise.resolve(run) : Promise.reject(new Error(`there is no run with id ${runId}`));
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    active() {
      return [...runs.keys()];
    },
    async close() {
      const pending = [...runs.keys()];
      for (const runId of pending) this.cancel(runId);
      await Promise.allSettled(pending.map((runId) => runs.get(runId)?.settled));
    },
  };
}
