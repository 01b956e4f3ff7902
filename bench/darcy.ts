/**
 * The Darcy forward model (darcy-2d, gmki-algorithm.md §5.5; issue 9: ≤ 60 ms per solve here):
 * (a) one evaluation in this thread, split into the log κ field, the banded Cholesky solve and
 *     the rest, best and median of repeated evaluations;
 * (b) throughput of the built-in host as a run uses it, concurrency 1 and 2 (worker threads), on
 *     a batch of 2d+1 = 257 sigma-point-like θs (one component of one iteration);
 * (c) the same model in Python (resources/examples/darcy-2d/model.py, NumPy + SciPy), one
 *     evaluation at a time through the command host, when numpy and scipy are present.
 * The machine may be shared: every figure comes with the load average.
 * Run alone with `node --import tsx bench/darcy.ts`; `runDarcyBenchmark` is for `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DARCY_TRUTH } from '../core/problem/darcy-data';
import { darcyForward, darcyLogPermeability, darcyPressure } from '../core/problem/darcy-model';
import type { ModelSpec } from '../core/problem/types';
import { createModelHost } from '../electron/services/models/host-factory';
import type { EvaluationRequest } from '../electron/services/models/host';
import { describeMachine } from './machine';

const EXAMPLE_DIR = join(import.meta.dirname, '..', 'resources', 'examples', 'darcy-2d');
const BATCH = 2 * 128 + 1;

const load = (): string => loadavg()[0]!.toFixed(1);
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (x: number): string => x.toFixed(1).padStart(7);

/** θ near the truth with a spread like the sigma points of a prior-sized component. */
function points(count: number): EvaluationRequest[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    theta: DARCY_TRUTH.map((value, l) => value + 2 * Math.sin(index * 0.37 + l * 1.7)),
  }));
}

/** Wall and CPU milliseconds of `work`: CPU time is what a shared machine moves least. */
function timed(work: () => void): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  work();
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function timeInThread(print: (line: string) => void): void {
  const theta = [...DARCY_TRUTH];
  for (let i = 0; i < 5; i++) darcyForward(theta); // warm-up: lets V8 optimise the kernels
  const logKappa = darcyLogPermeability(theta);
  const parts: [string, () => void][] = [
    ['log κ field (128 modes, 80×80)', () => darcyLogPermeability(theta)],
    ['assembly + banded Cholesky + solve (6084 unknowns, bandwidth 78)', () => darcyPressure(logKappa)],
    ['whole forward model G(θ)', () => darcyForward(theta)],
  ];
  print('| part (one evaluation, this thread, 30 repeats) | wall best (ms) | wall median (ms) | CPU median (ms) |');
  print('|---|---:|---:|---:|');
  for (const [name, work] of parts) {
    const runs = Array.from({ length: 30 }, () => timed(work));
    const wall = runs.map((run) => run.wall);
    print(`| ${name} | ${ms(Math.min(...wall))} | ${ms(median(wall))} | ${ms(median(runs.map((run) => run.cpu)))} |`);
  }
}

async function timeHost(spec: ModelSpec, dir: string, concurrency: number, requests: readonly EvaluationRequest[]): Promise<number> {
  const host = await createModelHost(spec, { problemDir: dir, nTheta: 128, nOutputs: 28, concurrency, retries: 0, log: () => {} });
  try {
    await host.evaluateBatch(requests.slice(0, 2 * concurrency)); // warm-up of every slot
    const started = performance.now();
    const outcomes = await host.evaluateBatch(requests);
    const failed = outcomes.filter((outcome) => outcome.failure !== null);
    if (failed.length > 0) throw new Error(`${failed.length} evaluations failed: ${failed[0]!.error}`);
    return (performance.now() - started) / requests.length;
  } finally {
    await host.close();
  }
}

function scipyAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import numpy, scipy'], { timeout: 30_000 }).status === 0;
}

/** Prints the three tables. */
export async function runDarcyBenchmark(print: (line: string) => void = console.log): Promise<void> {
  print(`\nDarcy forward model (darcy-2d, d = 128 → 28 outputs). Target: ≤ 60 ms per solve. Load average at the start: ${load()}\n`);
  timeInThread(print);
  print('');
  const builtin: ModelSpec = { type: 'builtin', name: 'darcy-2d' };
  const batch = points(BATCH);
  print(`| built-in host, ${BATCH} evaluations | wall ms per evaluation | load |`);
  print('|---|---:|---:|');
  for (const concurrency of [1, 2]) {
    const perEvaluation = await timeHost(builtin, EXAMPLE_DIR, concurrency, batch);
    print(`| concurrency ${concurrency} (worker threads) | ${ms(perEvaluation)} | ${load()} |`);
  }
  if (scipyAvailable()) {
    const python: ModelSpec = { type: 'command', command: ['python3', 'model.py'], timeoutSeconds: 600 };
    const perEvaluation = await timeHost(python, EXAMPLE_DIR, 1, batch.slice(0, 40));
    print(`| Python model (NumPy/SciPy spsolve), concurrency 1, 40 evaluations | ${ms(perEvaluation)} | ${load()} |`);
  } else {
    print('(Python model not timed: python3 with numpy and scipy is not available here.)');
  }
  print(`\nA full run (K = 3, 50 iterations) is 38 550 evaluations. Load average at the end: ${load()} (2 would be a busy machine here).`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(describeMachine());
  await runDarcyBenchmark();
}
