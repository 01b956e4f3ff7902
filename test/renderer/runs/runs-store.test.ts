// The runs browser's store against a fake bridge: the list, live events, annotate and delete.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { AppBridge } from '../../../electron/contract/channel-map';
import type { RunProgress, RunStatusChange, RunSummary } from '../../../electron/contract/types';
import { runSummary } from './support';

type Listener = (payload: unknown) => void;

/** A bridge answering from `answers` by channel, recording calls, with events the test can emit. */
function fakeBridge(answers: Record<string, (request: Record<string, unknown>) => unknown>) {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const bridge = {
    invoke: async (channel: string, request: Record<string, unknown>) => {
      calls.push([channel, request]);
      return answers[channel]!(request);
    },
    subscribe: (event: string, listener: Listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
  } as unknown as AppBridge;
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload));
  return { bridge, calls, emit, listeners };
}

let runs: RunSummary[];
let fake: ReturnType<typeof fakeBridge>;

async function store() {
  // The bridge module reads window.gmki once; give it the fake before the store is created.
  (globalThis as { window?: unknown }).window = { gmki: fake.bridge };
  vi.resetModules();
  const { useRunsStore } = await import('../../../renderer/src/stores/runs');
  setActivePinia(createPinia());
  return useRunsStore();
}

beforeEach(() => {
  runs = [runSummary({ id: 'a', name: 'alpha', status: 'running', iterationsDone: 1 }), runSummary({ id: 'b', name: 'beta' })];
  fake = fakeBridge({
    'runs/list': () => ({ ok: true, value: { runs, total: runs.length } }),
    'run/get': ({ runId }) => ({ ok: true, value: { ...runs.find((run) => run.id === runId)!, iterationsDone: 30, problem: { name: 'square-map' } } }),
    'run/rename': ({ runId, name }) => ({ ok: true, value: { ...runs.find((run) => run.id === runId)!, name, problem: { name: 'square-map' } } }),
    'run/delete': ({ runId }) =>
      runId === 'a' ? { ok: false, error: { code: 'CONFLICT', message: 'run a is running' } } : { ok: true, value: { done: true } },
  });
});

describe('useRunsStore', () => {
  it('loads every run with one list request of the largest page', async () => {
    const runsStore = await store();
    await runsStore.load();
    expect(runsStore.state).toBe('ready');
    expect(runsStore.runs.map((run) => run.id)).toEqual(['a', 'b']);
    expect(fake.calls).toEqual([['runs/list', { limit: 10_000 }]]);
  });

  it('turns a failed list into an error state with the message', async () => {
    fake = fakeBridge({ 'runs/list': () => ({ ok: false, error: { code: 'INTERNAL', message: 'database locked' } }) });
    const runsStore = await store();
    await runsStore.load();
    expect(runsStore.state).toBe('error');
    expect(runsStore.error).toBe('database locked');
  });

  it('follows progress and status events without listing again, and stops when asked', async () => {
    const runsStore = await store();
    await runsStore.load();
    const stop = runsStore.follow();
    const progress: RunProgress = {
      runId: 'a', status: 'running', iteration: 7, iterations: 30, evaluationsDone: 63, evaluationsTotal: 270,
      evaluationsFailed: 0, evaluationsInFlight: 0, elapsedSeconds: 2, etaSeconds: 5, weights: [], misfit: [],
    };
    fake.emit('run/progress', progress);
    expect(runsStore.runs[0]).toMatchObject({ iterationsDone: 7, forwardEvaluations: 63 });
    const settled: RunStatusChange = { runId: 'a', status: 'completed', error: null };
    fake.emit('run/status', settled);
    expect(runsStore.runs[0].status).toBe('completed');
    await vi.waitFor(() => expect(runsStore.runs[0].iterationsDone).toBe(30));
    expect(fake.calls.filter(([channel]) => channel === 'runs/list')).toHaveLength(1);
    stop();
    expect([...fake.listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('lists again once when an event names a run it does not know', async () => {
    vi.useFakeTimers();
    try {
      const runsStore = await store();
      await runsStore.load();
      runsStore.follow();
      runs = [runSummary({ id: 'c', name: 'new' }), ...runs];
      fake.emit('run/status', { runId: 'c', status: 'queued', error: null });
      fake.emit('run/status', { runId: 'c', status: 'running', error: null });
      await vi.advanceTimersByTimeAsync(500);
      expect(fake.calls.filter(([channel]) => channel === 'runs/list')).toHaveLength(2);
      expect(runsStore.runs.map((run) => run.id)).toEqual(['c', 'a', 'b']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts a renamed run back into the list, and explains why a running run cannot be deleted', async () => {
    const runsStore = await store();
    await runsStore.load();
    expect(await runsStore.rename('b', 'beta two')).toBeNull();
    expect(runsStore.runs[1]).toMatchObject({ id: 'b', name: 'beta two', problemName: 'square-map' });
    expect(await runsStore.remove('a')).toMatch(/Cancel it first/);
    expect(runsStore.runs).toHaveLength(2);
    expect(await runsStore.remove('b')).toBeNull();
    expect(runsStore.runs.map((run) => run.id)).toEqual(['a']);
  });
});
