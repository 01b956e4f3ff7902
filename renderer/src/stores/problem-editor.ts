/**
 * The problem editor's checks: `problem/validate` on every change of the draft (debounced, stale
 * replies dropped), each error placed on its field, and the test evaluation of the model. Run
 * setup reads `lastEvaluationSeconds` for its budget estimate.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { AppError } from '../../../electron/contract/result';
import type { ProblemError, ProblemSummary, TestEvaluation } from '../../../electron/contract/types';
import { useBridge } from '../bridge/index';
import { useDebounced } from '../composables/useDebounced';
import { editorFields, groupByField, messageOnField } from '../problem/field-paths';
import { plainCopy } from '../problem/json-path';
import { planPriorPredictive, summarizePriorPredictive, type PredictiveRow } from '../problem/prior-predictive';
import { testFailureSentence } from '../problem/test-evaluation';
import { useDraftStore } from './draft';

/** How long typing pauses before the draft is validated. */
const VALIDATE_AFTER_MS = 300;

export type ValidationState =
  | { readonly status: 'pending' }
  | { readonly status: 'valid'; readonly summary: ProblemSummary }
  | { readonly status: 'invalid'; readonly errors: readonly ProblemError[] }
  /** The check itself could not run (server gone): no verdict on the problem. */
  | { readonly status: 'failed'; readonly message: string };

export type EvaluationState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly result: TestEvaluation }
  | { readonly status: 'failed'; readonly error: AppError };

export type PredictiveState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly total: number }
  | { readonly status: 'done'; readonly rows: readonly PredictiveRow[]; readonly evaluations: number; readonly failed: number }
  | { readonly status: 'failed'; readonly message: string };

export const useProblemEditorStore = defineStore('problem-editor', () => {
  const draft = useDraftStore();
  /** The last verdict; kept on screen while the next check runs, so the page does not flicker. */
  const validation = shallowRef<ValidationState>({ status: 'pending' });
  /** A check of the current draft is scheduled or on its way. */
  const checking = ref(true);
  const evaluation = shallowRef<EvaluationState>({ status: 'idle' });
  /** A MODEL_SETUP failure of the last test evaluation, shown on its model field until the model changes. */
  const modelError = shallowRef<ProblemError | null>(null);
  /** Why the last test evaluation failed, in place of "Ready" until the next good test or the next edit. */
  const testFailure = ref<string | null>(null);
  let requestNumber = 0;
  const validateLater = useDebounced(() => void validateNow(), VALIDATE_AFTER_MS);

  async function validateNow(): Promise<void> {
    validateLater.cancel();
    const mine = ++requestNumber;
    const reply = await useBridge().invoke('problem/validate', { problem: plainCopy(draft.problem) });
    if (mine !== requestNumber) return;
    checking.value = false;
    if (!reply.ok) validation.value = { status: 'failed', message: reply.error.message };
    else if (reply.value.valid) validation.value = { status: 'valid', summary: reply.value.summary };
    else validation.value = { status: 'invalid', errors: reply.value.errors };
  }

  function scheduleValidation(): void {
    checking.value = true;
    validateLater();
  }

  watch(() => draft.problem, scheduleValidation, { deep: true, immediate: true });
  // An edit may have fixed what the test found: the status goes back to the validation's.
  watch(
    () => draft.problem,
    () => (testFailure.value = null),
    { deep: true },
  );
  const modelKey = computed(() => draft.modelKey);
  // A result or failure of the previous model says nothing about this one.
  watch(modelKey, () => {
    modelError.value = null;
    if (evaluation.value.status !== 'running') evaluation.value = { status: 'idle' };
  });

  /** Every error: validation's, then the model's own setup failure. */
  const errors = computed<readonly ProblemError[]>(() => [
    ...(validation.value.status === 'invalid' ? validation.value.errors : []),
    ...(modelError.value ? [modelError.value] : []),
  ]);
  const fields = computed(() => editorFields(draft.problem));
  const errorsByField = computed(() => groupByField(errors.value, fields.value));

  /** The messages to show on the field at `path` ('' when it has none). */
  function messageFor(path: string): string {
    return (errorsByField.value.get(path) ?? []).map((e) => messageOnField(e, path)).join('; ');
  }

  /** The draft as it is now passed every check (Continue to run setup). */
  const isValid = computed(() => !checking.value && validation.value.status === 'valid' && modelError.value === null);

  /** One forward evaluation as the run would do it; θ defaults to the prior mean on the server. */
  async function testEvaluation(theta?: number[]): Promise<void> {
    evaluation.value = { status: 'running' };
    const model = modelKey.value;
    const problemDir = draft.origin.problemDir ?? undefined;
    const reply = await useBridge().invoke('problem/test-evaluation', { problem: plainCopy(draft.problem), problemDir, theta });
    if (!reply.ok) {
      evaluation.value = { status: 'failed', error: reply.error };
      testFailure.value = `The last test evaluation failed: ${reply.error.message.replace(/\.$/, '')}.`;
      // The issue holds the field's own message; the error's message starts with the field's path already.
      const issue = reply.error.issues?.[0];
      if (reply.error.code === 'MODEL_SETUP') modelError.value = { path: issue?.path ?? 'model', message: issue?.message ?? reply.error.message };
      return;
    }
    evaluation.value = { status: 'done', result: reply.value };
    testFailure.value = testFailureSentence(reply.value);
    if (testFailure.value === null) {
      draft.recordEvaluation(reply.value.seconds, model);
    }
  }

  const predictive = shallowRef<PredictiveState>({ status: 'idle' });

  /**
   * The prior-predictive check: the model at `n` θ drawn from the prior, in one batch of test
   * evaluations (one model host for all); abandoned when the draft changes meanwhile.
   */
  async function checkPriorPredictive(n: number): Promise<void> {
    const problem = plainCopy(draft.problem);
    const planned = planPriorPredictive(problem, n);
    if (!planned.ok) return void (predictive.value = { status: 'failed', message: planned.message });
    const snapshot = JSON.stringify(problem);
    const problemDir = draft.origin.problemDir ?? undefined;
    predictive.value = { status: 'running', total: n };
    const reply = await useBridge().invoke('problem/test-evaluations', { problem, problemDir, thetas: planned.plan.thetas.map((theta) => [...theta]) });
    if (JSON.stringify(draft.problem) !== snapshot) return void (predictive.value = { status: 'idle' });
    if (!reply.ok) return void (predictive.value = { status: 'failed', message: reply.error.message });
    const outputs = reply.value.points.flatMap((point) => (point.output && point.lengthOk ? [[...point.output]] : []));
    const failed = n - outputs.length;
    predictive.value =
      outputs.length < 2
        ? { status: 'failed', message: `The model failed at ${failed} of ${n} prior draws: test one evaluation to see why.` }
        : { status: 'done', rows: summarizePriorPredictive(planned.plan, outputs), evaluations: outputs.length, failed };
  }
  // A result about another problem would mislead.
  watch(
    () => draft.problem,
    () => {
      if (predictive.value.status === 'done') predictive.value = { status: 'idle' };
    },
    { deep: true },
  );

  /** Seconds one forward evaluation of the draft's current model took (kept in the draft store). */
  const lastEvaluationSeconds = computed(() => draft.lastEvaluationSeconds);

  return {
    validation,
    checking,
    evaluation,
    testFailure,
    errors,
    modelError,
    isValid,
    messageFor,
    validateNow,
    testEvaluation,
    lastEvaluationSeconds,
    predictive,
    checkPriorPredictive,
  };
});
