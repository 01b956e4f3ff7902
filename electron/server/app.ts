/**
 * The services of `gmki serve`, wired: one run store, one run manager (runs in worker threads, as
 * in the CLI), the event hub and the HTTP server. `close` cancels running runs (they stay
 * resumable), then closes the server and the store.
 */
import { availableParallelism } from 'node:os';
import { connectRunEvents, createDispatch, createEventHub } from '../services/handlers';
import { createRunManager } from '../services/runs/run-manager';
import type { RunStore } from '../services/store/run-store';
import { startAppServer, type AppServer } from './server';

export interface ServeOptions {
  readonly store: RunStore;
  /** 0 picks a free port. */
  readonly port: number;
  readonly rendererDir?: string;
  /** Folder relative model paths resolve against when a request names none (default: the working folder). */
  readonly defaultProblemDir?: string;
  readonly maxConcurrentRuns?: number;
}

export interface ServeInstance {
  readonly server: AppServer;
  /** Cancels the runs of this process (resumable), stops the server; does not close the store. */
  close(): Promise<void>;
}

export async function serveApp(options: ServeOptions): Promise<ServeInstance> {
  const { store } = options;
  const manager = createRunManager({ store, maxConcurrentRuns: options.maxConcurrentRuns ?? 1 });
  const events = createEventHub();
  const disconnect = connectRunEvents(manager, events);
  const dispatch = createDispatch({
    store,
    manager,
    events,
    cpuCount: availableParallelism(),
    defaultProblemDir: options.defaultProblemDir ?? process.cwd(),
  });
  let server: AppServer;
  try {
    server = await startAppServer({ dispatch, events, port: options.port, rendererDir: options.rendererDir });
  } catch (error) {
    disconnect();
    await manager.close();
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    server,
    close() {
      closing ??= (async () => {
        // Cancel first, so that the browser still hears the runs' final status events.
        await manager.close();
        disconnect();
        await server.close();
      })();
      return closing;
    },
  };
}
