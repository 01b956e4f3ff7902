/**
 * The run manager with real worker threads, a real SQLite file and real JavaScript models:
 * several runs at once under a cap, progress thinned but every committed iteration passed,
 * cooperative cancel, and a hard stop of a run whose model never returns.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseProblem } from '../../../../core/problem';
import { isProcessAlive } from '../../../../electron/services/models/process-tree';
import { createRunManager } from '../../../../electron/services/runs/run-manager';
import type { RunProgress } from '../../../../electron/services/runs/progress';
import { openRunStore, type RunStore } from '../../../../electron/services/store';

let dir: string;
let store: RunStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gmki-manager-'));
  writeFileSync(join(dir, 'quick.mjs'), 'export async function forward([a, b]) { await new Promise((r) => setTimeout(r, 5)); return [(b - a) ** 2]; }\n');
  // Says it started, then never returns and never yields: only terminating its worker stops it.
  writeFileSync(
    join(dir, 'stuck.mjs'),
    "import { writeFileSync } from 'node:fs';\n" + "export function forward() { writeFileSync(new URL('./stuck.started', import.meta.url), ''); for (;;) {} }\n",
  );
  store = openRunStore(join(dir, 'runs.sqlite'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function createStoredRun(model: string | Record<string, unknown>, iterations: number): string {
  const parsed = parseProblem({
    format: 'gmki-problem/1',
    name: `run of ${JSON.stringify(model)}`,
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 0, std: 1 } },
    ],
    observations: { values: [4.2297], noise: { std: 1 } },
    model: typeof model === 'string' ? { type: 'javascript', path: model } : model,
    settings: { components: 2, iterations, concurrency: 1, exploration: { method: 'monte-carlo', samples: 500 } },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return store.createRun({
    name: parsed.problem.name,
    problem: parsed.problem.file,
    problemDir: dir,
    nTheta: 2,
    softwareName: 'test',
    softwareVersion: '0',
    modelHash: null,
  }).id;
}

describe('run manager', () => {
  it('runs two runs at once under a cap of two, queues the third, and completes all of them', async () => {
    const manager = createRunManager({ store, maxConcurrentRuns: 2 });
    const ids = [createStoredRun('quick.mjs', 4), createStoredRun('quick.mjs', 4), createStoredRun('quick.mjs', 4)];
    let maxRunning = 0;
    const off = manager.onProgress(() => {
      maxRunning = Math.max(maxRunning, store.listRuns({ status: 'running' }).length);
    });
    for (const id of ids) manager.enqueue(id);
    expect(store.getRun(ids[2]!)!.status).toBe('queued');
    const finals = await Promise.all(ids.map((id) => manager.whenSettled(id)));
    off();
    await manager.close();
    expect(finals.map((run) => run.status)).toEqual(['completed', 'completed', 'completed']);
    expect(finals.map((run) => run.forwardEvaluations)).toEqual([40, 40, 40]);
    expect(maxRunning).toBe(2);
    // Same problem, same seed: the three runs agree exactly, whatever ran beside them.
    const mixtures = ids.map((id) => Array.from(store.getLatestIteration(id)!.mixture.means));
    expect(mixtures[1]).toEqual(mixtures[0]);
    expect(mixtures[2]).toEqual(mixtures[0]);
  });

  it('passes every committed iteration and the end, and between them at most one event per 100 ms', async () => {
    const manager = createRunManager({ store });
    const id = createStoredRun('quick.mjs', 6);
    const events: { at: number; progress: RunProgress }[] = [];
    manager.onProgress((progress) => events.push({ at: performance.now(), progress }));
    manager.enqueue(id);
    await manager.whenSettled(id);
    await manager.close();
    const iterationsSeen = new Set(events.map((e) => e.progress.iteration));
    for (let i = 1; i <= 6; i++) expect(iterationsSeen.has(i)).toBe(true);
    expect(events.at(-1)!.progress).toMatchObject({ status: 'completed', iteration: 6, evaluationsDone: 60 });
    // 6 committed iterations and the end pass at once; the 60 per-evaluation events are thinned to
    // one per 100 ms over the run's span (+1 for the first, +1 because this clock is read just
    // after the throttle's). The event channel to the renderer thins all of them to ≤ 10 a second
    // (test/electron/services/handlers/events.test.ts).
    const span = events.at(-1)!.at - events[0]!.at;
    expect(events.length).toBeLessThanOrEqual(6 + 1 + Math.floor(span / 100) + 2);
  });

  it('cancels cooperatively between evaluations, keeping the committed iterations', async () => {
    const manager = createRunManager({ store });
    const id = createStoredRun('quick.mjs', 200);
    manager.onProgress((progress) => {
      if (progress.runId === id && progress.iteration >= 2) manager.cancel(id);
    });
    manager.enqueue(id);
    const final = await manager.whenSettled(id);
    await manager.close();
    expect(final.status).toBe('cancelled');
    expect(final.iterationsDone).toBeGreaterThanOrEqual(2);
    expect(final.iterationsDone).toBeLessThan(200);
    expect(store.getIterations(id)).toHaveLength(final.iterationsDone + 1);
  });

  it('stops a run whose model never returns after the grace period, and says so', async () => {
    const manager = createRunManager({ store, cancelGraceMs: 300 });
    const id = createStoredRun('stuck.mjs', 3);
    manager.enqueue(id);
    while (!existsSync(join(dir, 'stuck.started'))) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getRun(id)!.status).toBe('running');
    manager.cancel(id);
    const final = await manager.whenSettled(id);
    await manager.close();
    expect(final.status).toBe('cancelled');
    expect(final.error).toMatch(/did not stop within 0.3 s and was stopped/);
  });

  it('kills the processes of a command model whose run had to be stopped hard', async () => {
    // Reads its first request, writes its pid, then computes forever without reading stdin: only
    // a kill ends it.
    writeFileSync(
      join(dir, 'stuck.py'),
      'import os, sys, time\n' +
        'sys.stdin.readline()\n' +
        "open(os.path.join(os.path.dirname(__file__), 'stuck.pid'), 'w').write(str(os.getpid()))\n" +
        'while True: time.sleep(0.01)\n',
    );
    const manager = createRunManager({ store, cancelGraceMs: 300 });
    const id = createStoredRun({ type: 'command', command: ['python3', 'stuck.py'], timeoutSeconds: 600 }, 3);
    manager.enqueue(id);
    const pidFile = join(dir, 'stuck.pid');
    // Written once the model has its first request (the file may exist a moment before its content).
    await vi.waitFor(() => expect(readFileSync(pidFile, 'utf8')).toMatch(/^\d+$/), { timeout: 60_000, interval: 50 });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    manager.cancel(id);
    const final = await manager.whenSettled(id);
    await manager.close();
    expect(final.status).toBe('cancelled');
    // SIGKILL has been sent; the process is gone once the kernel has delivered it.
    await vi.waitFor(() => expect(isProcessAlive(pid)).toBe(false), { timeout: 10_000, interval: 20 });
  });

  it('cancels a queued run at once, without starting it', async () => {
    const manager = createRunManager({ store, maxConcurrentRuns: 1 });
    const first = createStoredRun('quick.mjs', 3);
    const second = createStoredRun('quick.mjs', 3);
    manager.enqueue(first);
    manager.enqueue(second);
    manager.cancel(second);
    expect((await manager.whenSettled(second)).status).toBe('cancelled');
    expect((await manager.whenSettled(first)).status).toBe('completed');
    await manager.close();
    expect(store.getRun(second)!.iterationsDone).toBe(0);
  });
});
