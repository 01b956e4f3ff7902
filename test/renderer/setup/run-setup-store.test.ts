// The run-setup store against a fake bridge: measuring, the latest validation winning, starting.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Channel } from '../../../electron/contract/channels';
import type { AppError } from '../../../electron/contract/result';
import type { ValidationOutcome } from '../../../electron/contract/types';
import { runRecord } from '../runs/support';
import { testEvaluation } from '../support/contract-values';
import { fakeBridge, installBridge, ok, refused } from '../support/fake-bridge';

const fake = fakeBridge();
const calls = fake.calls;
// The bridge module prefers the desktop's window.gmki: the fake stands in for it.
installBridge(fake.bridge);
const { useRunSetupStore } = await import('../../../renderer/src/stores/run-setup');

const PROBLEM = { format: 'gmki-problem/1', name: 'p', settings: {} };

function evaluation(seconds: number, error: string | null = null) {
  return ok(testEvaluation({ output: error ? null : [1], lengthOk: !error, error, seconds, setupSeconds: 0.5 }));
}

beforeEach(() => {
  setActivePinia(createPinia());
  for (const channel of Object.keys(fake.answers) as Channel[]) delete fake.answers[channel];
  calls.length = 0;
});

describe('measure', () => {
  it('measures a cheap model three times and keeps the median, start-up excluded', async () => {
    const times = [0.9, 0.01, 0.02];
    fake.answers['problem/test-evaluation'] = () => evaluation(times.shift()!);
    const store = useRunSetupStore();
    await store.measure(PROBLEM, '/work/p', 'key');
    expect(calls.filter((call) => call.channel === 'problem/test-evaluation')).toHaveLength(3);
    expect(calls[0].request).toEqual({ problem: PROBLEM, problemDir: '/work/p' });
    expect(store.measurement).toEqual({ seconds: 0.02, count: 3, setupSeconds: 0.5, key: 'key' });
    expect(store.measuring).toBe(false);
  });

  it('does not run an expensive model again', async () => {
    fake.answers['problem/test-evaluation'] = () => evaluation(30);
    const store = useRunSetupStore();
    await store.measure(PROBLEM, null, 'key');
    expect(calls).toHaveLength(1);
    expect(calls[0].request).toEqual({ problem: PROBLEM });
    expect(store.measurement?.seconds).toBe(30);
    expect(store.measurement?.count).toBe(1);
  });

  it('reports the model’s own failure and keeps no time', async () => {
    fake.answers['problem/test-evaluation'] = () => evaluation(0.01, 'ValueError: bad mesh');
    const store = useRunSetupStore();
    await store.measure(PROBLEM, null, 'key');
    expect(store.measureError).toBe('The model failed: ValueError: bad mesh');
    expect(store.measurement).toBeNull();
  });
});

describe('validate', () => {
  it('keeps the answer to the latest request when answers arrive out of order', async () => {
    const pending: ((outcome: ValidationOutcome) => void)[] = [];
    fake.answers['problem/validate'] = () => new Promise((resolve) => pending.push((outcome) => resolve(ok(outcome))));
    const store = useRunSetupStore();
    const first = store.validate({ ...PROBLEM, name: 'old' });
    const second = store.validate({ ...PROBLEM, name: 'new' });
    pending[1]!({ valid: false, errors: [{ path: 'name', message: 'new' }] });
    await second;
    pending[0]!({ valid: false, errors: [{ path: 'name', message: 'old' }] });
    await first;
    expect(store.validation).toEqual({ valid: false, errors: [{ path: 'name', message: 'new' }] });
    expect(store.validating).toBe(false);
  });
});

describe('start', () => {
  it('sends the trimmed name and the folder, and refreshes the queue', async () => {
    const started = runRecord({ id: 'r1', status: 'queued' });
    fake.answers['run/start'] = () => ok(started);
    fake.answers['runs/list'] = (request) => ok({ runs: [], total: request.status === 'running' ? 1 : 2 });
    const store = useRunSetupStore();
    const record = await store.start(PROBLEM, '/work/p', '  first try ');
    expect(record).toEqual(started);
    expect(calls[0]).toEqual({ channel: 'run/start', request: { problem: PROBLEM, problemDir: '/work/p', name: 'first try' } });
    await vi.waitFor(() => expect(store.queue).toEqual({ running: 1, queued: 2 }));
  });

  it('leaves out an empty name and keeps the error with its issues', async () => {
    const error: AppError = { code: 'INVALID_PROBLEM', message: 'invalid', issues: [{ path: 'settings.components', message: 'expected an integer ≥ 1, got 0' }] };
    fake.answers['run/start'] = () => refused(error);
    const store = useRunSetupStore();
    expect(await store.start(PROBLEM, null, '   ')).toBeNull();
    expect(calls[0].request).toEqual({ problem: PROBLEM });
    expect(store.startError).toEqual(error);
    expect(store.starting).toBe(false);
  });
});
