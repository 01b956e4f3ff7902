// The run-live store against a scripted bridge: what it asks for on load, on progress events and
// on status changes, and how it turns a refusal into words.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestOf, ResponseOf } from '../../../electron/contract/channel-map';
import type { Channel } from '../../../electron/contract/channels';
import type { IterationData, LogEntry, RunDiagnostics, RunProgress, RunRecord, RunStatus } from '../../../electron/contract/types';
import { DEFAULT_TEST_SETTINGS } from '../../support/problems';
import { runRecord } from '../runs/support';
import { fakeBridge, installBridge, ok, refused, type ChannelAnswer } from '../support/fake-bridge';

/** A bridge whose answers come from `state`, recording every call and able to push events. */
function scriptedBridge() {
  const state = {
    status: 'running' as RunStatus,
    committed: 0,
    logs: [] as LogEntry[],
    diagnostics: null as RunDiagnostics | null,
    refuse: null as Channel | null,
  };
  const iteration = (i: number): IterationData => ({
    iteration: i,
    weights: [0.5, 0.5],
    means: [[i], [-i]],
    covariances: [[[1]], [[1]]],
    diagnostics: { misfit: [1, 2], jitter: [0, 0], explorationEss: [null, null] },
    forwardEvaluations: 6 * i,
    elapsedSeconds: i,
  });
  const run = (): RunRecord =>
    runRecord({
      id: 'r1',
      name: 'A run',
      status: state.status,
      components: 2,
      nTheta: 1,
      iterations: 10,
      iterationsDone: state.committed,
      forwardEvaluations: 6 * state.committed,
      elapsedSeconds: state.committed,
      error: null,
      cancelRequested: false,
      problem: {
        format: 'gmki-problem/1',
        name: 'A problem',
        parameters: [{ name: 'x', prior: { mean: 0, std: 1 } }],
        settings: { ...DEFAULT_TEST_SETTINGS, method: 'gmki-paper', components: 2, iterations: 10, initialization: { type: 'prior' } },
      },
    });
  /** The answer of `channel`, unless the test makes it refuse as a run in the wrong state would. */
  const unlessRefused =
    <C extends Channel>(channel: C, answer: (request: RequestOf<C>) => ResponseOf<C>): ChannelAnswer<C> =>
    (request) =>
      state.refuse === channel ? refused({ code: 'CONFLICT', message: `Run r1 is ${state.status}.` }) : ok(answer(request));
  const fake = fakeBridge({
    'run/get': unlessRefused('run/get', run),
    'run/iterations': unlessRefused('run/iterations', (request) => ({
      runId: 'r1',
      parameterNames: ['x'],
      space: 'unconstrained',
      iterations: Array.from({ length: state.committed + 1 }, (_, i) => iteration(i)).filter((it) => it.iteration >= (request.from ?? 0)),
    })),
    'run/logs': unlessRefused('run/logs', (request) => state.logs.filter((line) => line.seq > (request.afterSeq ?? 0))),
    'run/evaluations': unlessRefused('run/evaluations', () => ({ evaluations: [], total: 0 })),
    'run/diagnostics': unlessRefused('run/diagnostics', () => state.diagnostics),
    'run/cancel': unlessRefused('run/cancel', () => ({ ...run(), cancelRequested: true })),
    'run/resume': unlessRefused('run/resume', () => ({ ...run(), status: 'queued' })),
  });
  const progress = (iteration: number, extra: Partial<RunProgress> = {}): RunProgress => ({
    runId: 'r1',
    status: 'running',
    iteration,
    iterations: 10,
    evaluationsDone: 6 * iteration + 3,
    evaluationsTotal: 60,
    evaluationsFailed: 0,
    evaluationsInFlight: 2,
    elapsedSeconds: iteration,
    etaSeconds: 10 - iteration,
    weights: [0.5, 0.5],
    misfit: [1, 2],
    ...extra,
  });
  return { state, calls: fake.calls, bridge: fake.bridge, emit: fake.emit, progress, listenerCount: () => fake.listenerCount() };
}

let scripted: ReturnType<typeof scriptedBridge>;

// Each test loads the stores afresh (vi.resetModules) so that the bridge singleton picks up the
// scripted bridge put on `window`.
async function freshStore() {
  vi.resetModules();
  scripted = scriptedBridge();
  installBridge(scripted.bridge);
  setActivePinia(createPinia());
  const { useRunLiveStore } = await import('../../../renderer/src/stores/run-live');
  return useRunLiveStore();
}

/** Lets every pending answer and timer run (the redraw and detail throttles included). */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(2000);
}

const callsOf = (channel: string) => scripted.calls.filter((call) => call.channel === channel);

