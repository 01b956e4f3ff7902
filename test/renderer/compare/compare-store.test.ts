// The Compare store against a fake bridge: a deleted run leaves the comparison with a notice.
import { describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AppBridge } from '../../../electron/contract/channel-map';
import { runRecord } from '../runs/support';
import { fakeBridge, installBridge, ok, refused } from '../support/fake-bridge';

function fakeServer(existing: string[]) {
  const runs = new Set(existing);
  const notFound = (runId: string) => refused({ code: 'NOT_FOUND', message: `There is no run with id ${runId}.` });
  const fake = fakeBridge({
    'run/get': ({ runId }) => (runs.has(runId) ? ok(runRecord({ id: runId, name: `name of ${runId}` })) : notFound(runId)),
    'run/iterations': ({ runId }) => (runs.has(runId) ? ok({ runId, parameterNames: [], space: 'unconstrained', iterations: [] }) : notFound(runId)),
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
