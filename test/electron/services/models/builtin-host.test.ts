/**
 * Built-in models in their host: the cheap ones in the host's own thread, darcy-2d (a PDE solve
 * per evaluation) in `concurrency` real worker threads, with the outputs of the core's model.
 */
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { darcyForward } from '../../../../core/problem/darcy-model';
import { createModelHost } from '../../../../electron/services/models/host-factory';
import type { ModelHost, ModelHostContext } from '../../../../electron/services/models/host';
import { ModelSetupError } from '../../../../electron/services/models/setup-error';
import { spawnWorker } from '../../../../electron/services/workers/spawn-worker';
import { testContext } from './host-support';

const WORKER_ENTRY = new URL('../../../../electron/services/models/javascript-worker.ts', import.meta.url);
const hosts: ModelHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

/** A host of the built-in model `name` whose worker threads (if any) are collected in `workers`. */
async function builtinHost(name: string, overrides: Partial<ModelHostContext>) {
  const workers: Worker[] = [];
  const context = testContext('/nonexistent-folder', {
    createJavascriptWorker: (options) => {
      const worker = spawnWorker(WORKER_ENTRY, options);
      workers.push(worker);
      return worker;
    },
    ...overrides,
  });
  const host = await createModelHost({ type: 'builtin', name }, context);
  hosts.push(host);
  return { host, workers };
}

/** A deterministic θ ∈ R^128 of prior size (std 10). */
function darcyTheta(seed: number): number[] {
  return Array.from({ length: 128 }, (_, l) => 10 * Math.sin(seed * 7.1 + l * 1.3));
}

describe('builtin model host', () => {
  it('evaluates darcy-2d in concurrency worker threads, with exactly the core model’s outputs', async () => {
    const { host, workers } = await builtinHost('darcy-2d', { nTheta: 128, nOutputs: 28, concurrency: 2 });
    expect(host.slots).toBe(2);
    expect(workers).toHaveLength(2);
    const batch = [0, 1, 2, 3].map((index) => ({ index, theta: darcyTheta(index) }));
    const outcomes = await host.evaluateBatch(batch);
    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, null, null, null]);
    expect(outcomes.map((outcome) => outcome.output)).toEqual(batch.map(({ theta }) => darcyForward(theta)));
    expect(new Set(outcomes.map((outcome) => outcome.slot))).toEqual(new Set([0, 1]));
  });

  it('reports a darcy-2d solve that breaks down as a failure of that point, in the model’s words', async () => {
    const { host } = await builtinHost('darcy-2d', { nTheta: 128, nOutputs: 28, concurrency: 1 });
    const huge = Array.from({ length: 128 }, () => 1e6); // κ overflows: the operator has no Cholesky factor
    const [outcome] = await host.evaluateBatch([{ index: 0, theta: huge }]);
    expect(outcome!.failure).toBe('threw');
    expect(outcome!.error).toMatch(/the Darcy finite-difference operator is not positive definite/);
  });

  it('keeps the microsecond models in its own thread (no worker started)', async () => {
    const { host, workers } = await builtinHost('two-modal-2d', { nTheta: 2, nOutputs: 1, concurrency: 2 });
    const outcomes = await host.evaluateBatch([{ index: 0, theta: [1, 4] }]);
    expect(outcomes[0]!.output).toEqual([9]);
    expect(workers).toHaveLength(0);
  });

  it('refuses darcy-2d for a problem of the wrong size before starting anything', async () => {
    const attempt = builtinHost('darcy-2d', { nTheta: 2, nOutputs: 28, concurrency: 2 });
    await expect(attempt).rejects.toThrow(ModelSetupError);
    await expect(attempt).rejects.toThrow(/takes 128 parameter\(s\) and returns 28 output\(s\)/);
  });
});