describe('run-live store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as { window?: unknown }).window;
  });

  it('loads the run, its iterations from 0, its log and failed evaluations when acquired', async () => {
    const live = await freshStore();
    scripted.state.committed = 2;
    live.acquire('r1');
    await settle();
    expect(live.run?.name).toBe('A run');
    expect(live.status).toBe('running');
    expect(live.history.map((entry) => entry.iteration)).toEqual([0, 1, 2]);
    expect(callsOf('run/iterations')[0].request).toMatchObject({ runId: 'r1', from: 0 });
    expect(callsOf('run/logs')).toHaveLength(1);
    expect(callsOf('run/evaluations')[0].request).toMatchObject({ failedOnly: true });
  });

  it('fetches iterations only when the committed count grows, and only the new ones', async () => {
    const live = await freshStore();
    scripted.state.committed = 1;
    live.acquire('r1');
    await settle();
    const before = callsOf('run/iterations').length;
    // Ten events within iteration 1: no iteration request.
    for (let i = 0; i < 10; i++) scripted.emit('run/progress', scripted.progress(1, { evaluationsDone: 6 + i }));
    await settle();
    expect(callsOf('run/iterations')).toHaveLength(before);
    expect(live.progress?.evaluationsDone).toBe(15);
    // Iteration 2 committed: one request, from 2.
    scripted.state.committed = 2;
    scripted.emit('run/progress', scripted.progress(2));
    await settle();
    expect(callsOf('run/iterations')).toHaveLength(before + 1);
    expect(callsOf('run/iterations').at(-1)!.request).toMatchObject({ from: 2 });
    expect(live.history.map((entry) => entry.iteration)).toEqual([0, 1, 2]);
  });

  it('follows the log after the last sequence number it holds', async () => {
    const live = await freshStore();
    scripted.state.logs = [{ seq: 1, at: '', stream: 'info', text: 'started' }];
    live.acquire('r1');
    await settle();
    scripted.state.logs.push({ seq: 2, at: '', stream: 'stderr', text: 'model says hi' });
    scripted.emit('run/progress', scripted.progress(0));
    await settle();
    expect(callsOf('run/logs').at(-1)!.request).toMatchObject({ afterSeq: 1 });
    expect(live.logs.map((line) => line.text)).toEqual(['started', 'model says hi']);
  });

  it('ignores events of other runs', async () => {
    const live = await freshStore();
    live.acquire('r1');
    await settle();
    scripted.emit('run/progress', { ...scripted.progress(5), runId: 'other', status: 'queued' });
    scripted.emit('run/status', { runId: 'other', status: 'failed', error: 'boom' });
    await settle();
    expect(live.status).toBe('running');
    expect(live.progress).toBeNull();
  });

  it('reads the run again on a status change and asks for the final diagnostics', async () => {
    const live = await freshStore();
    live.acquire('r1');
    await settle();
    const gets = callsOf('run/get').length;
    scripted.state.status = 'completed';
    scripted.state.committed = 10;
    scripted.state.diagnostics = { findings: [], messages: [], mayMissMass: false, conditionNumbers: [1, 1] };
    scripted.emit('run/status', { runId: 'r1', status: 'completed', error: null });
    await settle();
    expect(callsOf('run/get')).toHaveLength(gets + 1);
    expect(live.status).toBe('completed');
    expect(live.figures?.iteration).toBe(10);
    expect(live.history).toHaveLength(11);
    expect(callsOf('run/diagnostics').length).toBeGreaterThan(0);
  });

  it('explains a CONFLICT refusal in words that say what to do', async () => {
    const live = await freshStore();
    scripted.state.status = 'completed';
    live.acquire('r1');
    await settle();
    scripted.state.refuse = 'run/resume';
    expect(await live.resume()).toBe(false);
    expect(live.actionError).toContain('extend it');
    expect(live.busy).toBeNull();
  });

  it('stops listening when the last holder lets go', async () => {
    const live = await freshStore();
    const releaseView = live.acquire('r1');
    const releaseMonitor = live.acquire('r1');
    await settle();
    expect(scripted.listenerCount()).toBe(2);
    releaseMonitor();
    expect(scripted.listenerCount()).toBe(2);
    releaseView();
    expect(scripted.listenerCount()).toBe(0);
    expect(live.runId).toBeNull();
  });

  it('keeps following the next run when a holder of the previous one lets go late', async () => {
    const live = await freshStore();
    const releaseView = live.acquire('r1');
    const releaseMonitor = live.acquire('r1');
    // The page moves to run r2: the view switches first, the monitor lets go of r1 afterwards.
    releaseView();
    const releaseViewAgain = live.acquire('r2');
    releaseMonitor();
    live.acquire('r2');
    await settle();
    expect(live.runId).toBe('r2');
    expect(scripted.listenerCount()).toBe(2);
    releaseViewAgain();
    expect(live.runId).toBe('r2');
  });
});

describe('run-diagnostics store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as { window?: unknown }).window;
  });

  async function freshDiagnostics() {
    await freshStore();
    const { useRunDiagnosticsStore } = await import('../../../renderer/src/stores/run-diagnostics');
    return useRunDiagnosticsStore();
  }

  it('shares one request between callers that do not force', async () => {
    const diagnostics = await freshDiagnostics();
    scripted.state.diagnostics = { findings: [], messages: [], mayMissMass: true, conditionNumbers: [3] };
    void diagnostics.load('r1');
    void diagnostics.load('r1');
    await settle();
    await diagnostics.load('r1');
    expect(callsOf('run/diagnostics')).toHaveLength(1);
    expect(diagnostics.of('r1').value?.mayMissMass).toBe(true);
  });

  it('asks again after the request on its way when forced meanwhile (the final diagnostics are not lost)', async () => {
    const diagnostics = await freshDiagnostics();
    scripted.state.diagnostics = { findings: [], messages: [], mayMissMass: false, conditionNumbers: [3] };
    void diagnostics.load('r1', { force: true });
    scripted.state.diagnostics = { findings: [], messages: [], mayMissMass: true, conditionNumbers: [3] };
    void diagnostics.load('r1', { force: true });
    await settle();
    expect(callsOf('run/diagnostics')).toHaveLength(2);
    expect(diagnostics.of('r1').value?.mayMissMass).toBe(true);
  });
});
