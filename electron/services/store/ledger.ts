/**
 * The evaluation ledger: every forward evaluation with θ, its output or error, duration, slot and
 * attempts (product.md #7). Committed iterations write their rows through iterations.ts; this
 * file reads the ledger and records the rows of an iteration that failed before its commit.
 */
import type { Database } from 'better-sqlite3';
import { decodeNumbers, encodeFloat64 } from './codec';
import { StoreError } from './errors';
import { requireCount } from './checks';
import { statementCache } from './statement-cache';
import type { RunStore } from './run-store';
import type { EvaluationEntry, EvaluationQuery } from './types';

type LedgerMethods = Pick<RunStore, 'recordEvaluations' | 'getEvaluations' | 'countEvaluations'>;

/** Column list and named values of an `evaluations` INSERT, shared by the commit and `recordEvaluations`. */
export const EVALUATION_COLUMNS = '(run_id, iteration, point_index, component, sigma_point, theta, output, error, duration_ms, slot, attempts)';
export const EVALUATION_VALUES = '(@runId, @iteration, @pointIndex, @component, @sigmaPoint, @theta, @output, @error, @durationMs, @slot, @attempts)';

/** An entry as bound parameters, arrays encoded (done before a transaction, to keep the write lock short). */
export function evaluationParams(runId: string, entry: EvaluationEntry): Record<string, unknown> {
  return {
    runId,
    iteration: entry.iteration,
    pointIndex: entry.pointIndex,
    component: entry.component,
    sigmaPoint: entry.sigmaPoint,
    theta: encodeFloat64(entry.theta),
    output: entry.output === null ? null : encodeFloat64(entry.output),
    error: entry.error,
    durationMs: entry.durationMs,
    slot: entry.slot,
    attempts: entry.attempts,
  };
}

interface EvaluationRow {
  iteration: number;
  point_index: number;
  component: number;
  sigma_point: number;
  theta: Buffer;
  output: Buffer | null;
  error: string | null;
  duration_ms: number;
  slot: number;
  attempts: number;
}

function toEvaluationEntry(row: EvaluationRow): EvaluationEntry {
  return {
    iteration: row.iteration,
    pointIndex: row.point_index,
    component: row.component,
    sigmaPoint: row.sigma_point,
    theta: decodeNumbers(row.theta, 'θ of an evaluation'),
    output: row.output === null ? null : decodeNumbers(row.output, 'output of an evaluation'),
    error: row.error,
    durationMs: row.duration_ms,
    slot: row.slot,
    attempts: row.attempts,
  };
}

function whereClause(query: Pick<EvaluationQuery, 'iteration' | 'failedOnly'>): string {
  return `WHERE run_id = @runId${query.iteration === undefined ? '' : ' AND iteration = @iteration'}${query.failedOnly ? ' AND error IS NOT NULL' : ''}`;
}

/** Prepares the ledger statements (the filtered reads once per filter combination) and returns its methods. */
export function ledgerMethods(db: Database): LedgerMethods {
  const prepare = statementCache(db);
  const runExists = db.prepare<[string], number>(`SELECT 1 FROM runs WHERE id = ?`).pluck();
  const committed = db.prepare<{ runId: string; iteration: number }, number>(`SELECT 1 FROM iterations WHERE run_id = @runId AND iteration = @iteration`).pluck();
  const upsert = db.prepare(`INSERT OR REPLACE INTO evaluations ${EVALUATION_COLUMNS} VALUES ${EVALUATION_VALUES}`);

  const record = db.transaction((runId: string, rows: readonly Record<string, unknown>[], iterations: readonly number[]) => {
    if (runExists.get(runId) === undefined) throw new StoreError('RUN_NOT_FOUND', `There is no run ${runId}.`);
    for (const iteration of iterations) {
      if (committed.get({ runId, iteration }) !== undefined) {
        throw new StoreError('RUN_STATE', `Iteration ${iteration} of run ${runId} is committed; its ledger cannot change.`);
      }
    }
    for (const row of rows) upsert.run(row);
  });

  return {
    recordEvaluations(runId, rows) {
      const params = rows.map((row) => evaluationParams(runId, row));
      record.immediate(runId, params, [...new Set(rows.map((row) => row.iteration))]);
    },

    getEvaluations(runId, query = {}) {
      const limit = query.limit === undefined ? -1 : requireCount(query.limit, 'The evaluation limit');
      const offset = query.offset === undefined ? 0 : requireCount(query.offset, 'The evaluation offset');
      const statement = prepare<[Record<string, unknown>], EvaluationRow>(
        `SELECT iteration, point_index, component, sigma_point, theta, output, error, duration_ms, slot, attempts
         FROM evaluations ${whereClause(query)} ORDER BY iteration, point_index LIMIT @limit OFFSET @offset`,
      );
      const params = { runId, limit, offset, ...(query.iteration === undefined ? {} : { iteration: query.iteration }) };
      return statement.all(params).map(toEvaluationEntry);
    },

    countEvaluations(runId, query = {}) {
      const statement = prepare<[Record<string, unknown>], number>(`SELECT count(*) FROM evaluations ${whereClause(query)}`, { pluck: true });
      return statement.get({ runId, ...(query.iteration === undefined ? {} : { iteration: query.iteration }) }) ?? 0;
    },
  };
}
