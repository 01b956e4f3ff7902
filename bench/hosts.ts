/**
 * Forward-model host performance (issue 3, "Performance"):
 * (a) parallel efficiency — a model doing ~50 ms of CPU work per evaluation, one GMKI iteration
 *     of d = 8, K = 4 (68 evaluations), concurrency 1 vs 2, as a JavaScript worker pool and as
 *     a Python command model (target speed-up ≥ 1.8 on 2 cores);
 * (b) overhead per evaluation of the command protocol with a trivial Python model (≤ 0.5 ms) and
 *     of the UM-Bridge client on loopback (≤ 2 ms), one evaluation in flight at a time.
 * Each figure is measured several times; the machine may be shared, so best and median are given.
 * Run alone with `node --import tsx bench/hosts.ts`; `runHostBenchmarks` is for `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModelSpec } from '../core/problem/types';
import { createModelHost } from '../electron/services/models/host-factory';
import type { EvaluationRequest, ModelHost, ModelHostContext } from '../electron/services/models/host';
import { startUmbridgeServer } from '../test/electron/services/models/umbridge-server';
import { describeMachine } from './machine';

const D = 8;
const K = 4;
const EVALUATIONS = K * (2 * D + 1);
const WORK_MS = 50;

export interface Figure {
  readonly best: number;
  readonly median: number;
}

export interface SpeedUp {
  /** Seconds per iteration with one slot, and with two. */
  readonly serial: Figure;
  readonly parallel: Figure;
  /** Median of serial/parallel over runs timed back to back: the figure least moved by load. */
  readonly pairedSpeedUp: number;
}

export interface HostBenchResults {
  readonly parallel: Record<'javascript' | 'python', SpeedUp>;
  /** Milliseconds per evaluation. */
  readonly overhead: { readonly command: Figure; readonly umbridge: Figure };
}

