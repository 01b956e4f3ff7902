/**
 * The problem being edited: the problem file's JSON exactly as the user writes it
 * (problem-format.md §1), where it lives, and whether it has unsaved changes. The problem editor
 * edits parameters, observations and model; run setup edits `settings`; both start runs from it.
 * Kept in the tab's session storage (problem/draft-storage.ts), so a reload brings it back and
 * says so; New forgets it.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { useDebounced } from '../composables/useDebounced';
import { decodeDraft, DRAFT_STORAGE_KEY, encodeDraft, restoredNotice } from '../problem/draft-storage';
import { isUntouchedBlank } from '../setup/summary';

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

/** What the editor says about the draft found in session storage at start. */
export interface RestoreNotice {
  readonly type: 'info' | 'warning';
  readonly text: string;
}

/** How long edits pause before the draft is written to session storage (and on leaving the page). */
const KEEP_AFTER_MS = 250;

/** The tab's session storage; absent outside a browser (unit tests) or when the browser refuses it. */
function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export const useDraftStore = defineStore('draft', () => {
  const problem = ref<ProblemJson>(blankProblem());
  const origin = ref<DraftOrigin>({ problemDir: null, filePath: null, savedId: null });
  const dirty = ref(false);
  const restored = ref<RestoreNotice | null>(null);
  /** Why the draft could not be kept for a reload (storage full …), null while it is kept. */
  const keepError = ref<string | null>(null);

  function replace(content: ProblemJson, from: Partial<DraftOrigin>, dirtyAfter: boolean): void {
    problem.value = structuredClone(content);
    if (typeof problem.value.settings !== 'object' || problem.value.settings === null) problem.value.settings = {};
    origin.value = { problemDir: from.problemDir ?? null, filePath: from.filePath ?? null, savedId: from.savedId ?? null };
    // Loading is not an edit: the watcher below fires once for it, before this microtask.
    queueMicrotask(() => (dirty.value = dirtyAfter));
  }

  function load(content: ProblemJson, from: Partial<DraftOrigin> = {}): void {
    restored.value = null;
    replace(content, from, false);
  }

  /** A new, blank problem: what was kept for a reload is forgotten too. */
  function startNew(): void {
    load(blankProblem());
    sessionStore()?.removeItem(DRAFT_STORAGE_KEY);
    kept = null;
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

  const storage = sessionStore();
  /** What session storage holds as far as this page knows (null: nothing); only changes are written. */
  let kept = storage?.getItem(DRAFT_STORAGE_KEY) ?? null;
  if (kept !== null) {
    const decoded = decodeDraft(kept);
    if (decoded.ok) {
      replace(decoded.draft.problem, decoded.draft.origin, decoded.draft.dirty);
      restored.value = { type: 'info', text: restoredNotice(decoded.draft) };
    } else {
      storage!.removeItem(DRAFT_STORAGE_KEY);
      kept = null;
      restored.value = { type: 'warning', text: `The problem kept from before the page was reloaded could not be restored (${decoded.reason}): this is a new problem.` };
    }
  }

  /** Writes the draft for a reload; a blank, untouched problem needs nothing kept. */
  function keep(): void {
    if (!storage) return;
    keepSoon.cancel();
    const untouched = !origin.value.filePath && !origin.value.savedId && isUntouchedBlank(problem.value, blankProblem(), dirty.value);
    const next = untouched ? null : encodeDraft({ problem: problem.value, origin: origin.value, dirty: dirty.value });
    if (next === kept) return;
    try {
      if (next === null) storage.removeItem(DRAFT_STORAGE_KEY);
      else storage.setItem(DRAFT_STORAGE_KEY, next);
      kept = next;
      keepError.value = null;
    } catch (error) {
      keepError.value = `The problem could not be kept for a reload (${error instanceof Error ? error.message : String(error)}): save it to a file or the library.`;
    }
  }
  const keepSoon = useDebounced(keep, KEEP_AFTER_MS);
  if (storage) {
    watch([problem, origin, dirty], () => keepSoon(), { deep: true });
    // A reload right after a keystroke: write now rather than lose it.
    if (typeof window !== 'undefined') window.addEventListener('pagehide', keep);
  }

  /** The draft's model as a key: a timing of another model says nothing about this one. */
  const modelKey = computed(() => JSON.stringify(problem.value.model ?? null));
  const timing = ref<{ seconds: number; model: string } | null>(null);

  /** Keeps the time of a good test evaluation of `model` (the problem editor's; run setup's budget reads it). */
  function recordEvaluation(seconds: number, model: string): void {
    timing.value = { seconds, model };
  }

  /** Seconds one forward evaluation of the draft's current model took, null until one was tested. */
  const lastEvaluationSeconds = computed(() => (timing.value && timing.value.model === modelKey.value ? timing.value.seconds : null));

  return { problem, origin, dirty, restored, keepError, load, startNew, markSaved, setProblemDir, modelKey, recordEvaluation, lastEvaluationSeconds };
});
