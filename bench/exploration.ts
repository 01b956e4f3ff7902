/**
 * GMKI's own cost per iteration, without the forward evaluations (issue 2: d = 128, K = 3,
 * N_s = 10⁴ in ≤ 0.5 s; issue 9: d = 128, K = 10 at or below NumPy + OpenBLAS, ≈ 2.0 s here).
 * The exploration step dominates, O(K²·N_s·d²); sigma points and the analysis step are timed with
 * it, using a linear model's outputs so that the analysis does real work. Each case runs in this
 * thread and, for the large ones, with the run worker's exploration pool (one thread per core),
 * beside a NumPy reference of the exploration step when python3 has NumPy.
 * Run alone with `npm run bench:engine`; `printIterationCostBenchmark` is for `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolveGmkiConfig } from '../core/gmki/config';
import { explorationKernels, exploreInThisThread, type ComponentExplorer } from '../core/gmki/exploration';
import { createGmkiContext, exploreState, gmkiAsk, gmkiTell } from '../core/gmki/process';
import type { GmkiState } from '../core/gmki/state';
import { createJsSampleKernels } from '../core/linalg/sampleKernels';
import { createWasmSampleKernels } from '../core/linalg/wasmSampleKernels';
import { createRandomStream } from '../core/random/random';
import { createExplorationPool } from '../electron/services/workers/exploration-pool';

export interface ExplorationCase {
  readonly nTheta: number;
  readonly nComponents: number;
  readonly samples: number;
}

export interface ExplorationTiming extends ExplorationCase {
  /** Mean seconds of exploration + sigma points (ask) and of the analysis (tell) per iteration. */
  readonly askSeconds: number;
  readonly tellSeconds: number;
  /** The fastest iteration, ask + tell. */
  readonly bestSeconds: number;
  readonly repeats: number;
  /** Load average (1 min) when the case finished. */
  readonly load: number;
}

/**
 * Times `repeats` iterations (after `warmUps` untimed ones, which also start a pool's threads) on
 * a d-dimensional linear-Gaussian target with the prior folded in.
 */
export async function timeIteration(c: ExplorationCase, repeats: number, explorer: ComponentExplorer = exploreInThisThread, warmUps = 1): Promise<ExplorationTiming> {
  const d = c.nTheta;
  const nY = Math.min(d, 16);
  const nOut = nY + d;
  const random = createRandomStream(1, 'bench');
  const data = random.fillNormal(new Float64Array(nOut));
  const noiseCov = new Float64Array(nOut * nOut);
  for (let i = 0; i < nOut; i++) noiseCov[i * nOut + i] = i < nY ? 0.01 : 4;
  const config = resolveGmkiConfig({ nComponents: c.nComponents, exploration: { method: 'monte-carlo', samples: c.samples } });
  const context = createGmkiContext(config, { nTheta: d, data, noiseCov });
  const covariances = new Float64Array(c.nComponents * d * d);
  for (let k = 0; k < c.nComponents; k++) for (let i = 0; i < d; i++) covariances[k * d * d + i * d + i] = 1 + 0.1 * k;
  let state: GmkiState = {
    iteration: 0,
    mixture: {
      nComponents: c.nComponents,
      nTheta: d,
      logWeights: new Float64Array(c.nComponents).fill(-Math.log(c.nComponents)),
      means: random.fillNormal(new Float64Array(c.nComponents * d)).map((x) => 0.5 * x),
      covariances,
    },
  };
  let askSeconds = 0;
  let tellSeconds = 0;
  let bestSeconds = Infinity;
  for (let rep = -warmUps; rep < repeats; rep++) {
    const t0 = performance.now();
    const pending = gmkiAsk(state, context, await exploreState(state, context, explorer));
    const t1 = performance.now();
    const nPoints = c.nComponents * (2 * d + 1);
    const outputs = new Float64Array(nPoints * nOut);
    for (let p = 0; p < nPoints; p++) {
      for (let o = 0; o < nY; o++) outputs[p * nOut + o] = pending.points[p * d + o] * (1 + o / nY);
      outputs.set(pending.points.subarray(p * d, (p + 1) * d), p * nOut + nY);
    }
    const t2 = performance.now();
    state = gmkiTell(pending, outputs, context).state;
    const t3 = performance.now();
    if (rep < 0) continue;
    askSeconds += (t1 - t0) / 1000;
    tellSeconds += (t3 - t2) / 1000;
    bestSeconds = Math.min(bestSeconds, (t1 - t0 + t3 - t2) / 1000);
  }
  return { ...c, askSeconds: askSeconds / repeats, tellSeconds: tellSeconds / repeats, bestSeconds, repeats, load: loadavg()[0] };
}

