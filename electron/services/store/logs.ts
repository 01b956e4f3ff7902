/**
 * Run logs: the model's stdout/stderr and the engine's messages, one row per appended text, in
 * order. A model that prints megabytes must not bloat the database, so one entry is capped.
 */
import type { Database } from 'better-sqlite3';
import { StoreError, sqliteCode } from './errors';
import { nowIso, requireCount } from './checks';
import type { RunStore } from './run-store';
import type { LogStream, StoredLogEntry } from './types';

type LogMethods = Pick<RunStore, 'appendLog' | 'getLogs'>;

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
    .prepare<{ runId: string; at: string; stream: LogStream; text: string }, number>(`
      INSERT INTO run_logs (run_id, seq, at, stream, text)
      SELECT @runId, coalesce(max(seq), 0) + 1, @at, @stream, @text FROM run_logs WHERE run_id = @runId
      RETURNING seq`)
    .pluck();
  const select = db.prepare<{ runId: string; afterSeq: number; limit: number }, StoredLogEntry>(
    `SELECT seq, at, stream, text FROM run_logs WHERE run_id = @runId AND seq > @afterSeq ORDER BY seq LIMIT @limit`,
  );

  return {
    appendLog(runId, stream, text) {
      if (!STREAMS.includes(stream)) throw new StoreError('INVALID_ARGUMENT', `A log stream must be one of ${STREAMS.join(', ')}; got ${String(stream)}.`);
      try {
        return append.get({ runId, at: nowIso(), stream, text: capLogText(String(text)) })!;
      } catch (error) {
        if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('RUN_NOT_FOUND', `There is no run ${runId}.`, { cause: error });
        throw error;
      }
    },

    getLogs(runId, query = {}) {
      const afterSeq = query.afterSeq === undefined ? 0 : requireCount(query.afterSeq, 'The log position');
      const limit = query.limit === undefined ? DEFAULT_LOG_LIMIT : requireCount(query.limit, 'The log limit');
      return select.all({ runId, afterSeq, limit });
    },
  };
}
