/**
 * Listing, filtering and counting 1 000 runs: the right runs, and query plans that use the indexes
 * (their times are figures of `npm run bench`, bench/store-listing.ts, not assertions here).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FinishedStatus, type RunQuery, type RunStore, openRunStore } from '../../../../electron/services/store/index';
import { listRunsSql } from '../../../../electron/services/store/listing';
import { makeTempDir, newRun, problemAsRun, removeDir } from './helpers';

const RUNS = 1000;
const OWNER = { pid: 1, host: 'bench' };

/** Run i's status: a realistic mix, mostly completed. */
function statusOf(i: number): FinishedStatus | 'queued' {
  if (i % 10 === 3) return 'failed';
  if (i % 25 === 7) return 'cancelled';
  if (i % 50 === 11) return 'queued';
  return 'completed';
}

describe('listing and filtering 1 000 runs', () => {
  let dir: string;
  let path: string;
  let store: RunStore;
  const ids: string[] = [];
  beforeAll(() => {
    dir = makeTempDir();
    path = join(dir, 'gmki.sqlite');
    store = openRunStore(path);
    for (let i = 0; i < RUNS; i++) {
      const problem = problemAsRun(i % 2 === 0 ? 'Darcy flow' : 'Bimodal 2-D');
      const { id } = store.createRun(newRun({ name: `Run ${i}`, problem }));
      ids.push(id);
      const status = statusOf(i);
      if (status !== 'queued') {
        store.claimRun(id, OWNER);
        store.finishRun(id, status, status === 'completed' ? null : `It was ${status}.`);
      }
      if (i % 10 === 0) store.addTag(id, 'paper');
      if (i % 100 === 0) store.addTag(id, 'baseline');
    }
    store.setNotes(ids[500], 'Größere Schrittweite: zweiter Modus verschwindet');
  });
  afterAll(() => {
    store.close();
    removeDir(dir);
  });

  it('lists every run newest first', () => {
    const all = store.listRuns();
    expect(all).toHaveLength(RUNS);
    // Runs created within one millisecond keep their creation order (newest first) too.
    expect(all.map((r) => r.id)).toEqual([...ids].reverse());
    expect(all[0]).not.toHaveProperty('problem');
    expect(all[0].problemName).toBe('Bimodal 2-D');
  });

  it('pages, filters by status, tag and text, and counts', () => {
    const page = store.listRuns({ limit: 50, offset: 100 });
    expect(page.map((r) => r.id)).toEqual([...ids].reverse().slice(100, 150));

    const failed = store.listRuns({ status: 'failed' });
    expect(failed.map((r) => r.id)).toEqual(ids.filter((_, i) => statusOf(i) === 'failed').reverse());

    const paper = store.listRuns({ tag: 'paper' });
    expect(paper).toHaveLength(100);
    expect(paper.every((r) => r.tags.includes('paper'))).toBe(true);

    const both = store.listRuns({ tag: 'baseline', status: 'completed' });
    expect(both.map((r) => r.name)).toEqual(
      ids
        .map((_, i) => i)
        .filter((i) => i % 100 === 0 && statusOf(i) === 'completed')
        .reverse()
        .map((i) => `Run ${i}`),
    );

    const search = store.listRuns({ search: 'run 99' });
    expect(search.map((r) => r.name).sort()).toEqual(['Run 99', ...Array.from({ length: 10 }, (_, j) => `Run ${990 + j}`)].sort());

    expect(store.listRuns({ search: 'DARCY' })).toHaveLength(RUNS / 2);
    expect(store.listRuns({ search: 'GRÖßERE' }).map((r) => r.id)).toEqual([ids[500]]);
    expect(store.listRuns({ search: 'BASELINE' })).toHaveLength(10);
    expect(store.listRuns({ search: '%' })).toEqual([]);

    expect(store.countRuns()).toBe(RUNS);
    expect(store.countRuns({ status: 'queued' })).toBe(ids.filter((_, i) => statusOf(i) === 'queued').length);
    expect(store.countRuns({ tag: 'paper', search: 'run 1' })).toBe(ids.filter((_, i) => i % 10 === 0 && `run ${i}`.includes('run 1')).length);
  });

  it('uses an index for the order and for each filter, never a sort of the whole runs table', () => {
    const db = new Database(path, { readonly: true });
    db.function('gmki_fold', (text: unknown) => text);
    const plan = (query: RunQuery) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${listRunsSql(query)}`).all({ status: 'failed', tag: 'paper', search: 'x', limit: 10, offset: 0 }) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
    expect(plan({})).toMatch(/SCAN r USING INDEX runs_by_created/);
    expect(plan({})).not.toMatch(/TEMP B-TREE/);
    expect(plan({ status: 'failed' })).toMatch(/SEARCH r USING INDEX runs_by_status \(status=\?\)/);
    expect(plan({ status: 'failed' })).not.toMatch(/TEMP B-TREE/);
    // a tag: its runs come from tags_by_tag, and only they are sorted
    expect(plan({ tag: 'paper' })).toMatch(/SEARCH t USING COVERING INDEX tags_by_tag \(tag=\?\)/);
    db.close();
  });
});
