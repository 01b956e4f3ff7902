/**
 * The main thread is never blocked by a running run (issue 3: ≤ 20 ms): a run manager runs a
 * real run in its worker thread — a JavaScript model in its worker pool, commits to a real SQLite
 * file — while this thread measures its own event-loop delay with perf_hooks' histogram.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseProblem } from '../core/problem';
import { createRunManager } from '../electron/services/runs/run-manager';
import { openRunStore } from '../electron/services/store';

export interface EventLoopFigures {
  readonly runSeconds: number;
  readonly progressEvents: number;
  readonly maxDelayMs: number;
  readonly p99DelayMs: number;
  readonly meanDelayMs: number;
}

/** d = 16, K = 4: 132 evaluations per iteration of a model burning ~2 ms, 20 iterations. */
export async function benchEventLoop(): Promise<EventLoopFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'gmki-bench-loop-'));
  const d = 16;
  writeFileSync(
    join(dir, 'model.mjs'),
    `export function forward(theta) {
       const end = performance.now() + 2;
       while (performance.now() < end);
       return [theta.reduce((s, t) => s + t * t, 0), theta[0] - theta[1]];
     }\n`,
  );
  const parsed = parseProblem({
    format: 'gmki-problem/1',
    name: 'event-loop bench',
    parameters: Array.from({ length: d }, (_, i) => ({ name: `p${i}`, prior: { mean: 0, std: 1 } })),
    observations: { values: [4, 0.5], noise: { std: 0.5 } },
    model: { type: 'javascript', path: 'model.mjs' },
    settings: { components: 4, iterations: 20, concurrency: 2 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const store = openRunStore(join(dir, 'runs.sqlite'));
  const run = store.createRun({
    name: 'bench',
    problem: parsed.problem.file,
    problemDir: dir,
    nTheta: d,
    softwareName: 'bench',
    softwareVersion: '0',
    modelHash: null,
  });
  const manager = createRunManager({ store });
  let progressEvents = 0;
  manager.onProgress(() => progressEvents++);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const started = performance.now();
  histogram.enable();
  manager.enqueue(run.id);
  const final = await manager.whenSettled(run.id);
  histogram.disable();
  const runSeconds = (performance.now() - started) / 1000;
  await manager.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  if (final.status !== 'completed') throw new Error(`bench run ended ${final.status}: ${final.error}`);
  return {
    runSeconds,
    progressEvents,
    maxDelayMs: histogram.max / 1e6,
    p99DelayMs: histogram.percentile(99) / 1e6,
    meanDelayMs: histogram.mean / 1e6,
  };
}
