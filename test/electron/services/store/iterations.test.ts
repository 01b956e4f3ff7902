import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunStore, openRunStore } from '../../../../electron/services/store/index';
import { bytesOf, iterationEntry, ledgerRows, makeTempDir, newRun, randomMixture, removeDir } from './helpers';

const OWNER = { pid: process.pid, host: 'test-host' };

describe('committed iterations', () => {
  let dir: string;
  let path: string;
  let store: RunStore;
  let runId: string;
  beforeEach(() => {
    dir = makeTempDir();
    path = join(dir, 'gmki.sqlite');
    store = openRunStore(path);
    runId = store.createRun(newRun()).id;
    store.claimRun(runId, OWNER);
  });
  afterEach(() => {
    store.close();
    removeDir(dir);
  });

  /** A claimed run with d parameters. */
  function runningRun(nTheta: number): string {
    const id = store.createRun(newRun({ nTheta })).id;
    store.claimRun(id, OWNER);
    return id;
  }

  it('round-trips a mixture bit for bit, including −0, subnormals, 1e-300, ±Infinity and NaN', () => {
    const special = [-0, 0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, -1e-300, 1e300, Number.MAX_VALUE, Infinity, -Infinity, NaN, Math.PI, 1 / 3];
    const k = 2;
    const d = 7;
    const mixture = randomMixture(k, d, 3);
    mixture.means.set(special);
    mixture.covariances.set(special, 20);
    mixture.logWeights.set([-0, -1e-300]);
    const id = runningRun(d);
    store.commitIteration(id, iterationEntry(0, mixture), []);

    store.close();
    store = openRunStore(path);
    const [back] = store.getIterations(id);
    expect(back.mixture.nComponents).toBe(k);
    expect(back.mixture.nTheta).toBe(d);
    expect(bytesOf(back.mixture.logWeights)).toEqual(bytesOf(mixture.logWeights));
    expect(bytesOf(back.mixture.means)).toEqual(bytesOf(mixture.means));
    expect(bytesOf(back.mixture.covariances)).toEqual(bytesOf(mixture.covariances));
    expect(Object.is(back.mixture.means[0], -0)).toBe(true);
    expect(back.mixture.means[2]).toBe(5e-324);
  });

  it('keeps diagnostics with non-finite values, and ledger θ/outputs exactly', () => {
    const entry = { ...iterationEntry(1, randomMixture(2, 2)), diagnostics: { misfit: [Infinity, 0.5], jitter: [1e-10, 0], explorationEss: [12.5, null] } };
    const rows = ledgerRows(1, 2, 2);
    const odd = { ...rows[3], theta: [-0, 5e-324], output: [1e-300, -Infinity] };
    rows[3] = odd;
    store.commitIteration(runId, entry, rows);
    expect(store.getLatestIteration(runId)?.diagnostics).toEqual(entry.diagnostics);
    const back = store.getEvaluations(runId, { iteration: 1 });
    expect(back).toEqual(rows);
    expect(Object.is(back[3].theta[0], -0)).toBe(true);
  });

  it('updates the run in the same commit: iterations done, forward evaluations, elapsed time', () => {
    store.commitIteration(runId, iterationEntry(0, randomMixture(2, 2)), []);
    expect(store.getRun(runId)).toMatchObject({ iterationsDone: 0, forwardEvaluations: 0 });
    store.commitIteration(runId, iterationEntry(1, randomMixture(2, 2), 10), ledgerRows(1, 2, 2));
    store.commitIteration(runId, iterationEntry(2, randomMixture(2, 2), 20), ledgerRows(2, 2, 2));
    expect(store.getRun(runId)).toMatchObject({ iterationsDone: 2, forwardEvaluations: 20, elapsedSeconds: 2.5 });
    expect(store.getIterations(runId).map((it) => it.iteration)).toEqual([0, 1, 2]);
    expect(store.getIterations(runId, { from: 1, to: 1 }).map((it) => it.iteration)).toEqual([1]);
    expect(store.getLatestIteration(runId)?.iteration).toBe(2);
    expect(store.countEvaluations(runId)).toBe(20);
  });

  it('is atomic: when the second ledger insert fails, nothing of that iteration is written', () => {
    store.commitIteration(runId, iterationEntry(1, randomMixture(2, 2), 10), ledgerRows(1, 2, 2));
    const before = store.getRun(runId);
    const rows = ledgerRows(2, 2, 2);
    rows[1] = { ...rows[1], pointIndex: rows[0].pointIndex };
    expect(() => store.commitIteration(runId, iterationEntry(2, randomMixture(2, 2), 20), rows)).toThrow(/UNIQUE constraint failed: evaluations/);

    expect(store.getRun(runId)).toEqual(before);
    expect(store.getIterations(runId).map((it) => it.iteration)).toEqual([1]);
    expect(store.countEvaluations(runId, { iteration: 2 })).toBe(0);
    // and the next attempt at the same iteration commits normally
    store.commitIteration(runId, iterationEntry(2, randomMixture(2, 2), 20), ledgerRows(2, 2, 2));
    expect(store.getRun(runId)?.iterationsDone).toBe(2);
  });

  it('refuses an iteration out of order, a wrong d, a stray ledger row and a run that is not running', () => {
    expect(() => store.commitIteration(runId, iterationEntry(2, randomMixture(2, 2)), [])).toThrow(/has 0 iterations; iteration 2 cannot be committed next/);
    expect(() => store.commitIteration(runId, iterationEntry(1, randomMixture(2, 3)), [])).toThrow(/d = 2 parameters; the mixture has d = 3/);
    expect(() => store.commitIteration(runId, iterationEntry(1, randomMixture(2, 2)), ledgerRows(2, 2, 2))).toThrow(
      /evaluation of iteration 2 was given with iteration 1/,
    );
    const bad = { ...randomMixture(2, 2), means: new Float64Array(3) };
    expect(() => store.commitIteration(runId, iterationEntry(1, bad), [])).toThrow(/means have 3 values; K = 2, d = 2 needs 4/);
    store.finishRun(runId, 'cancelled', 'Cancelled by the user.');
    expect(() => store.commitIteration(runId, iterationEntry(1, randomMixture(2, 2)), [])).toThrow(/is cancelled, not running; claim it/);
    expect(() => store.commitIteration('nope', iterationEntry(1, randomMixture(2, 2)), [])).toThrow(/There is no run nope/);
    expect(store.getIterations(runId)).toEqual([]);
  });

  it('keeps the evaluations of a failed iteration on record, and a later successful attempt replaces them', () => {
    store.commitIteration(runId, iterationEntry(1, randomMixture(2, 2), 10), ledgerRows(1, 2, 2));
    const attempt = ledgerRows(2, 2, 2).slice(0, 4);
    attempt[3] = { ...attempt[3], output: null, error: 'model.mjs threw: negative pressure', attempts: 2 };
    store.recordEvaluations(runId, attempt);
    expect(store.countEvaluations(runId, { iteration: 2 })).toBe(4);
    expect(store.getEvaluations(runId, { failedOnly: true })).toEqual([attempt[3]]);
    expect(store.countEvaluations(runId, { failedOnly: true })).toBe(1);
    expect(() => store.recordEvaluations(runId, ledgerRows(1, 2, 2).slice(0, 1))).toThrow(/Iteration 1 of run .* is committed/);
    expect(() => store.recordEvaluations('missing', attempt)).toThrow(/There is no run missing/);

    const full = ledgerRows(2, 2, 2, 3, 99);
    store.commitIteration(runId, iterationEntry(2, randomMixture(2, 2), 20), full);
    expect(store.getEvaluations(runId, { iteration: 2 })).toEqual(full);
    expect(store.countEvaluations(runId, { failedOnly: true })).toBe(0);
  });

  it('pages through the ledger in iteration and point order', () => {
    store.commitIteration(runId, iterationEntry(1, randomMixture(2, 2), 10), ledgerRows(1, 2, 2));
    store.commitIteration(runId, iterationEntry(2, randomMixture(2, 2), 20), ledgerRows(2, 2, 2));
    const page = store.getEvaluations(runId, { limit: 4, offset: 8 });
    expect(page.map((e) => [e.iteration, e.pointIndex])).toEqual([
      [1, 8],
      [1, 9],
      [2, 0],
      [2, 1],
    ]);
    expect(store.getEvaluations(runId, { iteration: 2, limit: 2, offset: 9 }).map((e) => e.pointIndex)).toEqual([9]);
  });

  it('stores the mixture as little-endian Float64 BLOBs with their shape', () => {
    const mixture = randomMixture(3, 4, 5);
    store.commitIteration(runningRun(4), iterationEntry(0, mixture), []);
    const db = new Database(path, { readonly: true });
    const row = db.prepare('SELECT n_components, n_theta, log_weights, means, covariances FROM iterations').get() as Record<string, unknown>;
    db.close();
    expect(row.n_components).toBe(3);
    expect(row.n_theta).toBe(4);
    const covariances = row.covariances as Buffer;
    expect(covariances.length).toBe(3 * 4 * 4 * 8);
    expect(covariances.readDoubleLE(8 * 5)).toBe(mixture.covariances[5]);
  });
});
