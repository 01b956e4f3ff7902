/** Real services for handler tests: an SQLite file in a temp folder, a run manager with worker threads. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlerDeps } from '../../../../electron/services/handlers';
import { connectRunEvents, createDispatch, createEventHub } from '../../../../electron/services/handlers';
import { createRunManager } from '../../../../electron/services/runs/run-manager';
import { openRunStore } from '../../../../electron/services/store';

export interface HandlerFixture {
  readonly dir: string;
  readonly deps: HandlerDeps;
  readonly dispatch: ReturnType<typeof createDispatch>;
  close(): Promise<void>;
}

export function createHandlerFixture(prefix = 'gmki-handlers-'): HandlerFixture {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = openRunStore(join(dir, 'runs.sqlite'));
  const manager = createRunManager({ store, cancelGraceMs: 2000 });
  const events = createEventHub();
  const disconnect = connectRunEvents(manager, events);
  const deps: HandlerDeps = { store, manager, events, cpuCount: 2, defaultProblemDir: dir };
  return {
    dir,
    deps,
    dispatch: createDispatch(deps),
    async close() {
      disconnect();
      await manager.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small two-parameter problem with a JavaScript model file of the fixture's folder. */
export function smallProblem(modelFile: string, iterations = 3): Record<string, unknown> {
  return {
    format: 'gmki-problem/1',
    name: `small ${modelFile}`,
    parameters: [
      { name: 'a', prior: { mean: 0.5, std: 1 } },
      { name: 'b', prior: { mean: -1, std: 1 } },
    ],
    observations: { values: [4.2297], noise: { std: 1 } },
    model: { type: 'javascript', path: modelFile },
    settings: { components: 2, iterations, concurrency: 1, posteriorSamples: 50, exploration: { method: 'monte-carlo', samples: 200 } },
  };
}
