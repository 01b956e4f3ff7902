/**
 * Cancelling a run another process holds in its queue (issue 11, item 2): `gmki runs cancel`
 * exited 0 while the run went on to run in full (its claim cleared the request). Now a queued
 * run is cancelled at once in the database, and the process that queued it does not start it.
 * A real run manager with worker threads in this process, the real `gmki` in another.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProblem } from '../../../../core/problem';
import { createRunManager } from '../../../../electron/services/runs/run-manager';
import { openRunStore, type RunStore } from '../../../../electron/services/store';
import { runGmki } from '../../../cli/helpers';

let dir: string;
let store: RunStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gmki-queued-'));
  writeFileSync(join(dir, 'slow.mjs'), 'export async function forward([a, b]) { await new Promise((r) => setTimeout(r, 40)); return [(b - a) ** 2]; }\n');
  store = openRunStore(join(dir, 'runs.sqlite'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function createStoredRun(iterations: number): string {
  const parsed = parseProblem({
    format: 'gmki-problem/1',
    name: 'slow',
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 0, std: 1 } },
    ],
    observations: { values: [4.2297], noise: { std: 1 } },
    model: { type: 'javascript', path: 'slow.mjs' },
    settings: { components: 2, iterations, concurrency: 1, exploration: { method: 'monte-carlo', samples: 200 } },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return store.createRun({ name: 'slow', problem: parsed.problem.file, problemDir: dir, nTheta: 2, softwareName: 'test', softwareVersion: '0', modelHash: null }).id;
}

describe('a run queued behind another in a live process', () => {
  it('is cancelled at once by gmki runs cancel from another process, and its process never starts it', async () => {
    const manager = createRunManager({ store, maxConcurrentRuns: 1 });
    const first = createStoredRun(40);
    const second = createStoredRun(2);
    manager.enqueue(first);
    manager.enqueue(second);
    while (store.getRun(first)?.status !== 'running') await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getRun(second)?.status).toBe('queued');

    const cancel = await runGmki(['runs', 'cancel', second, '--db', store.path]);
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stdout).toBe(`cancelled run ${second} before it started\n`);
    expect(store.getRun(second)).toMatchObject({ status: 'cancelled', error: 'cancelled before it started' });

    manager.cancel(first);
    const settled = await manager.whenSettled(second);
    expect(settled).toMatchObject({ status: 'cancelled', iterationsDone: 0, startedAt: null });
    expect(store.getIterations(second)).toEqual([]);
    await manager.close();
  }, 120_000);
});
