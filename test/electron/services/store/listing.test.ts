import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
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

  /** Median of three calls (the first also prepares the statement), logged and checked against 100 ms. */
  function timed<T>(label: string, call: () => T): T {
    const ms: number[] = [];
    let result!: T;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      result = call();
      ms.push(performance.now() - start);
    }
    const median = ms.sort((a, b) => a - b)[1];
    console.log(`store listing, ${RUNS} runs: ${label.padEnd(44)} median ${median.toFixed(2).padStart(6)} ms, slowest ${ms[2].toFixed(2).padStart(6)} ms`);
    expect(median, label).toBeLessThan(100);
    return result;
  }

  it('lists every run newest first', () => {
    const all = timed('listRuns() all', () => store.listRuns());
    expect(all).toHaveLength(RUNS);
    // Runs created within one millisecond keep their creation order (newest first) too.
    expect(all.map((r) => r.id)).toEqual([...ids].reverse());
    expect(all[0]).not.toHaveProperty('problem');
    expect(all[0].problemName).toBe('Bimodal 2-D');
  });

  it('pages, filters by status, tag and text, and counts — each well under 100 ms', () => {
    const page = timed('listRuns({ limit: 50, offset: 100 })', () => store.listRuns({ limit: 50, offset: 100 }));
    expect(page.map((r) => r.id)).toEqual([...ids].reverse().slice(100, 150));

    const failed = timed("listRuns({ status: 'failed' })", () => store.listRuns({ status: 'failed' }));
    expect(failed.map((r) => r.id)).toEqual(ids.filter((_, i) => statusOf(i) === 'failed').reverse());

    const paper = timed("listRuns({ tag: 'paper' })", () => store.listRuns({ tag: 'paper' }));
    expect(paper).toHaveLength(100);
    expect(paper.every((r) => r.tags.includes('paper'))).toBe(true);

    const both = timed("listRuns({ tag: 'baseline', status })", () => store.listRuns({ tag: 'baseline', status: 'completed' }));
    expect(both.map((r) => r.name)).toEqual(ids.map((_, i) => i).filter((i) => i % 100 === 0 && statusOf(i) === 'completed').reverse().map((i) => `Run ${i}`));

    const search = timed("listRuns({ search: 'run 99' })", () => store.listRuns({ search: 'run 99' }));
    expect(search.map((r) => r.name).sort()).toEqual(['Run 99', ...Array.from({ length: 10 }, (_, j) => `Run ${990 + j}`)].sort());

    expect(timed("listRuns({ search: 'DARCY' }) (problem name)", () => store.listRuns({ search: 'DARCY' }))).toHaveLength(RUNS / 2);
    expect(timed("listRuns({ search: 'GRÖßERE' }) (notes)", () => store.listRuns({ search: 'GRÖßERE' })).map((r) => r.id)).toEqual([ids[500]]);
    expect(store.listRuns({ search: 'BASELINE' })).toHaveLength(10);
    expect(store.listRuns({ search: '%' })).toEqual([]);

    expect(timed('countRuns()', () => store.countRuns())).toBe(RUNS);
    expect(timed("countRuns({ status: 'queued' })", () => store.countRuns({ status: 'queued' }))).toBe(ids.filter((_, i) => statusOf(i) === 'queued').length);
    expect(timed("countRuns({ tag: 'paper', search: 'run 1' })", () => store.countRuns({ tag: 'paper', search: 'run 1' }))).toBe(
      ids.filter((_, i) => i % 10 === 0 && `run ${i}`.includes('run 1')).length,
    );
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
