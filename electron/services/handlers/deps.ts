/** What the handlers work with: the services of one process (the Electron main process or `gmki serve`). */
import type { CreateFieldsHost } from '../models/fields-host';
import type { CreateModelHost } from '../models/host';
import type { RunManager } from '../runs/run-manager';
import type { RunStore } from '../store/run-store';
import type { EventHub } from './events';

export interface HandlerDeps {
  readonly store: RunStore;
  readonly manager: RunManager;
  readonly events: EventHub;
  /** Default of `settings.concurrency` (the machine's CPU cores). */
  readonly cpuCount: number;
  /**
   * Folder a request's problem resolves its relative model paths against when it names none
   * (`gmki serve`: the folder it was started in).
   */
  readonly defaultProblemDir: string;
  /** Starts a model for problem/test-evaluation (default: the real hosts). */
  readonly createModelHost?: CreateModelHost;
  /** Starts a problem's field hook for run/fields (default: models/fields-host.ts in worker threads from source). */
  readonly createFieldsHost?: CreateFieldsHost;
}
