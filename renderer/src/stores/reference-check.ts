/**
 * "Check with a reference sampler" on a run's result (runs/reference-run.ts): queueing an smc run
 * of the same problem, tagged and noted so that it names its original, and finding the reference
 * runs of a run (and the original of a reference run) to compare them. Follows their status, so
 * the card can offer Compare once a reference has finished.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AppError } from '../../../electron/contract/result';
import type { RunRecord, RunSummary } from '../../../electron/contract/types';
import { useBridge } from '../bridge/index';
import { referenceName, referenceNote, referenceProblem, REFERENCE_TAG, type ReferenceKnobs } from '../runs/reference-run';

export const useReferenceCheckStore = defineStore('reference-check', () => {
  const bridge = useBridge();

  /** The run whose references are held. */
  const forRun = ref<string | null>(null);
  /** Its reference runs, newest first. */
  const references = shallowRef<readonly RunSummary[]>([]);
  const starting = ref(false);
  const startError = shallowRef<AppError | null>(null);
  /** Said when the run started but its tag or note could not be written (it then cannot be found from the original). */
  const linkWarning = ref<string | null>(null);
  let stopFollowing: (() => void) | null = null;

  /** The reference runs of run `id`: tagged `reference`, their note naming `id`. */
  async function loadReferences(id: string): Promise<void> {
    forRun.value = id;
    const reply = await bridge.invoke('runs/list', { tag: REFERENCE_TAG, search: id, limit: 50 });
    if (forRun.value !== id) return;
    references.value = reply.ok ? reply.value.runs.filter((run) => run.notes.includes(`run ${id} `)) : [];
  }

  /** Keeps the references of `id` current as runs change status; returns the unsubscribe function. */
  function follow(id: string): () => void {
    stopFollowing?.();
    void loadReferences(id);
    const stop = bridge.subscribe('run/status', (change) => {
      if (change.runId === id || references.value.some((run) => run.id === change.runId)) void loadReferences(id);
    });
    stopFollowing = stop;
    return () => {
      stop();
      if (stopFollowing === stop) stopFollowing = null;
    };
  }

  /** Queues the reference run of `original`; its record, or null with `startError` set. */
  async function start(original: RunRecord, knobs: ReferenceKnobs): Promise<RunRecord | null> {
    starting.value = true;
    startError.value = null;
    linkWarning.value = null;
    const started = await bridge.invoke('run/start', {
      problem: referenceProblem(original.problem, knobs),
      ...(original.problemDir ? { problemDir: original.problemDir } : {}),
      name: referenceName(original),
    });
    if (!started.ok) {
      starting.value = false;
      startError.value = started.error;
      return null;
    }
    const id = started.value.id;
    const [tagged, noted] = await Promise.all([
      bridge.invoke('run/tags', { runId: id, tags: [REFERENCE_TAG] }),
      bridge.invoke('run/notes', { runId: id, notes: referenceNote(original, knobs) }),
    ]);
    const failed = [tagged, noted].find((reply) => !reply.ok);
    if (failed && !failed.ok) linkWarning.value = `The reference run started, but could not be linked to this run (${failed.error.message}); compare them by hand.`;
    starting.value = false;
    await loadReferences(original.id);
    return noted.ok ? noted.value : started.value;
  }

  /** The run a reference run checks, or null when it is gone or unreadable. */
  async function original(id: string): Promise<RunRecord | null> {
    const reply = await bridge.invoke('run/get', { runId: id });
    return reply.ok ? reply.value : null;
  }

  return { forRun, references, starting, startError, linkWarning, loadReferences, follow, start, original };
});
