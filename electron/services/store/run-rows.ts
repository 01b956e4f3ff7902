/** The `runs` row as SQLite returns it, and its conversion to the API's records. */
import type { ProblemFileAsRun } from '../../../core/problem/types';
import type { RunRecord, RunStatus, RunSummary } from './types';

/**
 * Columns of a run summary; `tags_json` is the run's tags, sorted, as a JSON array, and
 * `failed_evaluations` counts its ledger's failed rows (through the partial index
 * `evaluations_failed`, which holds those rows only).
 */
export const SUMMARY_COLUMNS = `
  r.id, r.name, r.status, r.problem_name, r.problem_dir, r.method, r.seed, r.components, r.n_theta,
  r.iterations, r.iterations_done, r.forward_evaluations, r.elapsed_seconds, r.software_name,
  r.software_version, r.model_hash, r.error, r.notes, r.created_at, r.started_at, r.finished_at,
  r.owner_pid, r.owner_host, r.cancel_requested,
  (SELECT count(*) FROM evaluations e WHERE e.run_id = r.id AND e.error IS NOT NULL) AS failed_evaluations,
  (SELECT json_group_array(tag) FROM (SELECT t.tag FROM tags t WHERE t.run_id = r.id ORDER BY t.tag)) AS tags_json`;

/** Summary columns plus the problem's content. */
export const RECORD_COLUMNS = `${SUMMARY_COLUMNS}, r.problem`;

/** Snake-case columns of `SUMMARY_COLUMNS`, as better-sqlite3 returns them. */
export interface SummaryRow {
  id: string;
  name: string;
  status: RunStatus;
  problem_name: string;
  problem_dir: string | null;
  method: string;
  seed: number;
  components: number;
  n_theta: number;
  iterations: number;
  iterations_done: number;
  forward_evaluations: number;
  failed_evaluations: number;
  elapsed_seconds: number;
  software_name: string;
  software_version: string;
  model_hash: string | null;
  error: string | null;
  notes: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  owner_pid: number | null;
  owner_host: string | null;
  cancel_requested: 0 | 1;
  tags_json: string;
}

export interface RecordRow extends SummaryRow {
  problem: string;
}

/** A summary row as the API's `RunSummary` (tags parsed, the flag as a boolean). */
export function toRunSummary(row: SummaryRow): RunSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    problemName: row.problem_name,
    problemDir: row.problem_dir,
    method: row.method,
    seed: row.seed,
    components: row.components,
    nTheta: row.n_theta,
    iterations: row.iterations,
    iterationsDone: row.iterations_done,
    forwardEvaluations: row.forward_evaluations,
    failedEvaluations: row.failed_evaluations,
    elapsedSeconds: row.elapsed_seconds,
    softwareName: row.software_name,
    softwareVersion: row.software_version,
    modelHash: row.model_hash,
    error: row.error,
    notes: row.notes,
    tags: JSON.parse(row.tags_json) as string[],
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    ownerPid: row.owner_pid,
    ownerHost: row.owner_host,
    cancelRequested: row.cancel_requested === 1,
  };
}

/** A full row as the API's `RunRecord`, with the problem as run parsed. */
export function toRunRecord(row: RecordRow): RunRecord {
  const { problemName: _problemName, ...summary } = toRunSummary(row);
  return { ...summary, problem: JSON.parse(row.problem) as ProblemFileAsRun };
}
