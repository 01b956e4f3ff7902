/**
 * Committed iterations: the mixture after each GMKI iteration (Float64 BLOBs with their shape),
 * its diagnostics, and — in the same transaction — the iteration's evaluation ledger and the
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
}

const ITERATION_COLUMNS = 'iteration, n_components, n_theta, log_weights, means, covariances, diagnostics, forward_evaluations, elapsed_seconds';

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
  const stray = evaluations.find((row) => row.iteration !== entry.iteration);
  if (stray !== undefined) {
    throw new StoreError('INVALID_ARGUMENT', `An evaluation of iteration ${stray.iteration} was given with iteration ${entry.iteration}.`);
  }
}

/** Prepares the iteration statements once and returns commit and read methods. */
export function iterationMethods(db: Database): IterationMethods {
  const runState = db.prepare<[string], { status: string; n_theta: number; iterations_done: number }>(
    `SELECT status, n_theta, iterations_done FROM runs WHERE id = ?`,
  );
  const insertIteration = db.prepare(`
    INSERT INTO iterations (run_id, ${ITERATION_COLUMNS}, committed_at)
    VALUES (@runId, @iteration, @nComponents, @nTheta, @logWeights, @means, @covariances, @diagnostics,
            @forwardEvaluations, @elapsedSeconds, @committedAt)`);
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

  const commit = db.transaction((runId: string, iteration: Record<string, unknown> & { iteration: number; nTheta: number }, ledger: readonly Record<string, unknown>[]) => {
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
  });

  return {
    commitIteration(runId, entry, evaluations) {
      checkEntry(entry, evaluations);
      const { mixture } = entry;
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
