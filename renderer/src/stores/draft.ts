/**
 * The problem being edited: the problem file's JSON exactly as the user writes it
 * (problem-format.md §1), where it lives, and whether it has unsaved changes. The problem editor
 * edits parameters, observations and model; run setup edits `settings`; both start runs from it.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';

export type ProblemJson = Record<string, unknown>;

/** Where the draft came from, so that relative model paths resolve and Save knows its target. */
export interface DraftOrigin {
  /** Absolute folder against which the problem's relative paths resolve. */
  readonly problemDir: string | null;
  /** The `.gmki.json` file it was opened from or last saved to. */
  readonly filePath: string | null;
  /** The id of the problem saved in the app's database, if it is one. */
  readonly savedId: string | null;
}

/** A new problem: one parameter, one observation, a JavaScript model still to choose. */
export function blankProblem(): ProblemJson {
  return {
    format: 'gmki-problem/1',
    name: 'untitled',
    parameters: [{ name: 'theta1', prior: { mean: 0, std: 1 } }],
    observations: { values: [0], noise: { std: 1 } },
    model: { type: 'javascript', path: '' },
    settings: {},
  };
}

export const useDraftStore = defineStore('draft', () => {
  const problem = ref<ProblemJson>(blankProblem());
  const origin = ref<DraftOrigin>({ problemDir: null, filePath: null, savedId: null });
  const dirty = ref(false);

  function load(content: ProblemJson, from: Partial<DraftOrigin> = {}): void {
    problem.value = structuredClone(content);
    if (typeof problem.value.settings !== 'object' || problem.value.settings === null) problem.value.settings = {};
    origin.value = { problemDir: from.problemDir ?? null, filePath: from.filePath ?? null, savedId: from.savedId ?? null };
    // Loading is not an edit: the watcher below fires once for it.
    queueMicrotask(() => (dirty.value = false));
  }

  function markSaved(to: Partial<DraftOrigin>): void {
    origin.value = { ...origin.value, ...to };
    dirty.value = false;
  }

  /** Sets the folder relative model paths resolve against (a browser cannot pick one natively). */
  function setProblemDir(problemDir: string | null): void {
    origin.value = { ...origin.value, problemDir };
  }

  watch(problem, () => (dirty.value = true), { deep: true });

  /** The draft's model as a key: a timing of another model says nothing about this one. */
  const modelKey = computed(() => JSON.stringify(problem.value.model ?? null));
  const timing = ref<{ seconds: number; model: string } | null>(null);

  /** Keeps the time of a good test evaluation of `model` (the problem editor's; run setup's budget reads it). */
  function recordEvaluation(seconds: number, model: string): void {
    timing.value = { seconds, model };
  }

  /** Seconds one forward evaluation of the draft's current model took, null until one was tested. */
  const lastEvaluationSeconds = computed(() => (timing.value && timing.value.model === modelKey.value ? timing.value.seconds : null));

  return { problem, origin, dirty, load, markSaved, setProblemDir, modelKey, recordEvaluation, lastEvaluationSeconds };
});
