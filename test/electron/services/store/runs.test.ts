import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunStore, openRunStore } from '../../../../electron/services/store/index';
import { iterationEntry, ledgerRows, makeTempDir, newRun, problemAsRun, randomMixture, removeDir } from './helpers';

const OWNER = { pid: 4242, host: 'workstation' };

describe('run lifecycle', () => {
  let dir: string;
  let path: string;
  let store: RunStore;
  beforeEach(() => {
    dir = makeTempDir();
    path = join(dir, 'gmki.sqlite');
    store = openRunStore(path);
  });
  afterEach(() => {
    store.close();
    removeDir(dir);
  });

  it('creates a queued run whose method, seed, components and iterations come from the problem settings', () => {
    const problem = problemAsRun('Bimodal', { seed: -17, components: 4, iterations: 25 });
    const run = store.createRun(newRun({ id: 'run-1', problem, nTheta: 2 }));
    expect(run).toMatchObject({
      id: 'run-1',
      name: 'first try',
      status: 'queued',
      problem,
      problemDir: '/home/user/problems',
      method: problem.settings.method,
      seed: -17,
      components: 4,
      iterations: 25,
      iterationsDone: 0,
      forwardEvaluations: 0,
      failedEvaluations: 0,
      elapsedSeconds: 0,
      softwareName: 'gmki-studio',
      softwareVersion: '0.1.0',
      modelHash: 'ab'.repeat(32),
      error: null,
      notes: '',
      tags: [],
      startedAt: null,
      finishedAt: null,
      ownerPid: null,
      ownerHost: null,
      cancelRequested: false,
    });
    expect(Date.parse(run.createdAt)).toBeGreaterThan(0);
    expect(store.getRun('run-1')).toEqual(run);
    expect(store.getRun('missing')).toBeNull();
  });

  it('gives a new run a random UUID and, without a name, the problem name', () => {
    const run = store.createRun(newRun({ name: '  ' }));
    expect(run.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(run.name).toBe('Two modes');
  });

  it('lets exactly one owner claim a run, and refuses a second claim while it runs', () => {
    const { id } = store.createRun(newRun());
    expect(store.claimRun(id, OWNER)).toBe(true);
    expect(store.getRun(id)).toMatchObject({ status: 'running', ownerPid: 4242, ownerHost: 'workstation' });
    expect(store.getRun(id)?.startedAt).not.toBeNull();
    expect(store.claimRun(id, { pid: 1, host: 'other' })).toBe(false);
    expect(store.getRun(id)).toMatchObject({ ownerPid: 4242, ownerHost: 'workstation' });
    expect(store.claimRun('missing', OWNER)).toBe(false);
  });

  it('finishes a run: status, error, finish time, owner cleared; a finished run cannot finish again', () => {
    const { id } = store.createRun(newRun());
    store.claimRun(id, OWNER);
    store.requestCancel(id);
    expect(store.finishRun(id, 'failed', 'Component 2, sigma point 3: the model threw.', { elapsedSeconds: 12.5 })).toBe(true);
    const run = store.getRun(id)!;
    expect(run).toMatchObject({
      status: 'failed',
      error: 'Component 2, sigma point 3: the model threw.',
      ownerPid: null,
      ownerHost: null,
      cancelRequested: false,
      elapsedSeconds: 12.5,
    });
    expect(run.finishedAt).not.toBeNull();
    expect(store.finishRun(id, 'completed', null)).toBe(false);
    // a failed run is not resumed
    expect(store.claimRun(id, OWNER)).toBe(false);
  });

  it('counts the failed evaluations of the ledger in the run record and the list', () => {
    const { id } = store.createRun(newRun());
    store.claimRun(id, OWNER);
    store.commitIteration(id, iterationEntry(0, randomMixture(2, 2), 0), []);
    const rows = ledgerRows(1, 2, 2).map((row) => (row.pointIndex % 4 === 1 ? { ...row, output: null, error: 'the model raised an error: boom' } : row));
    store.commitIteration(id, iterationEntry(1, randomMixture(2, 2), 10), rows);
    expect(store.getRun(id)!.failedEvaluations).toBe(3);
    expect(store.listRuns().find((run) => run.id === id)!.failedEvaluations).toBe(3);
  });

  it('claims interrupted, cancelled and completed runs again (resume, extend), clearing the error and the cancel request', () => {
    for (const status of ['interrupted', 'cancelled', 'completed'] as const) {
      const { id } = store.createRun(newRun());
      store.claimRun(id, OWNER);
      store.finishRun(id, status, status === 'completed' ? null : `It was ${status}.`);
      expect(store.claimRun(id, { pid: 7, host: 'laptop' })).toBe(true);
      expect(store.getRun(id)).toMatchObject({ status: 'running', error: null, finishedAt: null, ownerPid: 7, cancelRequested: false });
    }
  });

  it('passes a cancel request through the database to another connection', () => {
    const { id } = store.createRun(newRun());
    store.claimRun(id, OWNER);
    const other = openRunStore(path);
    expect(other.isCancelRequested(id)).toBe(false);
    expect(other.requestCancel(id)).toBe('requested');
    expect(store.isCancelRequested(id)).toBe(true);
    expect(store.getRun(id)?.cancelRequested).toBe(true);
    store.finishRun(id, 'cancelled', 'Cancelled by the user.');
    expect(other.requestCancel(id)).toBeNull();
    expect(other.isCancelRequested('missing')).toBe(false);
    other.close();
  });

  it('cancels a queued run at once from another connection, and its claim as queued then fails', () => {
    const { id } = store.createRun(newRun());
    const other = openRunStore(path);
    expect(other.requestCancel(id)).toBe('cancelled');
    expect(store.getRun(id)).toMatchObject({ status: 'cancelled', error: 'cancelled before it started', startedAt: null });
    expect(store.claimRun(id, OWNER, 'queued')).toBe(false);
    expect(store.getRun(id)?.status).toBe('cancelled');
    // resumed later, it is claimed from the status it then has
    expect(store.claimRun(id, OWNER, 'cancelled')).toBe(true);
    other.close();
  });

  it('extends a run by raising its iteration target, never below what it has done', () => {
    const { id } = store.createRun(newRun());
    store.claimRun(id, OWNER);
    store.commitIteration(id, iterationEntry(1, randomMixture(2, 2)), []);
    store.commitIteration(id, iterationEntry(2, randomMixture(2, 2)), []);
    store.finishRun(id, 'completed', null);
    expect(store.setIterationsTarget(id, 30)).toBe(true);
    expect(store.getRun(id)?.iterations).toBe(30);
    expect(store.setIterationsTarget(id, 1)).toBe(false);
    expect(() => store.setIterationsTarget(id, 2.5)).toThrow(/whole number/);
    expect(store.setIterationsTarget('missing', 40)).toBe(false);
  });

  it('renames, writes notes and tags a run', () => {
    const { id } = store.createRun(newRun());
    expect(store.renameRun(id, '  with more samples ')).toBe(true);
    expect(() => store.renameRun(id, ' ')).toThrow(/A run name must not be empty/);
    expect(store.setNotes(id, 'Mode 2 collapses after iteration 12.')).toBe(true);
    expect(store.setTags(id, ['paper', ' baseline ', 'paper'])).toBe(true);
    expect(store.addTag(id, 'k=4')).toBe(true);
    expect(store.removeTag(id, 'paper')).toBe(true);
    expect(store.removeTag(id, 'paper')).toBe(false);
    expect(store.getRun(id)).toMatchObject({ name: 'with more samples', notes: 'Mode 2 collapses after iteration 12.', tags: ['baseline', 'k=4'] });
    expect(store.addTag('missing', 'x')).toBe(false);
    expect(store.setTags('missing', ['x'])).toBe(false);
    expect(() => store.addTag(id, '')).toThrow(/A tag must not be empty/);
    expect(store.listTags()).toEqual([
      { tag: 'baseline', runs: 1 },
      { tag: 'k=4', runs: 1 },
    ]);
  });

  it('deletes a run with all its rows (cascade) and nothing else', () => {
    const saved = store.saveProblem({ name: 'Saved', content: { format: 'gmki-problem/1', name: 'Saved' }, dir: null });
    const runs = [store.createRun(newRun({ name: 'doomed' })), store.createRun(newRun({ name: 'kept' }))];
    for (const run of runs) {
      store.claimRun(run.id, OWNER);
      store.commitIteration(run.id, iterationEntry(0, randomMixture(2, 2)), []);
      store.commitIteration(run.id, iterationEntry(1, randomMixture(2, 2), 10), ledgerRows(1, 2, 2));
      store.appendLog(run.id, 'stderr', 'warming up');
      store.setTags(run.id, ['shared', run.name]);
    }
    const [doomed, kept] = runs;
    expect(() => store.deleteRun(doomed.id)).toThrow(/is running; cancel it before deleting it/);
    store.finishRun(doomed.id, 'completed', null);
    expect(store.deleteRun(doomed.id)).toBe(true);
    expect(store.deleteRun(doomed.id)).toBe(false);

    const db = new Database(path, { readonly: true });
    const count = (table: string, id: string) =>
      db
        .prepare(`SELECT count(*) FROM ${table} WHERE ${table === 'runs' ? 'id' : 'run_id'} = ?`)
        .pluck()
        .get(id);
    for (const table of ['runs', 'iterations', 'evaluations', 'run_logs', 'tags']) {
      expect(count(table, doomed.id), `${table} of the deleted run`).toBe(0);
      expect(count(table, kept.id), `${table} of the other run`).toBeGreaterThan(0);
    }
    db.close();
    expect(store.getProblem(saved.id)).toEqual(saved);
    expect(store.getIterations(kept.id)).toHaveLength(2);
    expect(store.countEvaluations(kept.id)).toBe(10);
  });
});

describe('saved problems', () => {
  let dir: string;
  let store: RunStore;
  beforeEach(() => {
    dir = makeTempDir();
    store = openRunStore(join(dir, 'gmki.sqlite'));
  });
  afterEach(() => {
    store.close();
    removeDir(dir);
  });

  it('saves, updates (keeping the creation time), lists newest first and deletes problem files', async () => {
    const content = { format: 'gmki-problem/1', name: 'Darcy', parameters: [{ name: 'k', prior: { mean: 0, std: 1 } }] };
    const first = store.saveProblem({ name: 'Darcy', content, dir: '/data/darcy' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = store.saveProblem({ name: 'Other', content: { format: 'gmki-problem/1' }, dir: null });
    expect(store.getProblem(first.id)).toEqual({ ...first, content });
    expect(store.listProblems().map((p) => p.name)).toEqual(['Other', 'Darcy']);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = store.saveProblem({ id: first.id, name: 'Darcy flow', content: { ...content, name: 'Darcy flow' }, dir: '/data/darcy' });
    expect(updated.createdAt).toBe(first.createdAt);
    expect(updated.updatedAt > first.updatedAt).toBe(true);
    expect(store.listProblems().map((p) => p.name)).toEqual(['Darcy flow', 'Other']);

    expect(store.deleteProblem(second.id)).toBe(true);
    expect(store.deleteProblem(second.id)).toBe(false);
    expect(store.getProblem(second.id)).toBeNull();
    expect(() => store.saveProblem({ name: '', content, dir: null })).toThrow(/A problem name must not be empty/);
  });
});
