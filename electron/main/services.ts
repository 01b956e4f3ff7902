/**
 * The services of the desktop app, wired as in `gmki serve` (electron/server/app.ts): one run
 * manager over the app's store, the event hub fed by the manager, and the contract's dispatch.
 * Worker factories come from the caller, because only the electron-vite build can provide them.
 */
import { availableParallelism, homedir } from 'node:os';
import { connectRunEvents, createDispatch, createEventHub, type Dispatch, type EventHub } from '../services/handlers';
import type { CreateModelHost } from '../services/models/host';
import { createFieldsHost, type CreateFieldsHost } from '../services/models/fields-host';
import { createModelHost } from '../services/models/host-factory';
import { createRunManager, type RunManagerOptions } from '../services/runs/run-manager';
import type { RunStore } from '../services/store/run-store';
import type { JavascriptWorkerFactory } from '../services/workers/spawn-worker';

export interface AppServicesOptions {
  readonly store: RunStore;
  readonly spawnRunWorker?: RunManagerOptions['spawnRunWorker'];
  readonly workerEnvironment?: RunManagerOptions['workerEnvironment'];
  /** Starts the `javascript` model worker of problem/test-evaluation and run/fields, which run in this process. */
  readonly createJavascriptWorker?: JavascriptWorkerFactory;
}

export interface AppServices {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  /** Cancels the running runs (they stay resumable) and stops forwarding; does not close the store. */
  close(): Promise<void>;
}

export function openAppServices(options: AppServicesOptions): AppServices {
  const { store, createJavascriptWorker } = options;
  const manager = createRunManager({ store, spawnRunWorker: options.spawnRunWorker, workerEnvironment: options.workerEnvironment });
  const events = createEventHub();
  const disconnect = connectRunEvents(manager, events);
  const hostFactory: CreateModelHost = createJavascriptWorker ? (spec, context) => createModelHost(spec, { ...context, createJavascriptWorker }) : createModelHost;
  const fieldsFactory: CreateFieldsHost = createJavascriptWorker ? (spec, context) => createFieldsHost(spec, { ...context, createJavascriptWorker }) : createFieldsHost;
  const dispatch = createDispatch({
    store,
    manager,
    events,
    cpuCount: availableParallelism(),
    // A desktop app has no meaningful working folder; requests from the editor carry their own.
    defaultProblemDir: homedir(),
    createModelHost: hostFactory,
    createFieldsHost: fieldsFactory,
  });
  let closing: Promise<void> | null = null;
  return {
    dispatch,
    events,
    close() {
      // Cancel first, so that the window still hears the runs' final status events.
      closing ??= manager.close().finally(disconnect);
      return closing;
    },
  };
}
