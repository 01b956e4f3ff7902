// The run detail's store with a particle run, against a fake bridge typed against the contract:
// it fetches the run's particles through run/samples (all J when they fit), once per iteration,
// and draws the predictive band from them; a mixture run fetches none.
import { describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { resolveSettings } from '../../../core/problem/settings';
import type { IterationData, RunRecord, RunSamples } from '../../../electron/contract/types';
import { fakeBridge, installBridge, ok, type FakeBridge } from '../support/fake-bridge';
import { runSummary } from './support';

const PROBLEM_BASE = {
  format: 'gmki-problem/1' as const,
  name: 'two',
  parameters: [
    { name: 'a', prior: { mean: 0, std: 1 } },
    { name: 'b', prior: { mean: 1, std: 1, lower: 0 } },
  ],
  observations: { values: [1], noise: { std: 0.5 } },
  model: { type: 'javascript', path: 'model.mjs' },
};

function record(method: 'smc' | 'gmki-robust', particles: number | null): RunRecord {
  const settings = resolveSettings({ method, particles, concurrency: 1 }, { cpuCount: 1 });
  return { ...runSummary({ id: 'r', method, nTheta: 2, iterationsDone: 3 }), problem: { ...PROBLEM_BASE, settings } };
}

const iteration: IterationData = {
  iteration: 3,
  weights: [1],
  means: [[0, 0]],
  covariances: [
    [
      [1, 0],
      [0, 1],
    ],
  ],
  diagnostics: { misfit: [1], jitter: [0], explorationEss: [null] },
  forwardEvaluations: 30,
  elapsedSeconds: 1,
};

function samples(count: number, particles: number | null): RunSamples {
  return {
    runId: 'r',
    iteration: 3,
    parameterNames: ['a', 'b'],
    source: particles === null ? 'component' : 'particle',
    count,
    samples: Array.from({ length: count }, (_, n) => [n, n + 0.5]),
    indices: Array.from({ length: count }, (_, n) => n),
    particles,
  };
}

function server(run: RunRecord): FakeBridge {
  return fakeBridge({
    'run/get': () => ok(run),
    'run/iterations': () => ok({ runId: 'r', parameterNames: ['a', 'b'], space: 'unconstrained', iterations: [iteration] }),
    'run/evaluations': () => ok({ evaluations: [], total: 0 }),
    'run/samples': (request) => ok(samples(request.count, run.method === 'smc' ? 40 : null)),
    'problem/test-evaluations': (request) =>
      ok({
        points: request.thetas.map((theta) => ({ theta, output: [theta[0]!], returned: null, expectedLength: 1, lengthOk: true, error: null, seconds: 0.01 })),
        seconds: 0.1,
        setupSeconds: 0,
        concurrency: 1,
        log: [],
      }),
  });
}

async function detailStore(fake: FakeBridge) {
  installBridge(fake.bridge);
  vi.resetModules();
  const { useRunDetailStore } = await import('../../../renderer/src/stores/run-detail');
  setActivePinia(createPinia());
  return useRunDetailStore();
}

describe('useRunDetailStore with a particle run', () => {
  it('fetches all J particles of the last iteration (the samples CSV of J rows), once', async () => {
    const fake = server(record('smc', 40));
    const detail = await detailStore(fake);
    await detail.load('r');
    await vi.waitFor(() => expect(detail.particles.status).toBe('ready'));
    expect(fake.calls.filter((call) => call.channel === 'run/samples')).toEqual([{ channel: 'run/samples', request: { runId: 'r', count: 40 } }]);
    const state = detail.particles;
    if (state.status !== 'ready') throw new Error('not ready');
    expect(state.set).toMatchObject({ count: 40, d: 2, iteration: 3, particles: 40 });
    expect(Array.from(state.set.samples.slice(0, 4))).toEqual([0, 0.5, 1, 1.5]);
    await detail.load('r');
    expect(fake.calls.filter((call) => call.channel === 'run/samples')).toHaveLength(1);
  });

  it('asks for the particles smc has by default (2000) when the file leaves J empty', async () => {
    const fake = server(record('smc', null));
    const detail = await detailStore(fake);
    await detail.load('r');
    await vi.waitFor(() => expect(detail.particles.status).toBe('ready'));
    expect(fake.calls.find((call) => call.channel === 'run/samples')?.request).toEqual({ runId: 'r', count: 2000 });
  });

  it('draws the predictive band from the particles: run/samples of that count, then one batch of evaluations at them', async () => {
    const fake = server(record('smc', 40));
    const detail = await detailStore(fake);
    await detail.load('r');
    await detail.evaluatePredictive(5);
    expect(detail.band.status).toBe('done');
    expect(fake.calls.find((call) => call.channel === 'run/samples' && (call.request as { count: number }).count === 5)).toBeDefined();
    const batch = fake.calls.find((call) => call.channel === 'problem/test-evaluations')!.request as { thetas: number[][] };
    expect(batch.thetas).toEqual([
      [0, 0.5],
      [1, 1.5],
      [2, 2.5],
      [3, 3.5],
      [4, 4.5],
    ]);
  });

  it('says why when the particles cannot be fetched', async () => {
    const failing = fakeBridge({
      'run/get': () => ok(record('smc', 40)),
      'run/iterations': () => ok({ runId: 'r', parameterNames: ['a', 'b'], space: 'unconstrained', iterations: [iteration] }),
      'run/evaluations': () => ok({ evaluations: [], total: 0 }),
      'run/samples': () => ({ ok: false, error: { code: 'CONFLICT', message: 'Run r (two) has no completed iteration.' } }),
    });
    const detail = await detailStore(failing);
    await detail.load('r');
    await vi.waitFor(() => expect(detail.particles).toEqual({ status: 'failed', iteration: 3, message: 'Run r (two) has no completed iteration.' }));
  });

  it('fetches no particles for a mixture run', async () => {
    const fake = server(record('gmki-robust', null));
    const detail = await detailStore(fake);
    await detail.load('r');
    expect(detail.particles.status).toBe('none');
    expect(fake.calls.some((call) => call.channel === 'run/samples')).toBe(false);
  });
});
