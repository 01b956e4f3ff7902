// The problem editor's store against a fake bridge: what a failed test evaluation does to the status.
import { describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import type { AppBridge, RequestOf } from '../../../electron/contract/channel-map';
import type { TestEvaluation } from '../../../electron/contract/types';
import { problemSummary, testEvaluation } from '../support/contract-values';
import { fakeBridge, installBridge, ok, refused, type FakeBridge } from '../support/fake-bridge';

/** A bridge validating every problem, answering test evaluations from `answers` in turn. */
function fakeEditorBridge(answers: TestEvaluation[]): FakeBridge {
  return fakeBridge({
    'problem/validate': () => ok({ valid: true, summary: problemSummary() }),
    'problem/test-evaluation': () => ok(answers.shift()!),
    // The model y = θ, failing at one draw.
    'problem/test-evaluations': (request) =>
      ok({
        points: request.thetas.map((theta, i) =>
          i === 3 ? evaluation({ theta, output: null, lengthOk: false, error: 'boom' }) : evaluation({ theta, output: [theta[0]!] }),
        ),
        seconds: 0.1,
        setupSeconds: 0.2,
        concurrency: 1,
        log: [],
      }),
  });
}

async function editorWith(bridge: AppBridge) {
  installBridge(bridge);
  vi.resetModules();
  const { useProblemEditorStore } = await import('../../../renderer/src/stores/problem-editor');
  const { useDraftStore } = await import('../../../renderer/src/stores/draft');
  setActivePinia(createPinia());
  return { editor: useProblemEditorStore(), draft: useDraftStore() };
}

const evaluation = testEvaluation;
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
    const fake = fakeEditorBridge([]);
    const { editor, draft } = await editorWith(fake.bridge);
    draft.load(priorProblem);
    await nextTick();
    await editor.checkPriorPredictive(20);
    const batches = fake.calls.filter((call) => call.channel.startsWith('problem/test-evaluation'));
    expect(batches.map((call) => call.channel)).toEqual(['problem/test-evaluations']);
    expect((batches[0]!.request as RequestOf<'problem/test-evaluations'>).thetas).toHaveLength(20);
    expect(editor.predictive).toMatchObject({ status: 'done', evaluations: 19, failed: 1 });
  });
});

describe('useProblemEditorStore test evaluation', () => {
  it('keeps a failed test on the status until the next good test, and never times a failed one', async () => {
    const { editor, draft } = await editorWith(fakeEditorBridge([wrongLength, evaluation({})]).bridge);
    await editor.validateNow();
    await editor.testEvaluation();
    expect(editor.testFailure).toBe('The last test evaluation failed: it returned 2 numbers, expected 1.');
    expect(draft.lastEvaluationSeconds).toBeNull();
    await editor.testEvaluation();
    expect(editor.testFailure).toBeNull();
    expect(draft.lastEvaluationSeconds).toBe(0.01);
  });

  it('forgets a failed test when the problem is edited', async () => {
    const { editor, draft } = await editorWith(fakeEditorBridge([wrongLength]).bridge);
    await editor.validateNow();
    await editor.testEvaluation();
    expect(editor.testFailure).not.toBeNull();
    draft.problem.name = 'edited';
    await nextTick();
    expect(editor.testFailure).toBeNull();
  });

  it("shows a model that cannot start on its field once, without repeating the field's path", async () => {
    const missing = 'model file "gone.mjs" not found (looked for /work/gone.mjs)';
    const { bridge } = fakeBridge({
      'problem/validate': () => ok({ valid: true, summary: problemSummary() }),
      'problem/test-evaluation': () => refused({ code: 'MODEL_SETUP', message: `model.path: ${missing}`, issues: [{ path: 'model.path', message: missing }] }),
    });
    const { editor } = await editorWith(bridge);
    await editor.validateNow();
    await editor.testEvaluation();
    expect(editor.errors).toEqual([{ path: 'model.path', message: missing }]);
    expect(editor.messageFor('model.path')).toBe(missing);
  });
});
