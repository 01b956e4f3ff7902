/**
 * GMKI's exploration step in worker threads, through the real run manager and run worker: a run
 * large enough for the exploration pool stores the same bits with GMKI_EXPLORATION_THREADS = 1
 * (no threads) and = 2, and says in its log that it used the threads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProblem } from '../../../../core/problem';
import { createRunManager } from '../../../../electron/services/runs/run-manager';
import { openRunStore, type RunStore } from '../../../../electron/services/store';
import { explorationThreads, explorationWork, MIN_THREADED_WORK } from '../../../../electron/services/workers/exploration-pool';

// d = 80, K = 4, N_s = 10⁴: just above the pool's threshold, so the threads are really used.
const D = 80;
const K = 4;
const SAMPLES = 10_000;

let dir: string;
let store: RunStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gmki-exploration-threads-'));
  writeFileSync(
    join(dir, 'linear.mjs'),
    'export function forwardBatch(thetas) {\n' + '  return thetas.map((t) => [t.reduce((s, x, i) => s + (i % 3) * x, 0), t[0] - t[1] + 0.5 * t[2] * t[2]]);\n' + '}\n',
  );
  store = openRunStore(join(dir, 'runs.sqlite'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function createStoredRun(): string {
  const parsed = parseProblem({
    format: 'gmki-problem/1',
    name: 'exploration threads',
    parameters: Array.from({ length: D }, (_, i) => ({ name: `p${i + 1}`, prior: { mean: 0, std: 1 } })),
    observations: { values: [1.5, -0.5], noise: { std: 0.5 } },
    model: { type: 'javascript', path: 'linear.mjs' },
    settings: { components: K, iterations: 2, concurrency: 1, exploration: { method: 'monte-carlo', samples: SAMPLES } },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return store.createRun({ name: 'threads', problem: parsed.problem.file, problemDir: dir, nTheta: D, softwareName: 'test', softwareVersion: '0', modelHash: null }).id;
}

/** Runs a new stored run to its end with GMKI_EXPLORATION_THREADS = threads in the run worker. */
async function runWithThreads(threads: string): Promise<string> {
  const previous = process.env.GMKI_EXPLORATION_THREADS;
  process.env.GMKI_EXPLORATION_THREADS = threads; // run workers start with a copy of this environment
  const manager = createRunManager({ store });
  try {
    const id = createStoredRun();
    manager.enqueue(id);
    expect((await manager.whenSettled(id)).status).toBe('completed');
    return id;
  } finally {
    await manager.close();
    if (previous === undefined) delete process.env.GMKI_EXPLORATION_THREADS;
    else process.env.GMKI_EXPLORATION_THREADS = previous;
  }
}

describe('exploration threads of a run', () => {
  it('reads GMKI_EXPLORATION_THREADS (a whole number ≥ 1), else uses one thread per core', () => {
    expect(explorationThreads({ GMKI_EXPLORATION_THREADS: '3' })).toBe(3);
    expect(explorationThreads({ GMKI_EXPLORATION_THREADS: '1' })).toBe(1);
    for (const value of [undefined, '', '0', '-2', '1.5', 'many']) {
      expect(explorationThreads({ GMKI_EXPLORATION_THREADS: value })).toBe(availableParallelism());
    }
  });

  it('stores the same bits in one thread and in two, and logs the threads it used', async () => {
    expect(explorationWork({ nComponents: K, nTheta: D }, SAMPLES)).toBeGreaterThanOrEqual(MIN_THREADED_WORK);
    const single = await runWithThreads('1');
    const threaded = await runWithThreads('2');
    const iterations = (id: string) =>
      store.getIterations(id).map(({ mixture }) => [Array.from(mixture.logWeights), Array.from(mixture.means), Array.from(mixture.covariances)]);
    expect(iterations(threaded)).toHaveLength(3);
    expect(iterations(threaded)).toEqual(iterations(single));
    const infoLines = (id: string) =>
      store
        .getLogs(id)
        .filter((entry) => entry.stream === 'info')
        .map((entry) => entry.text);
    expect(infoLines(single)).not.toContain('exploration step: components in 2 worker threads');
    expect(infoLines(threaded)).toContain('exploration step: components in 2 worker threads');
  });
});
