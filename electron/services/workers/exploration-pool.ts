/**
 * GMKI's exploration step on several cores: a small pool of worker threads, each holding the run's
 * samples Ξ once, computes the step's components (core's exploreComponent, a pure function) and
 * core assembles them. Each component's result is the same bits whichever thread computes it, so
 * results never depend on the thread count (test/electron/services/workers). Threads start at the
 * first step large enough to be worth them; if a thread fails, the step is computed in this thread
 * instead (same results) and the pool is not used again.
 */
import { availableParallelism } from 'node:os';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { exploreInThisThread, type ComponentExplorer, type ExplorationPlan, type ExplorationSamples, type ExploredComponent } from '../../../core/gmki/exploration';
import { spawnWorker } from './spawn-worker';
import type { ExplorationWorkerApi } from './exploration-worker';

const WORKER_ENTRY = new URL('./exploration-worker.ts', import.meta.url);

/**
 * Below this many multiply-adds per step (≈ K²·N_s·d²/2, a few milliseconds) threads cost more
 * than they save: the step is computed in this thread.
 */
export const MIN_THREADED_WORK = 5e8;

export interface ExplorationPoolOptions {
  /** Threads at most (at most one per component is used). */
  readonly threads: number;
  /** Work (multiply-adds per step) from which threads are used; default MIN_THREADED_WORK. */
  readonly minWork?: number;
  /** Starts one thread; default: exploration-worker.ts (from source through tsx, or a built file). */
  readonly startWorker?: (options: WorkerOptions) => Worker;
  /** Told once, when threads are first used. */
  readonly onStart?: (threads: number) => void;
  /** Told once if a thread fails; the exploration then goes on in this thread, with the same results. */
  readonly onFallback?: (reason: string) => void;
}

export interface ExplorationPool {
  readonly explore: ComponentExplorer;
  /** Stops the threads (the pool explores in this thread afterwards). */
  close(): Promise<void>;
}

interface PoolThread {
  readonly worker: Worker;
  readonly remote: Comlink.Remote<ExplorationWorkerApi>;
  /** Rejects with a sentence when the thread stops. */
  readonly stopped: Promise<never>;
  samples: ExplorationSamples | null;
}

/**
 * Threads of GMKI's exploration step: GMKI_EXPLORATION_THREADS when set (1 = none), else one per
 * core. They are used only for steps large enough to gain from them (exploration-pool.ts), and
 * results never depend on their number.
 */
export function explorationThreads(environment: NodeJS.ProcessEnv = process.env): number {
  const requested = Number(environment.GMKI_EXPLORATION_THREADS);
  return Number.isInteger(requested) && requested >= 1 ? requested : availableParallelism();
}

/** Multiply-adds of one exploration step: K(K−1) Mahalanobis passes and K moment passes over Ξ. */
export function explorationWork(plan: Pick<ExplorationPlan, 'nComponents' | 'nTheta'>, nSamples: number): number {
  const { nComponents: nK, nTheta: d } = plan;
  return nK * nK * nSamples * ((d * (d + 1)) / 2);
}

export function createExplorationPool(options: ExplorationPoolOptions): ExplorationPool {
  const threads: PoolThread[] = [];
  const minWork = options.minWork ?? MIN_THREADED_WORK;
  let broken = false;
  let closed = false;

  const startThread = (): PoolThread => {
    const worker = (options.startWorker ?? ((workerOptions) => spawnWorker(WORKER_ENTRY, workerOptions)))({});
    const stopped = new Promise<never>((_, reject) => {
      let uncaught = '';
      worker.on('error', (error) => (uncaught = `: ${error.message}`));
      worker.once('exit', (code) => reject(new Error(`an exploration thread stopped (exit code ${code}${uncaught})`)));
    });
    stopped.catch(() => {});
    return { worker, remote: Comlink.wrap<ExplorationWorkerApi>(nodeEndpoint(worker)), stopped, samples: null };
  };

  const onThread = async (thread: PoolThread, plan: ExplorationPlan, samples: ExplorationSamples, components: number[]) => {
    const call = async (): Promise<ExploredComponent[]> => {
      if (thread.samples !== samples) {
        await thread.remote.setSamples(samples);
        thread.samples = samples;
      }
      return thread.remote.explore(plan, components);
    };
    return Promise.race([call(), thread.stopped]);
  };

  const stopThreads = async (): Promise<void> => {
    const stopping = threads.splice(0).map(async (thread) => {
      thread.remote[Comlink.releaseProxy]();
      await thread.worker.terminate();
    });
    await Promise.all(stopping);
  };

  const explore: ComponentExplorer = async (plan, samples) => {
    const nThreads = Math.min(Math.floor(options.threads), plan.nComponents);
    if (broken || closed || nThreads < 2 || explorationWork(plan, samples.nSamples) < minWork) return exploreInThisThread(plan, samples);
    if (threads.length === 0) options.onStart?.(nThreads);
    while (threads.length < nThreads) threads.push(startThread());
    // Component k goes to thread k mod T; results are put back in component order.
    const shares = threads.slice(0, nThreads).map((_, t) => Array.from({ length: plan.nComponents }, (_, k) => k).filter((k) => k % nThreads === t));
    try {
      const answers = await Promise.all(shares.map((components, t) => onThread(threads[t], plan, samples, components)));
      const results = new Array<ExploredComponent>(plan.nComponents);
      shares.forEach((components, t) => components.forEach((k, i) => (results[k] = answers[t][i])));
      return results;
    } catch (error) {
      if (closed) throw error;
      broken = true;
      await stopThreads();
      options.onFallback?.(error instanceof Error ? error.message : String(error));
      return exploreInThisThread(plan, samples);
    }
  };

  return {
    explore,
    async close() {
      closed = true;
      await stopThreads();
    },
  };
}
