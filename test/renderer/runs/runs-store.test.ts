// The runs browser's store against a fake bridge: the list, live events, annotate and delete.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { RunProgress, RunStatusChange, RunSummary } from '../../../electron/contract/types';
import { fakeBridge, installBridge, ok, refused, type FakeBridge } from '../support/fake-bridge';
import { runRecord, runSummary } from './support';

let runs: RunSummary[];
let fake: FakeBridge;

async function store() {
  // The bridge module reads window.gmki once; give it the fake before the store is created.
  installBridge(fake.bridge);
  vi.resetModules();
  const { useRunsStore } = await import('../../../renderer/src/stores/runs');
  setActivePinia(createPinia());
  return useRunsStore();
}

const record = (runId: string, changes: Partial<RunSummary> = {}) => runRecord({ ...runs.find((run) => run.id === runId)!, problemName: 'square-map', ...changes });
const channelsCalled = () => fake.calls.map((call) => call.channel);

beforeEach(() => {
  runs = [runSummary({ id: 'a', name: 'alpha', status: 'running', iterationsDone: 1 }), runSummary({ id: 'b', name: 'beta' })];
  fake = fakeBridge({
    'runs/list': () => ok({ runs, total: runs.length }),
    'run/get': ({ runId }) => ok(record(runId, { iterationsDone: 30 })),
    'run/rename': ({ runId, name }) => ok(record(runId, { name })),
    'run/delete': ({ runId }) => (runId === 'a' ? refused({ code: 'CONFLICT', message: 'run a is running' }) : ok({ done: true })),
  });
});

describe('useRunsStore', () => {
  it('loads every run with one list request of the largest page', async () => {
    const runsStore = await store();
    await runsStore.load();
    expect(runsStore.state).toBe('ready');
    expect(runsStore.runs.map((run) => run.id)).toEqual(['a', 'b']);
    expect(fake.calls).toEqual([{ channel: 'runs/list', request: { limit: 10_000 } }]);
  });

  it('turns a failed list into an error state with the message', async () => {
    fake = fakeBridge({ 'runs/list': () => refused({ code: 'INTERNAL', message: 'database locked' }) });
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
      runId: 'a',
      status: 'running',
      iteration: 7,
      iterations: 30,
      evaluationsDone: 63,
      evaluationsTotal: 270,
      evaluationsFailed: 0,
      evaluationsInFlight: 0,
      elapsedSeconds: 2,
      etaSeconds: 5,
      weights: [],
      misfit: [],
    };
    fake.emit('run/progress', progress);
    expect(runsStore.runs[0]).toMatchObject({ iterationsDone: 7, forwardEvaluations: 63 });
    const settled: RunStatusChange = { runId: 'a', status: 'completed', error: null };
    fake.emit('run/status', settled);
    expect(runsStore.runs[0].status).toBe('completed');
    await vi.waitFor(() => expect(runsStore.runs[0].iterationsDone).toBe(30));
    expect(channelsCalled().filter((channel) => channel === 'runs/list')).toHaveLength(1);
    stop();
    expect(fake.listenerCount()).toBe(0);
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
      expect(channelsCalled().filter((channel) => channel === 'runs/list')).toHaveLength(2);
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
    expect(runsStore.total).toBe(1);
  });

  it('drops a run deleted elsewhere at once, and counts its own delete once when the event follows', async () => {
    const runsStore = await store();
    await runsStore.load();
    runsStore.follow();
    fake.emit('run/deleted', { runId: 'a' });
    expect(runsStore.runs.map((run) => run.id)).toEqual(['b']);
    expect(runsStore.total).toBe(1);
    expect(await runsStore.remove('b')).toBeNull();
    fake.emit('run/deleted', { runId: 'b' });
    expect(runsStore.runs).toEqual([]);
    expect(runsStore.total).toBe(0);
    // A deleted run is not one the list lacks: no new list request.
    expect(channelsCalled().filter((channel) => channel === 'runs/list')).toHaveLength(1);
  });
});
