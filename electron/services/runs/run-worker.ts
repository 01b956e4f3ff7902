/**
 * Entry of a run worker thread: one run at a time, with its own database connection (one writer
 * per run), its own model host, and core's ask/tell. The main thread talks to it through comlink.
 */
import { parentPort, Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { CreateModelHost } from '../models/host';
import { createModelHost } from '../models/host-factory';
import { openRunStore } from '../store';
import { createExplorationPool, explorationThreads } from '../workers/exploration-pool';
import type { RunOwner, RunRecord, RunStatus } from '../store/types';
import type { RunProgress } from './progress';
import { executeRun } from './run-session';

export interface RunWorkerRequest {
  readonly dbPath: string;
  readonly runId: string;
  readonly owner: RunOwner;
  /** Claim the run only if it is still in this status (see RunStore.claimRun). */
  readonly claimFrom?: RunStatus;
  readonly retries: number;
  readonly environment: RunWorkerEnvironment;
}

/**
 * What a run worker needs that only the process starting it knows. In the desktop app: the
 * Electron build of better-sqlite3 (toolchain.md §4) and the built JavaScript-model and
 * exploration worker chunks (their .ts sources do not exist in out/); from source all stay undefined.
 */
export interface RunWorkerEnvironment {
  readonly nativeBinding?: string;
  readonly javascriptWorkerFile?: string;
  readonly explorationWorkerFile?: string;
}

/** How often the database's cancel flag (set by another process, e.g. `gmki runs cancel`) is read. */
const DATABASE_CANCEL_POLL_MS = 250;

const api = {
  /**
   * Runs the run to its end. `cancelBuffer[0] = 1` asks it to stop between evaluations.
   * Errors come back as the final record's status and error, not as exceptions.
   * `onProcessGroup` reports the model's processes, which a hard stop of this thread must kill.
   */
  async run(
    request: RunWorkerRequest,
    cancelBuffer: SharedArrayBuffer,
    onProgress: (progress: RunProgress, important: boolean) => void,
    onProcessGroup: (pid: number, event: 'started' | 'ended') => void,
  ): Promise<RunRecord> {
    const { nativeBinding, javascriptWorkerFile, explorationWorkerFile } = request.environment;
    // The process that queued the run opened (and checked) the file already.
    const store = openRunStore(request.dbPath, { nativeBinding, integrityCheck: false });
    const exploration = createExplorationPool({
      threads: explorationThreads(),
      startWorker: explorationWorkerFile ? (options) => new Worker(explorationWorkerFile, options) : undefined,
      onStart: (threads) => store.appendLog(request.runId, 'info', `exploration step: components in ${threads} worker threads`),
      onFallback: (reason) =>
        store.appendLog(request.runId, 'warning', `exploration threads failed (${reason}); the exploration step goes on in one thread, with the same results`),
    });
    const createHost: CreateModelHost = javascriptWorkerFile
      ? (spec, context) => createModelHost(spec, { ...context, createJavascriptWorker: (options) => new Worker(javascriptWorkerFile, options) })
      : createModelHost;
    const cancelFlag = new Int32Array(cancelBuffer);
    let lastPoll = 0;
    let cancelledInDatabase = false;
    const cancelRequested = (): boolean => {
      if (Atomics.load(cancelFlag, 0) === 1) return true;
      const now = performance.now();
      if (!cancelledInDatabase && now - lastPoll >= DATABASE_CANCEL_POLL_MS) {
        lastPoll = now;
        cancelledInDatabase = store.isCancelRequested(request.runId);
      }
      return cancelledInDatabase;
    };
    try {
      return await executeRun(request.runId, {
        store,
        createHost,
        owner: request.owner,
        claimFrom: request.claimFrom,
        retries: request.retries,
        cancelRequested,
        onProgress,
        onProcessGroup,
        explorer: exploration.explore,
      });
    } finally {
      await exploration.close();
      store.close();
    }
  },
};

export type RunWorkerApi = typeof api;

Comlink.expose(api, nodeEndpoint(parentPort!));
