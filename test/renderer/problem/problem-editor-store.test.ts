// The problem editor's store against a fake bridge: what a failed test evaluation does to the status.
import { describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import type { AppBridge } from '../../../electron/contract/channel-map';
import type { TestEvaluation } from '../../../electron/contract/types';

function fakeBridge(answers: TestEvaluation[], calls: [string, Record<string, unknown>][] = []) {
  const summary = { nTheta: 1, nOutputs: 1, evaluationsPerIteration: 9 };
  return {
    invoke: async (channel: string, request: Record<string, unknown>) => {
      calls.push([channel, request]);
      if (channel === 'problem/validate') return { ok: true, value: { valid: true, summary } };
      if (channel === 'problem/test-evaluation') return { ok: true, value: answers.shift() };
      if (channel === 'problem/test-evaluations') {
        // The model y = θ, failing at one draw.
        const points = (request.thetas as number[][]).map((theta, i) =>
          i === 3 ? evaluation({ theta, output: null, lengthOk: false, error: 'boom' }) : evaluation({ theta, output: [theta[0]!] }),
        );
        return { ok: true, value: { points, seconds: 0.1, setupSeconds: 0.2, concurrency: 1, log: [] } };
      }
      throw new Error(`unexpected channel ${channel}`);
    },
    subscribe: () => () => undefined,
  } as unknown as AppBridge;
}

async function editorWith(bridge: AppBridge) {
  (globalThis as { window?: unknown }).window = { gmki: bridge };
  vi.resetModules();
  const { useProblemEditorStore } = await import('../../../renderer/src/stores/problem-editor');
  const { useDraftStore } = await import('../../../renderer/src/stores/draft');
  setActivePinia(createPinia());
  return { editor: useProblemEditorStore(), draft: useDraftStore() };
}

const evaluation = (overrides: Partial<TestEvaluation>): TestEvaluation => ({
  theta: [0],
  output: [1],
  returned: null,
  expectedLength: 1,
  lengthOk: true,
  error: null,
  seconds: 0.01,
  setupSeconds: 0.1,
  log: [],
  ...overrides,
});
const wrongLength = evaluation({ output: null, returned: [0, 2], lengthOk: false, error: 'it returned 2 numbers, expected 1' });

const priorProblem = {
  format: 'gmki-problem/1',
  name: 'p',
  parameters: [{ name: 'a', prior: { mean: 0, std: 1 } }],
  observations: { values: [0.3], noise: { std: 0.1 } },
  model: { type: 'javascript', path: '/models/identity.mjs' },
  settings: {},
};

describe('useProblemEditorStore prior-predictive check', () => {
  it('evaluates the prior draws in one batch of test evaluations and leaves out the failed ones', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    const { editor, draft } = await editorWith(fakeBridge([], calls));
    draft.load(priorProblem);
    await nextTick();
    await editor.checkPriorPredictive(20);
    const batches = calls.filter(([channel]) => channel.startsWith('problem/test-evaluation'));
    expect(batches.map(([channel]) => channel)).toEqual(['problem/test-evaluations']);
    expect((batches[0]![1].thetas as number[][]).length).toBe(20);
    expect(editor.predictive).toMatchObject({ status: 'done', evaluations: 19, failed: 1 });
  });
});

describe('useProblemEditorStore test evaluation', () => {
  it('keeps a failed test on the status until the next good test, and never times a failed one', async () => {
    const { editor, draft } = await editorWith(fakeBridge([wrongLength, evaluation({})]));
    await editor.validateNow();
    await editor.testEvaluation();
    expect(editor.testFailure).toBe('The last test evaluation failed: it returned 2 numbers, expected 1.');
    expect(draft.lastEvaluationSeconds).toBeNull();
    await editor.testEvaluation();
    expect(editor.testFailure).toBeNull();
    expect(draft.lastEvaluationSeconds).toBe(0.01);
  });

  it('forgets a failed test when the problem is edited', async () => {
    const { editor, draft } = await editorWith(fakeBridge([wrongLength]));
    await editor.validateNow();
    await editor.testEvaluation();
    expect(editor.testFailure).not.toBeNull();
    draft.problem.name = 'edited';
    await nextTick();
    expect(editor.testFailure).toBeNull();
  });

  it('shows a model that cannot start on its field once, without repeating the field\'s path', async () => {
    const missing = 'model file "gone.mjs" not found (looked for /work/gone.mjs)';
    const bridge = {
      invoke: async (channel: string) => {
        if (channel === 'problem/validate') return { ok: true, value: { valid: true, summary: { nTheta: 1, nOutputs: 1, evaluationsPerIteration: 9 } } };
        return { ok: false, error: { code: 'MODEL_SETUP', message: `model.path: ${missing}`, issues: [{ path: 'model.path', message: missing }] } };
      },
      subscribe: () => () => undefined,
    } as unknown as AppBridge;
    const { editor } = await editorWith(bridge);
    await editor.validateNow();
    await editor.testEvaluation();
    expect(editor.errors).toEqual([{ path: 'model.path', message: missing }]);
    expect(editor.messageFor('model.path')).toBe(missing);
  });
});
