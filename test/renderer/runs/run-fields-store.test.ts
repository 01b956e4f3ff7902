// The field maps' store against a fake bridge: one request per run at a time, the newest iteration
// asked for next, spaced so that a fast run's monitor does not keep the hook's threads busy.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { RunFields } from '../../../electron/contract/types';
import { fakeBridge, installBridge, ok, refused, type FakeBridge } from '../support/fake-bridge';

function answer(iteration: number): RunFields {
  const grids = [{ name: 'k', label: 'k', nx: 1, ny: 1, x: [0, 0] as const, y: [0, 0] as const, values: [iteration] }];
  return { iteration, components: [{ component: 0, weight: 1, theta: [iteration], grids, error: null, seconds: 0.1 }], omitted: 0, reference: null, seconds: 0.1 };
}

/** A bridge whose run/fields answers when the test says so, after `tookMs` of (fake) time. */
function slowBridge(tookMs = 100) {
  const pending: (() => void)[] = [];
  const fake = fakeBridge({
    'run/fields': ({ iteration }) =>
      new Promise((resolve) => {
        pending.push(() => {
          vi.advanceTimersByTime(tookMs);
          resolve(ok(answer(iteration ?? 0)));
        });
      }),
  });
  const answerNext = async () => {
    pending.shift()!();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { fake, answerNext };
}

async function store(fake: FakeBridge) {
  installBridge(fake.bridge);
  vi.resetModules();
  const module = await import('../../../renderer/src/stores/run-fields');
  setActivePinia(createPinia());
  return { fields: module.useRunFieldsStore(), MIN_GAP_MS: module.MIN_GAP_MS, GAP_FACTOR: module.GAP_FACTOR };
}

const asked = (fake: FakeBridge) => fake.calls.map((call) => (call.request as { iteration?: number }).iteration);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useRunFieldsStore', () => {
  it('asks once per iteration, keeps the maps on screen while the next are on their way, and skips to the newest', async () => {
    const { fake, answerNext } = slowBridge();
    const { fields, MIN_GAP_MS } = await store(fake);
    void fields.load('r', 1);
    expect(fields.of('r')).toMatchObject({ loading: true, iteration: 1, value: null });
    // Iterations 2 and 3 arrive while 1 is being evaluated: only 3 is asked for next.
    void fields.load('r', 2);
    void fields.load('r', 3);
    await answerNext();
    expect(fields.of('r').value?.iteration).toBe(1);
    expect(asked(fake)).toEqual([1]);
    // Not before the gap has passed; the maps of iteration 1 stay meanwhile.
    await vi.advanceTimersByTimeAsync(MIN_GAP_MS - 1);
    expect(asked(fake)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked(fake)).toEqual([1, 3]);
    expect(fields.of('r')).toMatchObject({ loading: true, iteration: 3, value: { iteration: 1 } });
    await answerNext();
    expect(fields.of('r').value?.iteration).toBe(3);
    // The same iteration again (the Result tab after the monitor): no new request.
    await vi.advanceTimersByTimeAsync(10 * MIN_GAP_MS);
    void fields.load('r', 3);
    expect(asked(fake)).toEqual([1, 3]);
  });

  it('waits GAP_FACTOR times as long as a slow hook took before asking again', async () => {
    const { fake, answerNext } = slowBridge(3000);
    const { fields, GAP_FACTOR } = await store(fake);
    void fields.load('r', 1);
    await answerNext();
    void fields.load('r', 2);
    await vi.advanceTimersByTimeAsync(GAP_FACTOR * 3000 - 1);
    expect(asked(fake)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked(fake)).toEqual([1, 2]);
  });

  it('says when the problem has no hook, and keeps a refusal with its message', async () => {
    const fake = fakeBridge({
      'run/fields': ({ runId }) =>
        runId === 'plain'
          ? ok(null)
          : refused({ code: 'MODEL_SETUP', message: 'fields module "gone.mjs" not found', issues: [{ path: 'fields.path', message: 'not found' }] }),
    });
    const { fields } = await store(fake);
    await fields.load('plain', 2);
    expect(fields.of('plain')).toMatchObject({ noHook: true, value: null, error: null });
    await fields.load('broken', 2);
    expect(fields.of('broken')).toMatchObject({ noHook: false, error: { code: 'MODEL_SETUP', message: 'fields module "gone.mjs" not found' } });
    // Each run has its own state; one never asked about is empty.
    expect(fields.of('other')).toMatchObject({ loading: false, iteration: null, value: null, noHook: false, error: null });
  });
});
