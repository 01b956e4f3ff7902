/**
 * Where problems come from and go to: `.gmki.json` files (problem/read-file, problem/write-file),
 * the app's library of saved problems (problems/*), and the built-in examples. Each list has its
 * own loading / error state; file operations report their failure as a sentence.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ExampleInfo, SavedProblemSummary } from '../../../electron/contract/types';
import { useBridge } from '../bridge/index';
import { plainCopy } from '../problem/json-path';
import { folderOf } from '../problem/paths';
import { useDraftStore, type ProblemJson } from './draft';

export type ListState<T> =
  { readonly status: 'idle' | 'loading' } | { readonly status: 'ready'; readonly items: readonly T[] } | { readonly status: 'error'; readonly message: string };

/** A save that could not overwrite without asking, or failed, or worked. */
export type SaveOutcome = { readonly status: 'saved'; readonly file: string } | { readonly status: 'conflict' } | { readonly status: 'error'; readonly message: string };

export const useProblemFilesStore = defineStore('problem-files', () => {
  const draft = useDraftStore();
  const examples = shallowRef<ListState<ExampleInfo>>({ status: 'idle' });
  const library = shallowRef<ListState<SavedProblemSummary>>({ status: 'idle' });
  const busy = ref(false);

  async function loadExamples(): Promise<void> {
    examples.value = { status: 'loading' };
    const reply = await useBridge().invoke('problem/examples', {});
    examples.value = reply.ok ? { status: 'ready', items: reply.value } : { status: 'error', message: reply.error.message };
  }

  function useExample(example: ExampleInfo): void {
    draft.load(example.problem as ProblemJson);
  }

  async function loadLibrary(): Promise<void> {
    library.value = { status: 'loading' };
    const reply = await useBridge().invoke('problems/list', {});
    library.value = reply.ok ? { status: 'ready', items: reply.value } : { status: 'error', message: reply.error.message };
  }

  /** Runs a file operation with the busy flag; returns its error sentence or null. */
  async function guarded(work: () => Promise<string | null>): Promise<string | null> {
    busy.value = true;
    try {
      return await work();
    } finally {
      busy.value = false;
    }
  }

  function openSaved(id: string): Promise<string | null> {
    return guarded(async () => {
      const reply = await useBridge().invoke('problems/get', { id });
      if (!reply.ok) return reply.error.code === 'NOT_FOUND' ? 'That saved problem was deleted.' : reply.error.message;
      draft.load(reply.value.content as ProblemJson, { problemDir: reply.value.dir, savedId: reply.value.id });
      return null;
    });
  }

  async function deleteSaved(id: string): Promise<string | null> {
    const reply = await useBridge().invoke('problems/delete', { id });
    await loadLibrary();
    return reply.ok || reply.error.code === 'NOT_FOUND' ? null : reply.error.message;
  }

  /** Saves the draft in the library (updating its entry when it came from there). */
  function saveToLibrary(): Promise<string | null> {
    return guarded(async () => {
      const name = String(draft.problem.name ?? '').trim() || 'untitled';
      const request = { name, content: plainCopy(draft.problem), dir: draft.origin.problemDir, id: draft.origin.savedId ?? undefined };
      let reply = await useBridge().invoke('problems/save', request);
      // The entry was deleted meanwhile: save it as a new one rather than fail.
      if (!reply.ok && reply.error.code === 'NOT_FOUND') reply = await useBridge().invoke('problems/save', { ...request, id: undefined });
      if (!reply.ok) return reply.error.message;
      draft.markSaved({ savedId: reply.value.id });
      return null;
    });
  }

  function openFile(path: string): Promise<string | null> {
    return guarded(async () => {
      const reply = await useBridge().invoke('problem/read-file', { path });
      if (!reply.ok) return reply.error.code === 'NOT_FOUND' ? `There is no file ${path}.` : reply.error.message;
      draft.load(reply.value.content, { problemDir: reply.value.problemDir, filePath: reply.value.filePath });
      return null;
    });
  }

  /** Writes the draft to `path`; without `overwrite` an existing file is a conflict to ask about. */
  async function saveFile(path: string, overwrite: boolean): Promise<SaveOutcome> {
    busy.value = true;
    try {
      const reply = await useBridge().invoke('problem/write-file', { path, content: plainCopy(draft.problem), overwrite });
      if (!reply.ok) return reply.error.code === 'CONFLICT' ? { status: 'conflict' } : { status: 'error', message: reply.error.message };
      // Reopening the file resolves relative paths against its folder: so does the draft from now on.
      draft.markSaved({ filePath: reply.value.file, problemDir: folderOf(reply.value.file) });
      return { status: 'saved', file: reply.value.file };
    } finally {
      busy.value = false;
    }
  }

  return { examples, library, busy, loadExamples, useExample, loadLibrary, openSaved, deleteSaved, saveToLibrary, openFile, saveFile };
});
