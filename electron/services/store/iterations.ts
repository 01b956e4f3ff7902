/**
 * Committed iterations: the mixture after each iteration (Float64 BLOBs with their shape), the
 * ensemble and state of a particle method (schema 2), its diagnostics, and — in the same transaction — the iteration's evaluation ledger and the
 * run's progress counters. A crash therefore loses at most the iteration in progress, and resume
 * restarts from `getLatestIteration`, bit-identically.
 */
import type { Database } from 'better-sqlite3';
import { decodeDiagnostics, decodeFloat64, encodeDiagnostics, encodeFloat64 } from './codec';
import { StoreError } from './errors';
import { nowIso, requireCount, requireFiniteNumber } from './checks';
import { EVALUATION_COLUMNS, EVALUATION_VALUES, evaluationParams } from './ledger';
import type { RunStore } from './run-store';
import type { EvaluationEntry, IterationEntry } from './types';
import type { ParticleEnsemble } from '../../../core/methods/types';

type IterationMethods = Pick<RunStore, 'commitIteration' | 'getIterations' | 'getLatestIteration'>;

interface IterationRow {
  iteration: number;
  n_components: number;
  n_theta: number;
  log_weights: Buffer;
  means: Buffer;
  covariances: Buffer;
  diagnostics: string;
  forward_evaluations: number;
  elapsed_seconds: number;
  n_particles: number | null;
  particles: Buffer | null;
  particle_log_weights: Buffer | null;
  particle_log_likelihoods: Buffer | null;
  method_state: Buffer | null;
}

const ITERATION_COLUMNS =
  'iteration, n_components, n_theta, log_weights, means, covariances, diagnostics, forward_evaluations, elapsed_seconds, ' +
  'n_particles, particles, particle_log_weights, particle_log_likelihoods, method_state';

function toParticles(row: IterationRow): ParticleEnsemble | null {
  if (row.n_particles === null || row.particles === null) return null;
  const j = row.n_particles;
  const d = row.n_theta;
  const perParticle = (blob: Buffer | null, what: string): Float64Array | null =>
    blob === null ? null : decodeFloat64(blob, j, `${what} of iteration ${row.iteration}`);
  return {
    nParticles: j,
    nTheta: d,
    positions: decodeFloat64(row.particles, j * d, `particles of iteration ${row.iteration}`),
    logWeights: perParticle(row.particle_log_weights, 'particle log-weights'),
    logLikelihoods: perParticle(row.particle_log_likelihoods, 'particle log-likelihoods'),
  };
}

function toIterationEntry(row: IterationRow): IterationEntry {
  const k = row.n_components;
  const d = row.n_theta;
  return {
    iteration: row.iteration,
    mixture: {
      nComponents: k,
      nTheta: d,
      logWeights: decodeFloat64(row.log_weights, k, `log-weights of iteration ${row.iteration}`),
      means: decodeFloat64(row.means, k * d, `means of iteration ${row.iteration}`),
      covariances: decodeFloat64(row.covariances, k * d * d, `covariances of iteration ${row.iteration}`),
    },
    particles: toParticles(row),
    methodState: row.method_state === null ? null : decodeFloat64(row.method_state, null, `method state of iteration ${row.iteration}`),
    diagnostics: decodeDiagnostics(row.diagnostics),
    forwardEvaluations: row.forward_evaluations,
    elapsedSeconds: row.elapsed_seconds,
  };
}

/** Shape checks before anything is written: a wrong-sized array is a bug in the caller, said plainly. */
function checkEntry(entry: IterationEntry, evaluations: readonly EvaluationEntry[]): void {
  const { nComponents: k, nTheta: d, logWeights, means, covariances } = entry.mixture;
  requireCount(entry.iteration, 'The iteration number');
  requireCount(entry.forwardEvaluations, 'The number of forward evaluations');
  requireFiniteNumber(entry.elapsedSeconds, 'The elapsed time');
  const sizes: [string, number, number][] = [
    ['log-weights', logWeights.length, k],
    ['means', means.length, k * d],
    ['covariances', covariances.length, k * d * d],
  ];
  for (const [what, got, expected] of sizes) {
    if (got !== expected) throw new StoreError('INVALID_ARGUMENT', `The mixture's ${what} have ${got} values; K = ${k}, d = ${d} needs ${expected}.`);
  }
  checkParticles(entry.particles ?? null, d);
  const stray = evaluations.find((row) => row.iteration !== entry.iteration);
  if (stray !== undefined) {
    throw new StoreError('INVALID_ARGUMENT', `An evaluation of iteration ${stray.iteration} was given with iteration ${entry.iteration}.`);
  }
}

function checkParticles(particles: ParticleEnsemble | null, d: number): void {
  if (particles === null) return;
  const j = requireCount(particles.nParticles, 'The number of particles');
  if (j < 1 || particles.nTheta !== d) {
    throw new StoreError(
      'INVALID_ARGUMENT',
      `The ensemble has ${j} particles in d = ${particles.nTheta}; the mixture has d = ${d} and an ensemble needs at least 1 particle.`,
    );
  }
  const sizes: [string, number | undefined, number][] = [
    ['positions', particles.positions.length, j * d],
    ['log-weights', particles.logWeights?.length, j],
    ['log-likelihoods', particles.logLikelihoods?.length, j],
  ];
  for (const [what, got, expected] of sizes) {
    if (got !== undefined && got !== expected)
      throw new StoreError('INVALID_ARGUMENT', `The ensemble's ${what} have ${got} values; J = ${j}, d = ${d} needs ${expected}.`);
  }
}

