/**
 * Schema 2 (migrations/002-particles.ts): iterations of particle methods keep their ensemble and
 * method state beside the Gaussian summary; a schema-1 file with runs in it upgrades in place
 * with every stored value unchanged and its runs still resumable.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParticleEnsemble } from '../../../../core/methods/types';
import { currentOwner, openRunStore, SCHEMA_VERSION, StoreError } from '../../../../electron/services/store/index';
import { MIGRATIONS, migrate, schemaVersion } from '../../../../electron/services/store/migrations/index';
import { bytesOf, iterationEntry, ledgerRows, makeTempDir, newRun, problemAsRun, randomMixture, removeDir, seededValues } from './helpers';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

function ensemble(nParticles: number, nTheta: number, seed: number, withLikelihoods = true): ParticleEnsemble {
  const next = seededValues(seed);
  return {
    nParticles,
    nTheta,
    positions: Float64Array.from({ length: nParticles * nTheta }, next),
    logWeights: null,
    logLikelihoods: withLikelihoods ? Float64Array.from({ length: nParticles }, () => -10 * Math.abs(next())) : null,
  };
}

const le = (values: number[]): Buffer => Buffer.from(new Float64Array(values).buffer);

/** A schema-1 file with one completed GMKI run of two iterations, written with schema 1's own SQL. */
function writeSchema1File(path: string): void {
  const db = new Database(path);
  migrate(db, MIGRATIONS.slice(0, 1));
  const problem = JSON.stringify(problemAsRun('old run', { method: 'gmki-paper', components: 1, iterations: 2 }));
  db.prepare(
    `INSERT INTO runs (id, name, status, problem, problem_name, method, seed, components, n_theta, iterations,
                       iterations_done, forward_evaluations, software_name, software_version, created_at, finished_at)
     VALUES ('old', 'old run', 'completed', ?, 'old run', 'gmki-paper', 1, 1, 2, 2, 2, 10, 'gmki-studio', '0.1.0',
             '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:01.000Z')`,
  ).run(problem);
  const insert = db.prepare(
    `INSERT INTO iterations (run_id, iteration, n_components, n_theta, forward_evaluations, elapsed_seconds, committed_at,
                             diagnostics, log_weights, means, covariances)
     VALUES ('old', ?, 1, 2, ?, ?, '2025-01-01T00:00:00.500Z', '{"misfit":[1.5],"jitter":[0],"explorationEss":[null]}', ?, ?, ?)`,
  );
  for (const n of [0, 1, 2]) insert.run(n, 5 * n, 0.25 * n, le([0]), le([n, -n]), le([1, 0.1, 0.1, 2 - 0.5 * n]));
  db.prepare(
    `INSERT INTO evaluations (run_id, iteration, point_index, component, sigma_point, duration_ms, slot, attempts, theta, output)
     VALUES ('old', 1, 0, 0, 0, 3.5, 0, 1, ?, ?)`,
  ).run(le([0.5, -0.5]), le([4.2]));
  db.close();
}

