// The reference-check store against a fake bridge typed against the contract: queueing the smc
// run of a run's problem, tagging and noting it, finding a run's references, following them.
import { describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { resolveSettings } from '../../../core/problem/settings';
import type { RunRecord, RunSummary } from '../../../electron/contract/types';
import { fakeBridge, installBridge, ok, type FakeAnswers, type FakeBridge } from '../support/fake-bridge';
import { runSummary } from './support';

const original: RunRecord = {
  ...runSummary({ id: 'orig', name: 'Two-modal', method: 'gmki-robust', nTheta: 2, problemDir: '/problems' }),
  problem: { format: 'gmki-problem/1', name: 'Two-modal', settings: resolveSettings({ concurrency: 2 }, { cpuCount: 2 }) },
};
const knobs = { particles: 400, mhSteps: 4, maxStages: 10 };

function server(overrides: FakeAnswers = {}): { fake: FakeBridge; listed: RunSummary[] } {
  const listed: RunSummary[] = [];
  let record: RunRecord | null = null;
  const fake = fakeBridge({
    'run/start': (request) => {
      record = { ...runSummary({ id: 'ref', name: request.name ?? '', method: 'smc', status: 'queued' }), problem: request.problem as RunRecord['problem'] };
      return ok(record);
    },
    'run/tags': (request) => ok({ ...record!, tags: request.tags }),
    'run/notes': (request) => {
      record = { ...record!, notes: request.notes, tags: ['reference'] };
      listed.push({ ...record, problemName: 'Two-modal' });
      return ok(record);
    },
    'runs/list': () =>
      ok({
        runs: [...listed, { ...runSummary({ id: 'other', tags: ['reference'], notes: 'Reference sampler for run orig2 (x): …' }), problemName: 'x' }],
        total: listed.length + 1,
      }),
    'run/get': (request) => (request.runId === 'orig' ? ok(original) : { ok: false, error: { code: 'NOT_FOUND', message: `There is no run with id ${request.runId}.` } }),
    ...overrides,
  });
  return { fake, listed };
}

async function referenceStore(fake: FakeBridge) {
  installBridge(fake.bridge);
  vi.resetModules();
  const { useReferenceCheckStore } = await import('../../../renderer/src/stores/reference-check');
  setActivePinia(createPinia());
  return useReferenceCheckStore();
}

describe('useReferenceCheckStore', () => {
  it('queues an smc run of the problem as run, named after it, in its folder; tags and notes it; then lists it as a reference', async () => {
    const { fake } = server();
    const store = await referenceStore(fake);
    const started = await store.start(original, knobs);
    expect(started).toMatchObject({ id: 'ref', tags: ['reference'] });
    expect(fake.calls.map((call) => call.channel)).toEqual(['run/start', 'run/tags', 'run/notes', 'runs/list']);
    const start = fake.calls[0]!.request as { problem: { settings: Record<string, unknown> }; problemDir: string; name: string };
    expect(start.problemDir).toBe('/problems');
    expect(start.name).toBe('Reference (smc) for Two-modal');
    expect(start.problem.settings).toMatchObject({ method: 'smc', particles: 400, mhSteps: 4, maxStages: 10, initialization: { type: 'prior' } });
    expect(fake.calls[1]!.request).toEqual({ runId: 'ref', tags: ['reference'] });
    expect((fake.calls[2]!.request as { notes: string }).notes).toContain('Reference sampler for run orig (Two-modal)');
    expect(fake.calls[3]!.request).toEqual({ tag: 'reference', search: 'orig', limit: 50 });
    // The list's other reference (of run orig2) is not this run's.
    expect(store.references.map((run) => run.id)).toEqual(['ref']);
    expect(store.linkWarning).toBeNull();
  });

  it('keeps the start’s refusal, and warns when the run started but could not be linked', async () => {
    const refused = server({ 'run/start': () => ({ ok: false, error: { code: 'INVALID_PROBLEM', message: 'settings.particles: expected …' } }) });
    const store = await referenceStore(refused.fake);
    expect(await store.start(original, knobs)).toBeNull();
    expect(store.startError?.code).toBe('INVALID_PROBLEM');

    const unlinked = server({ 'run/notes': () => ({ ok: false, error: { code: 'IO', message: 'the disk is full' } }) });
    const second = await referenceStore(unlinked.fake);
    expect(await second.start(original, knobs)).toMatchObject({ id: 'ref' });
    expect(second.linkWarning).toBe('The reference run started, but could not be linked to this run (the disk is full); compare them by hand.');
  });

  it('follows the references: a status change of one of them lists them again; the unsubscribe lets go', async () => {
    const { fake } = server();
    const store = await referenceStore(fake);
    await store.start(original, knobs);
    const stop = store.follow('orig');
    await vi.waitFor(() => expect(fake.calls.filter((call) => call.channel === 'runs/list')).toHaveLength(2));
    fake.emit('run/status', { runId: 'unrelated', status: 'completed', error: null });
    fake.emit('run/status', { runId: 'ref', status: 'completed', error: null });
    await vi.waitFor(() => expect(fake.calls.filter((call) => call.channel === 'runs/list')).toHaveLength(3));
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('reads the original of a reference run, or null when it is gone', async () => {
    const { fake } = server();
    const store = await referenceStore(fake);
    expect((await store.original('orig'))?.name).toBe('Two-modal');
    expect(await store.original('gone')).toBeNull();
  });
});