/** Seconds of one Mahalanobis pass (‖v + T ξ_j‖² over Ξ) with each kernel implementation, best of 5. */
function timeKernels(d: number, n: number): { javascript: number; webassembly: number | null } {
  const random = createRandomStream(2, 'bench-kernels');
  const xi = random.fillNormal(new Float64Array(d * n));
  const t = random.fillNormal(new Float64Array(d * d));
  const v = random.fillNormal(new Float64Array(d));
  const best = (kernels: ReturnType<typeof createJsSampleKernels> | null): number | null => {
    if (!kernels) return null;
    let fastest = Infinity;
    for (let rep = 0; rep < 5; rep++) {
      const t0 = performance.now();
      kernels.addShiftedSquaredNorms(t, v, new Float64Array(n));
      fastest = Math.min(fastest, (performance.now() - t0) / 1000);
    }
    return fastest;
  };
  return { javascript: best(createJsSampleKernels(xi, d, n))!, webassembly: best(createWasmSampleKernels(xi, d, n)) };
}

/** The NumPy reference's seconds per exploration step by K, or why it did not run. */
function numpyReference(components: readonly number[]): { seconds: Record<string, number>; blas: string; numpy: string } | { skipped: string } {
  const script = fileURLToPath(new URL('./numpy-exploration.py', import.meta.url));
  const result = spawnSync('python3', [script, ...components.map(String)], { encoding: 'utf8', timeout: 600_000 });
  if (result.error) return { skipped: `python3 could not be run (${result.error.message})` };
  if (result.status !== 0) return { skipped: `python3 has no NumPy/SciPy (${result.stderr.trim().split('\n').at(-1)})` };
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

const f3 = (x: number): string => x.toFixed(3);

/** Prints the section of `npm run bench` on GMKI's own cost per iteration. */
export async function printIterationCostBenchmark(): Promise<void> {
  const threads = availableParallelism();
  console.log('## GMKI iteration cost without forward evaluations (N_s = Monte Carlo samples of the exploration step)');
  console.log('targets: d = 128, K = 3, N_s = 10⁴ well under 0.5 s; d = 128, K = 10 ≤ NumPy + OpenBLAS (≈ 2.0 s here)');
  const probe = createRandomStream(3, 'probe').fillNormal(new Float64Array(8));
  console.log(`kernels: ${explorationKernels({ nTheta: 2, nSamples: 4, xi: probe, squaredNorms: new Float64Array(4) }).kind}\n`);
  console.log('|   d |  K |    N_s | threads | exploration + sigma points (s) | analysis (s) | total (s) | best (s) | repeats | load (1 min) |');
  console.log('|----:|---:|-------:|--------:|-------------------------------:|-------------:|----------:|---------:|--------:|-------------:|');
  const row = (t: ExplorationTiming, nThreads: number): void =>
    console.log(
      `| ${String(t.nTheta).padStart(3)} | ${String(t.nComponents).padStart(2)} | ${String(t.samples).padStart(6)} | ${String(nThreads).padStart(7)} | ` +
        `${f3(t.askSeconds).padStart(30)} | ${f3(t.tellSeconds).padStart(12)} | ${f3(t.askSeconds + t.tellSeconds).padStart(9)} | ` +
        `${f3(t.bestSeconds).padStart(8)} | ${String(t.repeats).padStart(7)} | ${t.load.toFixed(2).padStart(12)} |`,
    );
  for (const c of [
    { nTheta: 2, nComponents: 6, samples: 10_000 },
    { nTheta: 32, nComponents: 10, samples: 10_000 },
  ]) {
    row(await timeIteration(c, 5), 1);
  }
  for (const nComponents of [3, 10]) {
    const c = { nTheta: 128, nComponents, samples: 10_000 };
    const repeats = nComponents === 3 ? 5 : 3;
    row(await timeIteration(c, repeats), 1);
    // The run worker's pool, as a run uses it (its threads start in the untimed warm-up).
    const pool = createExplorationPool({ threads });
    try {
      row(await timeIteration(c, repeats, pool.explore), Math.min(threads, nComponents));
    } finally {
      await pool.close();
    }
  }

  const kernels = timeKernels(128, 10_000);
  console.log(
    `\none Mahalanobis pass over Ξ (d = 128, N_s = 10⁴, one of K(K−1) per step): JavaScript ${(1000 * kernels.javascript).toFixed(1)} ms, ` +
      `WebAssembly ${kernels.webassembly === null ? 'unavailable' : `${(1000 * kernels.webassembly).toFixed(1)} ms`} (load ${loadavg()[0].toFixed(2)})`,
  );
  const reference = numpyReference([3, 10]);
  if ('skipped' in reference) {
    console.log(`NumPy reference skipped: ${reference.skipped}`);
  } else {
    console.log(
      `NumPy reference, exploration step only (bench/numpy-exploration.py; NumPy ${reference.numpy}, ${reference.blas}, BLAS on all ${threads} cores): ` +
        `d = 128, K = 3: ${f3(reference.seconds['3'])} s; K = 10: ${f3(reference.seconds['10'])} s (load ${loadavg()[0].toFixed(2)})`,
    );
  }
}
