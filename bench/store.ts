/**
 * Run store figures (issue 3's performance target): the commit of one iteration of d = 128, K = 10
 * — its mixture plus the K·(2d+1) = 2 570 ledger rows, in one transaction — in ≤ 50 ms, and the
 * database size per iteration and for a 50-iteration run. A real file in a temporary folder, WAL
 * mode, the store's own settings; the commit time includes encoding the arrays.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Mixture } from '../core/gmki/state';
import { type EvaluationEntry, type NewRun, openRunStore } from '../electron/services/store/index';

export interface StoreBenchCase {
  readonly nTheta: number;
  readonly nComponents: number;
  /** Length of each forward-model output. */
  readonly nOutputs: number;
  readonly iterations: number;
  /**
   * Call `checkpoint()` after each commit, as a run worker does while the model evaluates; without
   * it SQLite checkpoints inside every few commits (each time the WAL passes 16 MiB).
   */
  readonly checkpointBetweenCommits: boolean;
}

export interface StoreBenchResult extends StoreBenchCase {
  readonly ledgerRowsPerIteration: number;
  /** Commit times of iterations 1..n, in ms. */
  readonly commitMs: readonly number[];
  readonly medianCommitMs: number;
  readonly p90CommitMs: number;
  readonly maxCommitMs: number;
  /** Median time of the explicit checkpoints (null without them). */
  readonly medianCheckpointMs: number | null;
  /** Raw Float64 payload of one iteration: mixture + ledger θ and outputs. */
  readonly payloadBytesPerIteration: number;
  /** Database file size after the run (WAL checkpointed on close). */
  readonly databaseBytes: number;
  readonly databaseBytesPerIteration: number;
  readonly readAllIterationsMs: number;
  /** Opening the finished file writable: with `PRAGMA quick_check` (the default) and without. */
  readonly openCheckedMs: number;
  readonly openUncheckedMs: number;
}

export const STORE_BENCH_CASE: StoreBenchCase = { nTheta: 128, nComponents: 10, nOutputs: 32, iterations: 50, checkpointBetweenCommits: true };

/** A cheap deterministic filler: the bench measures storage, not random numbers. */
function filler(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648 - 0.5;
  };
}

function mixtureOf(c: StoreBenchCase, seed: number): Mixture {
  const next = filler(seed);
  const { nComponents: k, nTheta: d } = c;
  return {
    nComponents: k,
    nTheta: d,
    logWeights: new Float64Array(k).fill(-Math.log(k)),
    means: Float64Array.from({ length: k * d }, next),
    covariances: Float64Array.from({ length: k * d * d }, next),
  };
}

