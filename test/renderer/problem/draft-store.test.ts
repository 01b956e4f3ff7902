// The draft store with a session storage like a browser tab's: what a reload finds again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { DRAFT_STORAGE_KEY } from '../../../renderer/src/problem/draft-storage';

/** A tab's session storage: survives "reloads" (new stores) within one test. */
function tabStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
}

/** A fresh page: new modules and a new Pinia over the same storage. */
async function reload() {
  vi.resetModules();
  const { useDraftStore } = await import('../../../renderer/src/stores/draft');
  setActivePinia(createPinia());
  const draft = useDraftStore();
  await nextTick();
  await Promise.resolve();
  return draft;
}

/** Lets the debounced write happen. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

afterEach(() => {
  delete (globalThis as { sessionStorage?: Storage }).sessionStorage;
});

describe('useDraftStore across reloads', () => {
  it('brings back the draft, its file and its unsaved state after a reload, and says so', async () => {
    (globalThis as { sessionStorage?: Storage }).sessionStorage = tabStorage();
    const before = await reload();
    expect(before.restored).toBeNull();
    before.load({ format: 'gmki-problem/1', name: 'Decay', parameters: [] }, { filePath: '/data/decay.gmki.json', problemDir: '/data' });
    await nextTick();
    before.problem.name = 'Decay, half-typed';
    await settle();

    const after = await reload();
    expect(after.problem.name).toBe('Decay, half-typed');
    expect(after.origin).toEqual({ filePath: '/data/decay.gmki.json', problemDir: '/data', savedId: null });
    expect(after.dirty).toBe(true);
    expect(after.restored).toEqual({
      type: 'info',
      text: '“Decay, half-typed” (/data/decay.gmki.json) was restored with its unsaved changes, as it was before the page was reloaded.',
    });
  });

  it('never restores something unreadable silently: it starts blank and says why', async () => {
    const storage = tabStorage();
    storage.setItem(DRAFT_STORAGE_KEY, '{"format": "gmki-draft/1", "problem": ');
    (globalThis as { sessionStorage?: Storage }).sessionStorage = storage;
    const draft = await reload();
    expect(draft.problem.name).toBe('untitled');
    expect(draft.restored?.type).toBe('warning');
    expect(draft.restored?.text).toContain('could not be restored (it is not readable JSON)');
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
  });

  it('forgets the kept draft when the user starts a new problem', async () => {
    const storage = tabStorage();
    (globalThis as { sessionStorage?: Storage }).sessionStorage = storage;
    const draft = await reload();
    draft.problem.name = 'scratch';
    await settle();
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toContain('scratch');
    draft.startNew();
    await settle();
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
    const after = await reload();
    expect(after.problem.name).toBe('untitled');
    expect(after.restored).toBeNull();
  });
});