/** Prepares the iteration statements once and returns commit and read methods. */
export function iterationMethods(db: Database): IterationMethods {
  const runState = db.prepare<[string], { status: string; n_theta: number; iterations_done: number }>(`SELECT status, n_theta, iterations_done FROM runs WHERE id = ?`);
  const insertIteration = db.prepare(`
    INSERT INTO iterations (run_id, ${ITERATION_COLUMNS}, committed_at)
    VALUES (@runId, @iteration, @nComponents, @nTheta, @logWeights, @means, @covariances, @diagnostics,
            @forwardEvaluations, @elapsedSeconds, @nParticles, @particles, @particleLogWeights, @particleLogLikelihoods,
            @methodState, @committedAt)`);
  const clearLedger = db.prepare(`DELETE FROM evaluations WHERE run_id = @runId AND iteration = @iteration`);
  const insertEvaluation = db.prepare(`INSERT INTO evaluations ${EVALUATION_COLUMNS} VALUES ${EVALUATION_VALUES}`);
  const updateRun = db.prepare(`
    UPDATE runs SET iterations_done = max(iterations_done, @iteration), forward_evaluations = @forwardEvaluations,
                    elapsed_seconds = @elapsedSeconds
    WHERE id = @runId`);
  const selectRange = db.prepare<{ runId: string; from: number; to: number }, IterationRow>(
    `SELECT ${ITERATION_COLUMNS} FROM iterations WHERE run_id = @runId AND iteration BETWEEN @from AND @to ORDER BY iteration`,
  );
  const selectLatest = db.prepare<[string], IterationRow>(`SELECT ${ITERATION_COLUMNS} FROM iterations WHERE run_id = ? ORDER BY iteration DESC LIMIT 1`);

  const commit = db.transaction(
    (runId: string, iteration: Record<string, unknown> & { iteration: number; nTheta: number }, ledger: readonly Record<string, unknown>[]) => {
      const run = runState.get(runId);
      if (run === undefined) throw new StoreError('RUN_NOT_FOUND', `There is no run ${runId}.`);
      if (run.status !== 'running') throw new StoreError('RUN_STATE', `Run ${runId} is ${run.status}, not running; claim it before committing iterations.`);
      const next = iteration.iteration === 0 ? run.iterations_done === 0 : iteration.iteration === run.iterations_done + 1;
      if (!next) {
        throw new StoreError('RUN_STATE', `Run ${runId} has ${run.iterations_done} iterations; iteration ${iteration.iteration} cannot be committed next.`);
      }
      if (iteration.nTheta !== run.n_theta) {
        throw new StoreError('INVALID_ARGUMENT', `Run ${runId} has d = ${run.n_theta} parameters; the mixture has d = ${iteration.nTheta}.`);
      }
      insertIteration.run(iteration);
      // Rows an earlier, failed attempt at this iteration recorded are superseded by this attempt's.
      clearLedger.run({ runId, iteration: iteration.iteration });
      for (const row of ledger) insertEvaluation.run(row);
      updateRun.run({ runId, iteration: iteration.iteration, forwardEvaluations: iteration.forwardEvaluations, elapsedSeconds: iteration.elapsedSeconds });
    },
  );

  return {
    commitIteration(runId, entry, evaluations) {
      checkEntry(entry, evaluations);
      const { mixture } = entry;
      const particles = entry.particles ?? null;
      const blobOrNull = (values: Float64Array | null | undefined): Buffer | null => (values ? encodeFloat64(values) : null);
      // Encoding happens before BEGIN, so the write lock is held only for the inserts.
      const iteration = {
        runId,
        iteration: entry.iteration,
        nComponents: mixture.nComponents,
        nTheta: mixture.nTheta,
        logWeights: encodeFloat64(mixture.logWeights),
        means: encodeFloat64(mixture.means),
        covariances: encodeFloat64(mixture.covariances),
        diagnostics: encodeDiagnostics(entry.diagnostics),
        forwardEvaluations: entry.forwardEvaluations,
        elapsedSeconds: entry.elapsedSeconds,
        nParticles: particles?.nParticles ?? null,
        particles: blobOrNull(particles?.positions),
        particleLogWeights: blobOrNull(particles?.logWeights),
        particleLogLikelihoods: blobOrNull(particles?.logLikelihoods),
        methodState: blobOrNull(entry.methodState),
        committedAt: nowIso(),
      };
      const ledger = evaluations.map((row) => evaluationParams(runId, row));
      // IMMEDIATE: take the write lock up front, so a concurrent writer makes us wait (busy
      // timeout) instead of failing with SQLITE_BUSY when a read would upgrade to a write.
      commit.immediate(runId, iteration, ledger);
    },

    getIterations(runId, range = {}) {
      const from = range.from === undefined ? 0 : requireCount(range.from, 'The first iteration');
      const to = range.to === undefined ? Number.MAX_SAFE_INTEGER : requireCount(range.to, 'The last iteration');
      return selectRange.all({ runId, from, to }).map(toIterationEntry);
    },

    getLatestIteration(runId) {
      const row = selectLatest.get(runId);
      return row === undefined ? null : toIterationEntry(row);
    },
  };
}
