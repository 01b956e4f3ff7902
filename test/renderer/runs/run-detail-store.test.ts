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
