/**
 * Runs stored the way a real run stores them: a problem file parsed by core, the real inversion
 * driven with an in-test forward model, every iteration committed to a real SQLite store.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IterationRecord } from '../../../../core/inversion';
import { parseProblem } from '../../../../core/problem/parse';
import type { ResolvedProblem } from '../../../../core/problem/types';
import { softwareInfo } from '../../../../electron/services/results/index';
import type { HistoryEntry } from '../../../../electron/services/results/index';
import type { RunStore } from '../../../../electron/services/store/index';
import { runInversion } from '../../../support/runInversion';

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gmki-export-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** G(a, k) = (a + k, a·k): modes near (a, k) = (1, 2) and (2, 1). */
export function sumProductModel([a, k]: readonly number[]): number[] {
  return [a + k, a * k];
}

export const SUM_PRODUCT_MODEL_SOURCE = 'export function forward([a, k]) { return [a + k, a * k]; }\n';

/**
 * Two parameters, `k` bounded below (so samples and mixture live in different spaces), a
 * JavaScript model under a relative path, and small settings so that a run takes milliseconds.
 */
export function boundedProblemJson(settings: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'gmki-problem/1',
    name: 'Sum and product',
    description: 'Test problem of the exporters.',
    parameters: [
      { name: 'a', prior: { mean: 1.5, std: 1 } },
      { name: 'k', prior: { mean: 1.5, std: 1, lower: 0 } },
    ],
    observations: { names: ['sum', 'product'], values: [3, 2], noise: { std: [0.5, 0.5] } },
    model: { type: 'javascript', path: 'models/sum-product.mjs' },
    settings: {
      components: 2,
      iterations: 3,
      seed: 7,
      posteriorSamples: 300,
      concurrency: 1,
      exploration: { method: 'monte-carlo', samples: 500 },
      ...settings,
    },
  };
}

/** Writes the JavaScript model where boundedProblemJson points, so the problem really runs from `dir`. */
export function writeModelFile(dir: string): string {
  const path = join(dir, 'models', 'sum-product.mjs');
  mkdirSync(join(dir, 'models'), { recursive: true });
  writeFileSync(path, SUM_PRODUCT_MODEL_SOURCE);
  return path;
}

export function parseOrThrow(json: unknown): ResolvedProblem {
  const parsed = parseProblem(json, { cpuCount: 1 });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.problem;
}

/** A stored run and what the inversion computed in memory, to compare the exports with. */
export interface StoredRun {
  readonly runId: string;
  readonly problem: ResolvedProblem;
  /** The in-memory records 0..N, as the inversion returned them. */
  readonly records: readonly IterationRecord[];
  /** The same iterations as result-file history (with the elapsed times committed). */
  readonly history: readonly HistoryEntry[];
}

/**
 * Parses `json`, runs the whole inversion with `model`, and commits iterations 0..`commit`
 * (default: all) to `store` as a run whose problem lives in `problemDir`; a run that committed
 * everything is finished as completed.
 */
export function storeRun(
  store: RunStore,
  json: unknown,
  model: (theta: readonly number[]) => number[],
  options: { problemDir?: string | null; commit?: number; name?: string } = {},
): StoredRun {
  const problem = parseOrThrow(json);
  const software = softwareInfo();
  const run = store.createRun({
    name: options.name ?? 'export test',
    problem: problem.file,
    problemDir: options.problemDir ?? null,
    nTheta: problem.parameterNames.length,
    softwareName: software.name,
    softwareVersion: software.version,
    modelHash: null,
  });
  store.claimRun(run.id, { pid: process.pid, host: 'export-test' });
  const { history: records } = runInversion(problem, model);
  const last = options.commit ?? records.length - 1;
  const history: HistoryEntry[] = [];
  for (const record of records.slice(0, last + 1)) {
    // Elapsed times with a fractional part, so that JSON round-tripping of them is tested too.
    const elapsedSeconds = record.iteration * 0.1 + record.iteration / 3;
    store.commitIteration(run.id, { ...record, elapsedSeconds }, []);
    history.push({ iteration: record.iteration, mixture: record.mixture, forwardEvaluations: record.forwardEvaluations, elapsedSeconds });
  }
  if (last === records.length - 1) store.finishRun(run.id, 'completed', null);
  return { runId: run.id, problem, records, history };
}