/** Runs every host benchmark, printing a table as it goes; resolves with the figures. */
export async function runHostBenchmarks(print: (line: string) => void = console.log): Promise<HostBenchResults> {
  const dir = await mkdtemp(join(tmpdir(), 'gmki-bench-hosts-'));
  const startLoad = loadavg()[0]!.toFixed(1); // the machine may be shared: say how busy it was
  try {
    print(`\nForward-model hosts: ${EVALUATIONS} evaluations per iteration (d = ${D}, K = ${K}), ~${WORK_MS} ms of CPU work each`);
    const jsWork = calibrateJavascript();
    const pyWork = calibratePython();
    await writeFile(join(dir, 'burn.mjs'), javascriptBurner(jsWork));
    await writeFile(join(dir, 'burn.py'), pythonBurner(pyWork));
    await writeFile(join(dir, 'echo.py'), 'from gmki_model import serve\nserve(lambda theta: [theta[0]])\n');

    const batch = iterationPoints();
    const javascript = await speedUp({ type: 'javascript', path: 'burn.mjs' }, dir, batch);
    const python = await speedUp({ type: 'command', command: ['python3', 'burn.py'] }, dir, batch);
    print('\n| model | concurrency 1 (s) best / median | concurrency 2 (s) best / median | speed-up of bests / medians / paired | target |');
    print('|---|---:|---:|---:|---:|');
    for (const [name, figures] of [
      ['JavaScript worker pool', javascript],
      ['Python command', python],
    ] as const) {
      const ofBests = figures.serial.best / figures.parallel.best;
      const ofMedians = figures.serial.median / figures.parallel.median;
      print(
        `| ${name} | ${seconds(figures.serial)} | ${seconds(figures.parallel)} | ` +
          `${ofBests.toFixed(2)} / ${ofMedians.toFixed(2)} / ${figures.pairedSpeedUp.toFixed(2)} | ≥ 1.8 |`,
      );
    }

    const command = await overheadPerEvaluation({ type: 'command', command: ['python3', 'echo.py'] }, dir);
    const server = await startUmbridgeServer({ inputSizes: [1], outputSizes: [1], evaluate: (theta) => [[theta[0]!]] });
    let umbridge: Figure;
    try {
      umbridge = await overheadPerEvaluation({ type: 'umbridge', url: server.url }, dir);
    } finally {
      await server.close();
    }
    print('\n| overhead per evaluation, one in flight | best (ms) | median (ms) | target (ms) |');
    print('|---|---:|---:|---:|');
    print(`| command protocol, trivial Python model (gmki_model.py) | ${command.best.toFixed(3)} | ${command.median.toFixed(3)} | ≤ 0.5 |`);
    print(`| UM-Bridge client, Node server on loopback | ${umbridge.best.toFixed(3)} | ${umbridge.median.toFixed(3)} | ≤ 2 |`);
    print(`\nload average during the run (1 min): ${startLoad} at the start, ${loadavg()[0]!.toFixed(1)} at the end (2 would be a busy machine)`);
    return { parallel: { javascript, python }, overhead: { command, umbridge } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Wall time of one iteration's batch with 1 and with 2 slots, both hosts started and warm. The
 * two are timed in turn, so that a change in the machine's load affects both alike.
 */
async function speedUp(spec: ModelSpec, dir: string, batch: readonly EvaluationRequest[], repeats = 5): Promise<SpeedUp> {
  const serialHost = await createModelHost(spec, context(dir, 1));
  const parallelHost = await createModelHost(spec, context(dir, 2));
  const time = async (host: ModelHost): Promise<number> => {
    const started = performance.now();
    const outcomes = await host.evaluateBatch(batch);
    const failed = outcomes.find((outcome) => outcome.failure);
    if (failed) throw new Error(`the benchmark model failed: ${failed.error}`);
    return (performance.now() - started) / 1000;
  };
  try {
    await serialHost.evaluateBatch(batch.slice(0, 2)); // warm-up: JIT, imports, first answers
    await parallelHost.evaluateBatch(batch.slice(0, 4));
    const serial: number[] = [];
    const parallel: number[] = [];
    for (let r = 0; r < repeats; r++) {
      serial.push(await time(serialHost));
      parallel.push(await time(parallelHost));
    }
    const ratios = serial.map((time, r) => time / parallel[r]!);
    return { serial: summarize(serial), parallel: summarize(parallel), pairedSpeedUp: summarize(ratios).median };
  } finally {
    await Promise.all([serialHost.close(), parallelHost.close()]);
  }
}

/** Milliseconds per evaluation of a trivial model, evaluations one after another. */
async function overheadPerEvaluation(spec: ModelSpec, dir: string): Promise<Figure> {
  const host = await createModelHost(spec, { ...context(dir, 1), nTheta: 1 });
  try {
    const batch = Array.from({ length: 1000 }, (_, index) => ({ index, theta: [index / 1000] }));
    await host.evaluateBatch(batch.slice(0, 200));
    const perEvaluation: number[] = [];
    for (let r = 0; r < 7; r++) {
      const started = performance.now();
      await host.evaluateBatch(batch);
      perEvaluation.push((performance.now() - started) / batch.length);
    }
    return summarize(perEvaluation);
  } finally {
    await host.close();
  }
}

function context(problemDir: string, concurrency: number): ModelHostContext {
  return { problemDir, nTheta: D, nOutputs: 1, concurrency, retries: 0, log: () => {} };
}

/** K·(2d+1) points spread like sigma points of K components (values do not matter, only count). */
function iterationPoints(): EvaluationRequest[] {
  return Array.from({ length: EVALUATIONS }, (_, index) => ({
    index,
    theta: Array.from({ length: D }, (_, j) => Math.sin(index * 7.1 + j * 1.3)),
  }));
}

/** Loop iterations that take WORK_MS on one core here (best of several tries: least disturbed). */
function calibrateJavascript(): number {
  let best = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const iterations = 2_000_000;
    const started = performance.now();
    burn(iterations, 0.5);
    best = Math.max(best, iterations / (performance.now() - started));
  }
  return Math.round(best * WORK_MS);
}

function burn(iterations: number, seed: number): number {
  let x = seed;
  for (let i = 0; i < iterations; i++) x += Math.sqrt(i + x * 1e-9);
  return x;
}

function javascriptBurner(iterations: number): string {
  return `export function forward(theta) {
  let x = Math.abs(theta[0]);
  for (let i = 0; i < ${iterations}; i++) x += Math.sqrt(i + x * 1e-9);
  return [x];
}
`;
}

function calibratePython(): number {
  const script = `import math, time
def burn(n, x):
    for i in range(n):
        x += math.sqrt(i + x * 1e-9)
    return x
best = 0
for _ in range(5):
    t = time.perf_counter(); burn(200000, 0.5); best = max(best, 200000 / (time.perf_counter() - t))
print(int(best * ${WORK_MS / 1000}))`;
  return Number(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim());
}

function pythonBurner(iterations: number): string {
  return `import math
from gmki_model import serve

def forward(theta):
    x = abs(theta[0])
    for i in range(${iterations}):
        x += math.sqrt(i + x * 1e-9)
    return [x]

serve(forward)
`;
}

function summarize(values: readonly number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { best: sorted[0]!, median };
}

function seconds(figure: Figure): string {
  return `${figure.best.toFixed(2)} / ${figure.median.toFixed(2)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(describeMachine());
  runHostBenchmarks().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
