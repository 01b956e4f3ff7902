// The run detail's store against a fake bridge: what it asks for, and reloading when a run settles.
import { describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { ProblemFileAsRun } from '../../../core/problem/types';
import type { AppBridge, RequestOf } from '../../../electron/contract/channel-map';
import type { EvaluationEntry } from '../../../electron/contract/types';
import { DEFAULT_TEST_SETTINGS } from '../../support/problems';
import { iterationData } from '../support/contract-values';
import { fakeBridge, installBridge, ok } from '../support/fake-bridge';
import { runRecord } from './support';

function setup(status: 'running' | 'completed' | 'failed') {
  let done = 4;
  const fake = fakeBridge({
    'run/get': () => ok(runRecord({ id: 'r', status: done === 4 ? status : 'completed', iterationsDone: done, problemName: 'p' })),
    'run/iterations': ({ runId, from }) => ok({ runId, parameterNames: ['a'], space: 'unconstrained', iterations: [iterationData(from ?? 0)] }),
    'run/evaluations': ({ iteration }) => ok({ evaluations: [evaluationEntry(iteration ?? 0)], total: 1 }),
  });
  return { ...fake, finish: () => (done = 6) };
}

/** The first sigma point's evaluation of an iteration. */
function evaluationEntry(iteration: number): EvaluationEntry {
  return { iteration, pointIndex: 0, component: 0, sigmaPoint: 0, theta: [0], output: [1], error: null, durationMs: 1, slot: 0, attempts: 1 };
}

async function store(bridge: AppBridge) {
  installBridge(bridge);
  vi.resetModules();
  const { useRunDetailStore } = await import('../../../renderer/src/stores/run-detail');
  setActivePinia(createPinia());
  return useRunDetailStore();
}

describe('useRunDetailStore', () => {
  it("reads the run, only its last iteration, and that iteration's ledger", async () => {
    const fake = setup('completed');
    const detail = await store(fake.bridge);
    await detail.load('r');
    expect(detail.state).toBe('ready');
    expect(detail.last?.iteration).toBe(4);
    expect(detail.evaluations).toHaveLength(1);
    expect(fake.calls).toEqual([
      { channel: 'run/get', request: { runId: 'r' } },
      { channel: 'run/iterations', request: { runId: 'r', from: 4 } },
      { channel: 'run/evaluations', request: { runId: 'r', iteration: 4, limit: 10_000 } },
    ]);
    expect(fake.listenerCount()).toBe(0);
  });

  it('reloads a running run once it settles, then stops listening', async () => {
    const fake = setup('running');
    const detail = await store(fake.bridge);
    await detail.load('r');
    expect(fake.listenerCount('run/status')).toBe(1);
    fake.finish();
    fake.emit('run/status', { runId: 'other', status: 'completed', error: null });
    expect(detail.last?.iteration).toBe(4);
    fake.emit('run/status', { runId: 'r', status: 'completed', error: null });
    await vi.waitFor(() => expect(detail.last?.iteration).toBe(6));
    expect(detail.run?.status).toBe('completed');
    expect(fake.listenerCount()).toBe(0);
  });
});

describe('useRunDetailStore predictive band', () => {
  const problem: ProblemFileAsRun = {
    format: 'gmki-problem/1',
    name: 'p',
    parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
    observations: { values: [1], noise: { std: 0.5 } },
    model: { type: 'javascript', path: 'model.mjs' },
    settings: { ...DEFAULT_TEST_SETTINGS, components: 1, concurrency: 1 },
  };

  it("evaluates the model at the exports' first posterior samples in one batch and keeps the band of the good outputs", async () => {
    const last = iterationData(2, { means: [[3]], covariances: [[[0.04]]], forwardEvaluations: 6, elapsedSeconds: 1 });
    const { bridge, calls } = fakeBridge({
      'run/get': () => ok(runRecord({ id: 'r', iterationsDone: 2, seed: 5, problemDir: '/data', problem })),
      'run/iterations': () => ok({ runId: 'r', parameterNames: ['a'], space: 'unconstrained', iterations: [last] }),
      'run/evaluations': () => ok({ evaluations: [], total: 0 }),
      // G(a) = 2a, failing at the last sample.
      'problem/test-evaluations': ({ thetas }) =>
        ok({
          points: thetas.map((theta, i) => {
            const fails = i === thetas.length - 1;
            return { theta, output: fails ? null : [2 * theta[0]!], returned: null, expectedLength: 1, lengthOk: !fails, error: fails ? 'boom' : null, seconds: 0 };
          }),
          seconds: 0.5,
          setupSeconds: 0.1,
          concurrency: 1,
          log: [],
        }),
    });
    const detail = await store(bridge);
    await detail.load('r');
    await detail.evaluatePredictive(50);

    const batch = calls.find((call) => call.channel === 'problem/test-evaluations')!.request as RequestOf<'problem/test-evaluations'>;
    expect(batch.problemDir).toBe('/data');
    const thetas = batch.thetas;
    expect(thetas).toHaveLength(50);
    // The same rows as the samples export of this seed.
    const { posteriorSamples } = await import('../../../renderer/src/runs/samples');
    const { mixtureOf } = await import('../../../renderer/src/runs/mixture');
    const expected = posteriorSamples(mixtureOf(last), [{ kind: 'identity', toPhysical: (u: number) => u, toUnconstrained: (x: number) => x }], 5, 50);
    expect(thetas.map(([a]) => a)).toEqual(Array.from(expected));

    const band = detail.band;
    expect(band.status).toBe('done');
    if (band.status !== 'done') return;
    expect(band.failed).toBe(1);
    expect(band.firstError).toBe('boom');
    expect(band.band.samples).toBe(49);
    // G = 2a with a ~ N(3, 0.2²): the 90 % band of outputs is about 6 ± 1.645·0.4, new data wider.
    expect(band.band.median[0]).toBeCloseTo(6, 0);
    expect(band.band.noisyHigh[0]! - band.band.noisyLow[0]!).toBeGreaterThan(band.band.high[0]! - band.band.low[0]!);
  });
});