describe('schema 2: particles of particle methods', () => {
  it('upgrades a schema-1 file with a run in it, keeping every value, and the run can be continued', () => {
    const path = join(dir, 'old.sqlite');
    writeSchema1File(path);
    const store = openRunStore(path);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2); // upgraded to the current schema, which includes 2
    const history = store.getIterations('old');
    expect(history.map((entry) => [entry.iteration, Array.from(entry.mixture.means), entry.forwardEvaluations])).toEqual([
      [0, [0, -0], 0],
      [1, [1, -1], 5],
      [2, [2, -2], 10],
    ]);
    expect(Array.from(history[2].mixture.covariances)).toEqual([1, 0.1, 0.1, 1]);
    expect(history.every((entry) => entry.particles === null && entry.methodState === null)).toBe(true);
    expect(history[1].diagnostics).toEqual({ misfit: [1.5], jitter: [0], explorationEss: [null] });
    expect(store.getEvaluations('old')).toMatchObject([{ iteration: 1, theta: [0.5, -0.5], output: [4.2], durationMs: 3.5 }]);
    expect(store.getRun('old')).toMatchObject({ status: 'completed', iterationsDone: 2, forwardEvaluations: 10, method: 'gmki-paper' });

    // extend: claim the completed run and commit a third iteration on the upgraded schema
    expect(store.setIterationsTarget('old', 3)).toBe(true);
    expect(store.claimRun('old', currentOwner())).toBe(true);
    store.commitIteration('old', iterationEntry(3, randomMixture(1, 2, 3), 15), ledgerRows(3, 1, 2, 1));
    expect(store.getLatestIteration('old')).toMatchObject({ iteration: 3, particles: null, methodState: null });
    store.close();
    const db = new Database(path, { readonly: true });
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('stores an ensemble and a method state with their iteration, bit for bit', () => {
    const store = openRunStore(join(dir, 'new.sqlite'));
    const run = store.createRun(newRun({ problem: problemAsRun('ensemble run', { components: 1 }) }));
    store.claimRun(run.id, currentOwner());
    const particles = ensemble(50, 2, 11);
    const methodState = Float64Array.of(0.25, -0, Number.NaN, 1e-300, 7);
    store.commitIteration(run.id, { ...iterationEntry(0, randomMixture(1, 2)), particles, methodState }, []);
    store.commitIteration(run.id, { ...iterationEntry(1, randomMixture(1, 2, 2), 50), particles: ensemble(50, 2, 12, false) }, []);
    const [first, second] = store.getIterations(run.id);
    expect(bytesOf(first.particles!.positions)).toEqual(bytesOf(particles.positions));
    expect(bytesOf(first.particles!.logLikelihoods!)).toEqual(bytesOf(particles.logLikelihoods!));
    expect(first.particles).toMatchObject({ nParticles: 50, nTheta: 2, logWeights: null });
    expect(bytesOf(first.methodState!)).toEqual(bytesOf(methodState));
    expect(second.particles).toMatchObject({ nParticles: 50, logLikelihoods: null });
    expect(second.methodState).toBeNull();
    expect(store.getLatestIteration(run.id)!.particles!.positions).toEqual(second.particles!.positions);
    store.close();
  });

  it('refuses an ensemble whose arrays do not match J and d, and writes nothing', () => {
    const store = openRunStore(join(dir, 'bad.sqlite'));
    const run = store.createRun(newRun());
    store.claimRun(run.id, currentOwner());
    const good = ensemble(10, 2, 1);
    const cases: [ParticleEnsemble, RegExp][] = [
      [{ ...good, positions: good.positions.subarray(0, 19) }, /positions have 19 values; J = 10, d = 2 needs 20/],
      [{ ...good, logLikelihoods: new Float64Array(9) }, /log-likelihoods have 9 values; J = 10, d = 2 needs 10/],
      [{ ...good, logWeights: new Float64Array(11) }, /log-weights have 11 values/],
      [{ ...good, nTheta: 3, positions: new Float64Array(30) }, /the mixture has d = 2/],
    ];
    for (const [particles, message] of cases) {
      let caught: unknown = null;
      try {
        store.commitIteration(run.id, { ...iterationEntry(0, randomMixture(1, 2)), particles }, []);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(StoreError);
      expect((caught as StoreError).message).toMatch(message);
    }
    expect(store.getIterations(run.id)).toEqual([]);
    store.close();
  });

  it('has CHECKs that refuse particle BLOBs of the wrong size written by hand', () => {
    const path = join(dir, 'checks.sqlite');
    openRunStore(path).close();
    const db = new Database(path);
    db.prepare(
      `INSERT INTO runs (id, name, status, problem, problem_name, method, seed, components, n_theta, iterations,
                         software_name, software_version, created_at)
       VALUES ('r', 'r', 'queued', '{}', 'r', 'smc', 1, 1, 2, 3, 'gmki-studio', '0', '2025-01-01T00:00:00.000Z')`,
    ).run();
    const insert = (nParticles: number | null, particles: Buffer | null, logLikelihoods: Buffer | null) =>
      db
        .prepare(
          `INSERT INTO iterations (run_id, iteration, n_components, n_theta, forward_evaluations, elapsed_seconds, committed_at,
                                   diagnostics, log_weights, means, covariances, n_particles, particles, particle_log_likelihoods)
           VALUES ('r', 0, 1, 2, 0, 0, 'now', '{}', ?, ?, ?, ?, ?, ?)`,
        )
        .run(le([0]), le([0, 0]), le([1, 0, 0, 1]), nParticles, particles, logLikelihoods);
    expect(() => insert(3, le([1, 2, 3, 4, 5]), null)).toThrow(/CHECK constraint failed/);
    expect(() => insert(3, null, null)).toThrow(/CHECK constraint failed/);
    expect(() => insert(null, le([1, 2]), null)).toThrow(/CHECK constraint failed/);
    expect(() => insert(2, le([1, 2, 3, 4]), le([1]))).toThrow(/CHECK constraint failed/);
    expect(() => insert(2, le([1, 2, 3, 4]), le([1, 2]))).not.toThrow();
    db.close();
  });
});