function ledgerOf(c: StoreBenchCase, iteration: number): EvaluationEntry[] {
  const next = filler(iteration);
  const perComponent = 2 * c.nTheta + 1;
  return Array.from({ length: c.nComponents * perComponent }, (_, p) => ({
    iteration,
    pointIndex: p,
    component: Math.floor(p / perComponent),
    sigmaPoint: p % perComponent,
    theta: Array.from({ length: c.nTheta }, next),
    output: Array.from({ length: c.nOutputs }, next),
    error: null,
    durationMs: 50 + (p % 7),
    slot: p % 2,
    attempts: 1,
  }));
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Writes a whole run of `c.iterations` iterations into a fresh database and measures it. */
export function benchStore(c: StoreBenchCase = STORE_BENCH_CASE): StoreBenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'gmki-bench-store-'));
  try {
    const path = join(dir, 'gmki.sqlite');
    const store = openRunStore(path);
    const settings = { method: 'gmki-paper', components: c.nComponents, iterations: c.iterations, seed: 1, initialization: { type: 'prior' } };
    const run: NewRun = {
      name: 'store benchmark',
      problem: { format: 'gmki-problem/1', name: 'store benchmark', settings } as unknown as NewRun['problem'],
      problemDir: null,
      nTheta: c.nTheta,
      softwareName: 'bench',
      softwareVersion: '0',
      modelHash: null,
    };
    const { id } = store.createRun(run);
    store.claimRun(id, { pid: process.pid, host: 'bench' });
    const rows = c.nComponents * (2 * c.nTheta + 1);
    const commitMs: number[] = [];
    const checkpointMs: number[] = [];
    for (let i = 1; i <= c.iterations; i++) {
      // Built outside the timing: the run worker has these in hand when it commits.
      const mixture = mixtureOf(c, i);
      const ledger = ledgerOf(c, i);
      const start = performance.now();
      store.commitIteration(
        id,
        { iteration: i, mixture, diagnostics: { misfit: [], jitter: [], explorationEss: [] }, forwardEvaluations: i * rows, elapsedSeconds: i },
        ledger,
      );
      commitMs.push(performance.now() - start);
      if (c.checkpointBetweenCommits) {
        const checkpointStart = performance.now();
        store.checkpoint();
        checkpointMs.push(performance.now() - checkpointStart);
      }
    }
    const readStart = performance.now();
    store.getIterations(id);
    const readAllIterationsMs = performance.now() - readStart;
    store.finishRun(id, 'completed', null);
    store.close();
    const databaseBytes = statSync(path).size;
    const openMs = (integrityCheck: boolean): number => {
      const start = performance.now();
      openRunStore(path, { integrityCheck }).close();
      return performance.now() - start;
    };
    openMs(false); // the first open reads the file into the page cache; the figures are warm
    const openUncheckedMs = openMs(false);
    const openCheckedMs = openMs(true);
    const sorted = [...commitMs].sort((a, b) => a - b);
    const { nComponents: k, nTheta: d } = c;
    return {
      ...c,
      ledgerRowsPerIteration: rows,
      commitMs,
      medianCommitMs: quantile(sorted, 0.5),
      p90CommitMs: quantile(sorted, 0.9),
      maxCommitMs: sorted[sorted.length - 1],
      medianCheckpointMs:
        checkpointMs.length === 0
          ? null
          : quantile(
              [...checkpointMs].sort((a, b) => a - b),
              0.5,
            ),
      payloadBytesPerIteration: 8 * (k + k * d + k * d * d + rows * (d + c.nOutputs)),
      databaseBytes,
      databaseBytesPerIteration: databaseBytes / c.iterations,
      readAllIterationsMs,
      openCheckedMs,
      openUncheckedMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MIB = 2 ** 20;

/** Runs `benchStore` with and without explicit checkpoints and prints the figures (for `npm run bench`). */
export function printStoreBenchmark(c: Omit<StoreBenchCase, 'checkpointBetweenCommits'> = STORE_BENCH_CASE): StoreBenchResult[] {
  console.log(`\nRun store: commit of one iteration (mixture + ledger, one transaction), d = ${c.nTheta}, K = ${c.nComponents}, ${c.nOutputs} outputs per evaluation`);
  console.log('target: ≤ 50 ms per iteration commit\n');
  console.log(
    '| WAL checkpoint  | ledger rows | median commit (ms) | p90 (ms) | max (ms) | checkpoint (ms) | DB per iteration (MiB) | raw Float64 payload (MiB) | DB for the run (MiB) | read all iterations (ms) |',
  );
  console.log(
    '|-----------------|------------:|-------------------:|---------:|---------:|----------------:|-----------------------:|--------------------------:|---------------------:|-------------------------:|',
  );
  const results: StoreBenchResult[] = [];
  for (const checkpointBetweenCommits of [true, false]) {
    const r = benchStore({ ...c, checkpointBetweenCommits });
    results.push(r);
    console.log(
      `| ${(checkpointBetweenCommits ? 'between commits' : 'inside commits').padEnd(15)} | ${String(r.ledgerRowsPerIteration).padStart(11)} | ` +
        `${r.medianCommitMs.toFixed(1).padStart(18)} | ${r.p90CommitMs.toFixed(1).padStart(8)} | ${r.maxCommitMs.toFixed(1).padStart(8)} | ` +
        `${(r.medianCheckpointMs === null ? '—' : r.medianCheckpointMs.toFixed(1)).padStart(15)} | ${(r.databaseBytesPerIteration / MIB).toFixed(2).padStart(22)} | ` +
        `${(r.payloadBytesPerIteration / MIB).toFixed(2).padStart(25)} | ${(r.databaseBytes / MIB).toFixed(1).padStart(20)} | ${r.readAllIterationsMs.toFixed(0).padStart(24)} |`,
    );
  }
  console.log(
    `(${c.iterations} iterations per row, each into a fresh file in WAL mode; "between commits": store.checkpoint() after each commit, ` +
      'as the run worker does while the model evaluates; "inside commits": SQLite checkpoints within every few commits on its own)',
  );
  const [first] = results;
  console.log(
    `Opening that ${(first!.databaseBytes / MIB).toFixed(0)} MiB database writable (page cache warm): ${first!.openCheckedMs.toFixed(0)} ms with ` +
      `PRAGMA quick_check (what gmki run, resume and the app do), ${first!.openUncheckedMs.toFixed(0)} ms without (runs list, show, export)`,
  );
  return results;
}
