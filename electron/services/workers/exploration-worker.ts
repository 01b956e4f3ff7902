/**
 * Entry of an exploration pool thread (exploration-pool.ts): holds the run's Monte Carlo samples Ξ
 * (sent once per run) and computes GMKI exploration components on request with core's pure
 * exploreComponent, so that a component's result is the same bits as in any other thread.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { exploreComponent, type ExplorationPlan, type ExplorationSamples, type ExploredComponent } from '../../../core/gmki/exploration';

let samples: ExplorationSamples | null = null;

const api = {
  /** Keeps Ξ for the following calls (the previous run's is dropped). */
  setSamples(next: ExplorationSamples): void {
    samples = next;
  },

  /** exploreComponent(plan, k, Ξ) for each k of `components`, in that order. */
  explore(plan: ExplorationPlan, components: readonly number[]): ExploredComponent[] {
    if (!samples) throw new Error('the exploration thread has no samples');
    const results = components.map((k) => exploreComponent(plan, k, samples!));
    const buffers = results.flatMap((result) => [result.mean.buffer, result.covariance.buffer]);
    return Comlink.transfer(results, buffers as ArrayBuffer[]);
  },
};

export type ExplorationWorkerApi = typeof api;

Comlink.expose(api, nodeEndpoint(parentPort!));
