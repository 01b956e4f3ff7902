// The Compare store against a fake bridge: a deleted run leaves the comparison with a notice; each
// picked run's samples load for the distances and the particle overlays.
import { describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AppBridge } from '../../../electron/contract/channel-map';
import { runRecord } from '../runs/support';
import { fakeBridge, installBridge, ok, refused } from '../support/fake-bridge';
import { MAX_SAMPLE_NUMBERS } from '../../../electron/contract/types';
import { DEFAULT_TEST_SETTINGS } from '../../support/problems';
import { COMPARE_SAMPLES, compareSampleCount } from '../../../renderer/src/stores/compare';

function fakeServer(existing: string[]) {
  const runs = new Set(existing);
  const notFound = (runId: string) => refused({ code: 'NOT_FOUND', message: `There is no run with id ${runId}.` });
  const fake = fakeBridge({
    'run/get': ({ runId }) => (runs.has(runId) ? ok(runRecord({ id: runId, name: `name of ${runId}` })) : notFound(runId)),
    'run/iterations': ({ runId }) => (runs.has(runId) ? ok({ runId, parameterNames: [], space: 'unconstrained', iterations: [] }) : notFound(runId)),
    'run/samples': ({ runId }) => notFound(runId),
  });
  return {
    bridge: fake.bridge,
    deleteElsewhere: (id: string) => runs.delete(id),
    deleteHere: (id: string) => {
      runs.delete(id);
      fake.emit('run/deleted', { runId: id });
    },
    listening: () => fake.listenerCount(),
  };
}

async function compareStore(bridge: AppBridge) {
  installBridge(bridge);
  vi.resetModules();
  const { useCompareStore } = await import('../../../renderer/src/stores/compare');
  setActivePinia(createPinia());
  return useCompareStore();
}

describe('useCompareStore and deleted runs', () => {
  it('drops a run deleted while the comparison is open (run/deleted), saying which', async () => {
    const server = fakeServer(['a', 'b', 'c']);
    const store = await compareStore(server.bridge);
    const stop = store.follow();
    store.setSelection(['a', 'b', 'c']);
    await vi.waitFor(() => expect(store.picked.every((run) => run.state === 'ready')).toBe(true));
    server.deleteHere('b');
    expect(store.selected).toEqual(['a', 'c']);
    expect(store.removed).toEqual(['“name of b” was deleted, so it left the comparison.']);
    stop();
    expect(server.listening()).toBe(0);
  });

  it('drops a run deleted elsewhere once it is fetched (an old address, or back on the screen)', async () => {
    const server = fakeServer(['a', 'c']);
    const store = await compareStore(server.bridge);
    store.setSelection(['a', 'gone', 'c']);
    await vi.waitFor(() => expect(store.selected).toEqual(['a', 'c']));
    expect(store.removed).toEqual(['Run gone was deleted, so it left the comparison.']);

    await vi.waitFor(() => expect(store.picked.every((run) => run.state === 'ready')).toBe(true));
    server.deleteElsewhere('c');
    const stop = store.follow();
    await vi.waitFor(() => expect(store.selected).toEqual(['a']));
    expect(store.removed.at(-1)).toBe('“name of c” was deleted, so it left the comparison.');
    stop();
  });
});

describe('useCompareStore and the runs’ samples', () => {
  const samplesOf = (runId: string, count: number) => ({
    runId,
    iteration: 30,
    parameterNames: ['a', 'b'],
    source: 'particle' as const,
    count,
    samples: Array.from({ length: count }, (_, n) => [n, -n]),
    indices: Array.from({ length: count }, (_, n) => n),
    particles: count,
  });

  it('asks each picked run for its samples (a mixture run’s draws, a particle run’s J particles), keeps them per run, and the refusal of one as its message', async () => {
    const fake = fakeBridge({
      'run/get': ({ runId }) => {
        const method = runId === 'smc' ? 'smc' : 'gmki-paper';
        const settings = { ...DEFAULT_TEST_SETTINGS, method, particles: runId === 'smc' ? 3 : null } as const;
        return ok(runRecord({ id: runId, nTheta: 2, iterationsDone: runId === 'fresh' ? 0 : 30, method, problem: { format: 'gmki-problem/1', name: 'p', settings } }));
      },
      'run/iterations': (request) => ok({ runId: request.runId, parameterNames: ['a', 'b'], space: 'unconstrained' as const, iterations: [] }),
      'run/samples': (request) => (request.runId === 'broken' ? refused({ code: 'IO', message: 'samples.csv could not be read' }) : ok(samplesOf(request.runId, 3))),
    });
    const store = await compareStore(fake.bridge);
    store.setSelection(['a', 'broken', 'fresh', 'smc']);
    await vi.waitFor(() => expect(Object.values(store.samples).filter((state) => state.state !== 'loading')).toHaveLength(4));
    const asked = fake.calls.filter((call) => call.channel === 'run/samples').map((call) => call.request);
    expect(asked).toEqual([
      { runId: 'a', count: compareSampleCount(2) },
      { runId: 'broken', count: compareSampleCount(2) },
      { runId: 'smc', count: 3 },
    ]);
    const a = store.samples.a;
    expect(a?.state === 'ready' && { count: a.set.count, d: a.set.d, rows: Array.from(a.set.samples) }).toEqual({ count: 3, d: 2, rows: [0, -0, 1, -1, 2, -2] });
    expect(store.samples.broken).toEqual({ state: 'error', message: 'samples.csv could not be read' });
    expect(store.samples.fresh).toEqual({ state: 'error', message: 'no iteration completed' });

    store.setSelection(['a']);
    expect(Object.keys(store.samples)).toEqual(['a']);
  });

  it('asks a run with many parameters for fewer samples, so that one reply stays within its limit', () => {
    expect(compareSampleCount(2)).toBe(COMPARE_SAMPLES);
    expect(compareSampleCount(1_000_000)).toBe(Math.floor(MAX_SAMPLE_NUMBERS / 1_000_000));
    expect(compareSampleCount(1_000_000) * 1_000_000).toBeLessThanOrEqual(MAX_SAMPLE_NUMBERS);
    expect(compareSampleCount(2, 200)).toBe(200);
  });
});
