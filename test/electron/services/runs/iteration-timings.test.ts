/**
 * Every committed iteration records where its wall time went (diagnostics.timings: the method's
 * ask, the evaluation batch, its tell), through the real run manager, run worker thread, model
 * worker pool and SQLite file. The figures are checked against what they must bound, never
 * against a speed: with one slot the batch takes at least the sum of its evaluations, and the
 * three phases fit in the time between two commits.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseProblem } from '../../../../core/problem';
import { createRunManager } from '../../../../electron/services/runs/run-manager';
import { openRunStore, type RunStore } from '../../../../electron/services/store';

const ITERATIONS = 3;
const COMPONENTS = 2;
const PER_ITERATION = COMPONENTS * (2 * 2 + 1);

let dir: string;
let store: RunStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gmki-timings-'));
  writeFileSync(join(dir, 'slow.mjs'), 'export async function forward([a, b]) { await new Promise((r) => setTimeout(r, 4)); return [(b - a) ** 2]; }\n');
  store = openRunStore(join(dir, 'runs.sqlite'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function createStoredRun(): string {
  const parsed = parseProblem({
    format: 'gmki-problem/1',
    name: 'timings',
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 0, std: 1 } },
    ],
    observations: { values: [4.2297], noise: { std: 1 } },
    model: { type: 'javascript', path: 'slow.mjs' },
    settings: { components: COMPONENTS, iterations: ITERATIONS, concurrency: 1 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return store.createRun({ name: 'timings', problem: parsed.problem.file, problemDir: dir, nTheta: 2, softwareName: 'test', softwareVersion: '0', modelHash: null }).id;
}

it('records the ask, evaluation and tell time of every iteration, bounded by its ledger and its commits', async () => {
  const manager = createRunManager({ store });
  const id = createStoredRun();
  manager.enqueue(id);
  expect((await manager.whenSettled(id)).status).toBe('completed');
  await manager.close();

  const history = store.getIterations(id);
  expect(history).toHaveLength(ITERATIONS + 1);
  expect(history[0]!.diagnostics.timings).toBeUndefined(); // the initial mixture: nothing was timed
  for (let n = 1; n <= ITERATIONS; n++) {
    const timings = history[n]!.diagnostics.timings!;
    expect(Object.keys(timings).sort()).toEqual(['askMs', 'evaluationMs', 'tellMs']);
    for (const value of Object.values(timings)) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
    const ledger = store.getEvaluations(id, { iteration: n, limit: 100 });
    expect(ledger).toHaveLength(PER_ITERATION);
    const evaluating = ledger.reduce((sum, row) => sum + row.durationMs, 0);
    expect(timings.evaluationMs).toBeGreaterThanOrEqual(evaluating); // one slot: one evaluation after another
    const betweenCommits = (history[n]!.elapsedSeconds - history[n - 1]!.elapsedSeconds) * 1000;
    expect(timings.askMs + timings.evaluationMs + timings.tellMs).toBeLessThanOrEqual(betweenCommits + 1e-6);
  }
}, 60_000);
