// The Compare store against a fake bridge: a deleted run leaves the comparison with a notice.
import { describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AppBridge } from '../../../electron/contract/channel-map';
import { runSummary } from '../runs/support';

function fakeServer(existing: string[]) {
  const runs = new Set(existing);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge = {
    invoke: async (channel: string, request: { runId: string }) => {
      if (!runs.has(request.runId)) return { ok: false, error: { code: 'NOT_FOUND', message: `There is no run with id ${request.runId}.` } };
      if (channel === 'run/get') return { ok: true, value: { ...runSummary({ id: request.runId, name: `name of ${request.runId}` }), problem: {} } };
      if (channel === 'run/iterations') return { ok: true, value: { runId: request.runId, parameterNames: [], space: 'unconstrained', iterations: [] } };
      throw new Error(`unexpected channel ${channel}`);
    },
    subscribe: (event: string, listener: (payload: unknown) => void) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
  } as unknown as AppBridge;
  return {
    bridge,
    deleteElsewhere: (id: string) => runs.delete(id),
    deleteHere: (id: string) => {
      runs.delete(id);
      listeners.get('run/deleted')?.forEach((listener) => listener({ runId: id }));
    },
    listening: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

async function compareStore(bridge: AppBridge) {
  (globalThis as { window?: unknown }).window = { gmki: bridge };
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
