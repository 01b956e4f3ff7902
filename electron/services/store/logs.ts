/**
 * Run logs: the model's stdout/stderr and the engine's messages, one row per appended text, in
 * order. A model that prints megabytes must not bloat the database, so one entry is capped here,
 * and the whole of a run's model output by the run's log writer (services/runs/run-log.ts),
 * which writes through `writeLogBatch`.
 */
import type { Database } from 'better-sqlite3';
import { StoreError, sqliteCode } from './errors';
import { nowIso, requireCount } from './checks';
import type { RunStore } from './run-store';
import type { LogBatch, LogStream, StoredLogEntry } from './types';

type LogMethods = Pick<RunStore, 'appendLog' | 'writeLogBatch' | 'modelOutputBytes' | 'getLogs'>;

/** Characters one log entry keeps (64 Ki); the rest is cut out of its middle. */
export const MAX_LOG_TEXT = 64 * 1024;
const DEFAULT_LOG_LIMIT = 1000;
const STREAMS: readonly LogStream[] = ['stdout', 'stderr', 'info', 'warning', 'error'];

/**
 * Text over the cap keeps its beginning and its end — where a traceback's last lines, the model's
 * own words, usually are — with a note of how much was left out between them.
 */
export function capLogText(text: string, max: number = MAX_LOG_TEXT): string {
  if (text.length <= max) return text;
  const note = (omitted: number) => `\n… [log entry truncated: ${omitted} characters left out] …\n`;
  const keep = max - note(text.length).length;
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return text.slice(0, head) + note(text.length - keep) + text.slice(text.length - tail);
}

/** Prepares the log statements once and returns append and read. */
export function logMethods(db: Database): LogMethods {
  // seq = the run's last seq + 1, computed inside the INSERT so that two writers cannot take the same number.
  const append = db
    .prepare<{ runId: string; at: string; stream: LogStream; text: string }, number>(
      `
      INSERT INTO run_logs (run_id, seq, at, stream, text)
      SELECT @runId, coalesce(max(seq), 0) + 1, @at, @stream, @text FROM run_logs WHERE run_id = @runId
      RETURNING seq`,
    )
    .pluck();
  const rewrite = db.prepare(`UPDATE run_logs SET text = @text WHERE run_id = @runId AND seq = @seq`);
  const dropModelOutput = db.prepare(`DELETE FROM run_logs WHERE run_id = @runId AND seq BETWEEN @from AND @to AND stream IN ('stdout', 'stderr')`);
  const modelBytes = db
    .prepare<[string], number>(`SELECT coalesce(sum(length(CAST(text AS BLOB)) + 1), 0) FROM run_logs WHERE run_id = ? AND stream IN ('stdout', 'stderr')`)
    .pluck();
  const insert = (runId: string, stream: LogStream, text: string, at: string): number => {
    if (!STREAMS.includes(stream)) throw new StoreError('INVALID_ARGUMENT', `A log stream must be one of ${STREAMS.join(', ')}; got ${String(stream)}.`);
    try {
      return append.get({ runId, at, stream, text: capLogText(String(text)) })!;
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('RUN_NOT_FOUND', `There is no run ${runId}.`, { cause: error });
      throw error;
    }
  };
  const batch = db.transaction((runId: string, entries: readonly LogBatch['append'][number][], drop: LogBatch['dropModelOutput'], change: LogBatch['rewrite']) => {
    const at = nowIso();
    const seqs = entries.map((entry) => insert(runId, entry.stream, entry.text, at));
    if (drop) dropModelOutput.run({ runId, from: drop.from, to: drop.to });
    if (change) rewrite.run({ runId, seq: change.seq, text: capLogText(change.text) });
    return seqs;
  });
  const select = db.prepare<{ runId: string; afterSeq: number; limit: number }, StoredLogEntry>(
    `SELECT seq, at, stream, text FROM run_logs WHERE run_id = @runId AND seq > @afterSeq ORDER BY seq LIMIT @limit`,
  );

  return {
    appendLog(runId, stream, text) {
      return insert(runId, stream, text, nowIso());
    },

    writeLogBatch(runId, { append: entries, dropModelOutput: drop, rewrite: change }) {
      return batch.immediate(runId, entries, drop, change);
    },

    modelOutputBytes(runId) {
      return modelBytes.get(runId)!;
    },

    getLogs(runId, query = {}) {
      const afterSeq = query.afterSeq === undefined ? 0 : requireCount(query.afterSeq, 'The log position');
      const limit = query.limit === undefined ? DEFAULT_LOG_LIMIT : requireCount(query.limit, 'The log limit');
      return select.all({ runId, afterSeq, limit });
    },
  };
}
