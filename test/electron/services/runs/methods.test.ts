/**
 * Every method beside GMKI (uki, eki, eks, smc) runs as a stored run: real worker threads, a real SQLite file, a real
 * JavaScript model. A run cancelled part-way and resumed ends bit for bit where an uninterrupted
 * run ends, whatever the concurrency; each iteration evaluates exactly the declared batch, and
 * the ledger labels sigma points or particles.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationBudget } from '../../../../core/methods/budget';
import { parseProblem } from '../../../../core/problem';
import { createRunManager } from '../../../../electron/services/runs/run-manager';
import { openRunStore, type IterationEntry, type RunStore } from '../../../../electron/services/store';
import { bytesOf } from '../store/helpers';

let dir: string;
let store: RunStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gmki-methods-'));
  writeFileSync(join(dir, 'model.mjs'), 'export async function forward([a, b]) { await new Promise((r) => setTimeout(r, 2)); return [(b - a) ** 2, a + b]; }\n');
  store = openRunStore(join(dir, 'runs.sqlite'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function createStoredRun(settings: Record<string, unknown>): string {
  const parsed = parseProblem({
    format: 'gmki-problem/1',
    name: `a ${String(settings.method)} run`,
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 1, std: 1 } },
    ],
    observations: { values: [4.2, 0.5], noise: { std: [1, 0.5] } },
    model: { type: 'javascript', path: 'model.mjs' },
    settings: { seed: 11, posteriorSamples: 10, ...settings },
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

/** Runs to the end, cancelling first once `cancelAt` iterations are committed and then resuming. */
async function runWithInterruption(id: string, cancelAt: number | null): Promise<void> {
  const manager = createRunManager({ store });
  let cancelled = false;
  manager.onProgress((progress) => {
    if (cancelAt !== null && !cancelled && progress.runId === id && progress.iteration >= cancelAt) {
      cancelled = true;
      manager.cancel(id);
    }
  });
  manager.enqueue(id);
  let final = await manager.whenSettled(id);
  if (cancelAt !== null) {
    expect(final.status).toBe('cancelled');
    manager.enqueue(id);
    final = await manager.whenSettled(id);
  }
  await manager.close();
  expect(final.status).toBe('completed');
}

function expectSameFinal(a: IterationEntry, b: IterationEntry): void {
  expect(b.iteration).toBe(a.iteration);
  expect(bytesOf(b.mixture.means)).toEqual(bytesOf(a.mixture.means));
  expect(bytesOf(b.mixture.covariances)).toEqual(bytesOf(a.mixture.covariances));
  if (a.particles) expect(bytesOf(b.particles!.positions)).toEqual(bytesOf(a.particles.positions));
  else expect(b.particles).toBeNull();
}

describe.each([
  { method: 'uki', settings: { method: 'uki', iterations: 8 } },
  { method: 'eki', settings: { method: 'eki', particles: 12, iterations: 8 } },
  { method: 'eks', settings: { method: 'eks', particles: 12, iterations: 8 } },
  { method: 'smc', settings: { method: 'smc', particles: 12, mhSteps: 3, maxStages: 6 } },
])('a stored $method run', ({ method, settings }) => {
  it('resumed after a cancel with concurrency 3 ends bit for bit where an uninterrupted run with concurrency 1 ends', async () => {
    const straight = createStoredRun({ ...settings, concurrency: 1 });
    const interrupted = createStoredRun({ ...settings, concurrency: 3 });
    await runWithInterruption(straight, null);
    await runWithInterruption(interrupted, 3);
    expectSameFinal(store.getLatestIteration(straight)!, store.getLatestIteration(interrupted)!);
    const done = store.getRun(straight)!.iterationsDone;
    // smc plans 1 + 6·3 = 19 iterations at most and records the iterations it did when it ends
    if (method === 'smc') expect(done).toBeLessThanOrEqual(19);
    else expect(done).toBe(8);
    expect(store.getRun(interrupted)).toMatchObject({ method, components: 1, iterations: done, iterationsDone: done });
  });

  it('evaluates exactly the declared batch each iteration and labels it in the ledger', async () => {
    const id = createStoredRun({ ...settings, concurrency: 2 });
    await runWithInterruption(id, null);
    const run = store.getRun(id)!;
    const perIteration = evaluationBudget(run.problem.settings, 2).perIteration;
    expect(perIteration).toBe(method === 'uki' ? 5 : 12);
    expect(run.forwardEvaluations).toBe(run.iterationsDone * perIteration);
    for (let n = 1; n <= run.iterationsDone; n++) {
      const rows = store.getEvaluations(id, { iteration: n, limit: 1000 });
      expect(rows).toHaveLength(perIteration);
      expect(rows.map((row) => [row.component, row.sigmaPoint])).toEqual(rows.map((_, i) => (method === 'uki' ? [0, i] : [i, 0])));
    }
  });
});
