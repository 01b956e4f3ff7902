// The run detail's store against a fake bridge: what it asks for, and reloading when a run settles.
import { describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AppBridge } from '../../../electron/contract/channel-map';
import { runSummary } from './support';

function setup(status: 'running' | 'completed' | 'failed') {
  const calls: [string, unknown][] = [];
  const listeners = new Set<(payload: unknown) => void>();
  let done = 4;
  const iteration = (n: number) => ({ iteration: n, weights: [1], means: [[0]], covariances: [[[1]]], diagnostics: {}, forwardEvaluations: 3 * n, elapsedSeconds: n });
  const answers: Record<string, (request: Record<string, unknown>) => unknown> = {
    'run/get': () => ({ ok: true, value: { ...runSummary({ id: 'r', status: done === 4 ? status : 'completed', iterationsDone: done }), problem: { name: 'p' } } }),
    'run/iterations': ({ from }) => ({ ok: true, value: { runId: 'r', parameterNames: ['a'], space: 'unconstrained', iterations: [iteration(from as number)] } }),
    'run/evaluations': () => ({ ok: true, value: { evaluations: [{ component: 0, sigmaPoint: 0, output: [1] }], total: 1 } }),
  };
  const bridge = {
    invoke: async (channel: string, request: Record<string, unknown>) => {
      calls.push([channel, request]);
      return answers[channel]!(request);
    },
    subscribe: (_event: string, listener: (payload: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as AppBridge;
  return { bridge, calls, listeners, finish: () => (done = 6) };
}

async function store(bridge: AppBridge) {
  (globalThis as { window?: unknown }).window = { gmki: bridge };
  vi.resetModules();
  const { useRunDetailStore } = await import('../../../renderer/src/stores/run-detail');
  setActivePinia(createPinia());
  return useRunDetailStore();
}

describe('useRunDetailStore', () => {
  it('reads the run, only its last iteration, and that iteration\'s ledger', async () => {
    const fake = setup('completed');
    const detail = await store(fake.bridge);
    await detail.load('r');
    expect(detail.state).toBe('ready');
    expect(detail.last?.iteration).toBe(4);
    expect(detail.evaluations).toHaveLength(1);
    expect(fake.calls).toEqual([
      ['run/get', { runId: 'r' }],
      ['run/iterations', { runId: 'r', from: 4 }],
      ['run/evaluations', { runId: 'r', iteration: 4, limit: 10_000 }],
    ]);
    expect(fake.listeners.size).toBe(0);
  });

  it('reloads a running run once it settles, then stops listening', async () => {
    const fake = setup('running');
    const detail = await store(fake.bridge);
    await detail.load('r');
    expect(fake.listeners.size).toBe(1);
    fake.finish();
    fake.listeners.forEach((listener) => listener({ runId: 'other', status: 'completed', error: null }));
    expect(detail.last?.iteration).toBe(4);
    fake.listeners.forEach((listener) => listener({ runId: 'r', status: 'completed', error: null }));
    await vi.waitFor(() => expect(detail.last?.iteration).toBe(6));
    expect(detail.run?.status).toBe('completed');
    expect(fake.listeners.size).toBe(0);
  });
});

describe('useRunDetailStore predictive band', () => {
  const problem = {
    format: 'gmki-problem/1',
    name: 'p',
    parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
    observations: { values: [1], noise: { std: 0.5 } },
    model: { type: 'javascript', path: 'model.mjs' },
    settings: { concurrency: 1 },
  };

  it('evaluates the model at the exports\' first posterior samples in one batch and keeps the band of the good outputs', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    const bridge = {
      invoke: async (channel: string, request: Record<string, unknown>) => {
        calls.push([channel, request]);
        if (channel === 'run/get') return { ok: true, value: { ...runSummary({ id: 'r', iterationsDone: 2, seed: 5 }), problem, problemDir: '/data' } };
        if (channel === 'run/iterations') return { ok: true, value: { runId: 'r', parameterNames: ['a'], space: 'unconstrained', iterations: [{ iteration: 2, weights: [1], means: [[3]], covariances: [[[0.04]]], diagnostics: {}, forwardEvaluations: 6, elapsedSeconds: 1 }] } };
        if (channel === 'run/evaluations') return { ok: true, value: { evaluations: [], total: 0 } };
        if (channel === 'problem/test-evaluations') {
          // G(a) = 2a, failing at the last sample.
          const thetas = request.thetas as number[][];
          const points = thetas.map((theta, i) => ({ theta, output: i === thetas.length - 1 ? null : [2 * theta[0]!], returned: null, expectedLength: 1, lengthOk: i !== thetas.length - 1, error: i === thetas.length - 1 ? 'boom' : null, seconds: 0 }));
          return { ok: true, value: { points, seconds: 0.5, setupSeconds: 0.1, concurrency: 1, log: [] } };
        }
        throw new Error(channel);
      },
      subscribe: () => () => undefined,
    } as unknown as AppBridge;
    const detail = await store(bridge);
    await detail.load('r');
    await detail.evaluatePredictive(50);

    const batch = calls.find(([channel]) => channel === 'problem/test-evaluations')![1];
    expect(batch.problemDir).toBe('/data');
    const thetas = batch.thetas as number[][];
    expect(thetas).toHaveLength(50);
    // The same rows as the samples export of this seed.
    const { posteriorSamples } = await import('../../../renderer/src/runs/samples');
    const { mixtureOf } = await import('../../../renderer/src/runs/mixture');
    const expected = posteriorSamples(mixtureOf({ iteration: 2, weights: [1], means: [[3]], covariances: [[[0.04]]], diagnostics: {}, forwardEvaluations: 6, elapsedSeconds: 1 } as never), [{ kind: 'identity', toPhysical: (u: number) => u, toUnconstrained: (x: number) => x }], 5, 50);
    expect(thetas.map(([a]) => a)).toEqual(Array.from(expected));

    const band = detail.band;
    expect(band.status).toBe('done');
    if (band.status !== 'done') return;
    expect(band.failed).toBe(1);
    expect(band.firstError).toBe('boom');
    expect(band.band.samples).toBe(49);
    // G = 2a with a ~ N(3, 0.2²): the 90 % band of outputs is about 6 ± 1.645·0.4, new data wider.
    expect(band.band.median[0]).toBeCloseTo(6, 0);
    expect(band.band.noisyHigh[0]! - band.band.noisyLow[0]!).toBeGreaterThan(band.band.high[0]! - band.band.low[0]!);
  });
});
