/**
 * What the run store offers (architecture.md §2, §4). Code outside services/store/ types against
 * this interface and never sees better-sqlite3. Every method is synchronous (better-sqlite3 is);
 * a run worker owns its own store, so a commit never blocks the main thread.
 */
import type {
  EvaluationEntry,
  EvaluationQuery,
  FinishedStatus,
  IterationEntry,
  IterationRange,
  LogBatch,
  LogQuery,
  LogStream,
  NewProblem,
  NewRun,
  OwnerLiveness,
  ProblemRecord,
  ProblemSummary,
  RunOwner,
  RunQuery,
  RunRecord,
  RunStatus,
  RunSummary,
  StoredLogEntry,
} from './types';

export interface RunStore {
  /** Absolute path of the database file (`:memory:` for an in-memory store). */
  readonly path: string;
  readonly readonly: boolean;

  /**
   * Adds a run in status `queued`, queued by this process (recorded, so that the run is recovered
   * if the process dies before it starts); method, seed, components and iterations come from
   * `problem.settings`.
   */
  createRun(run: NewRun): RunRecord;
  getRun(id: string): RunRecord | null;
  /** Ids starting with `prefix` (at most two: enough to tell a unique prefix from an ambiguous one). */
  findRunIds(prefix: string): string[];
  /** Runs matching the query, newest first, without their problem content. */
  listRuns(query?: RunQuery): RunSummary[];
  /** How many runs match the query (limit and offset ignored). */
  countRuns(query?: RunQuery): number;
  /** Every tag in use with its number of runs, alphabetically (for the run browser's filter). */
  listTags(): { readonly tag: string; readonly runs: number }[];

  /**
   * Makes `owner` the run's one writer: atomically moves a queued, interrupted, cancelled or
   * completed (extend) run to `running`, records the owner and start time, clears the error and
   * any cancel request. With `from`, only a run still in that status: a queued run cancelled (or
   * interrupted) since it was queued is not started. False when the run is already running, has
   * failed, is not in status `from`, or does not exist.
   */
  claimRun(id: string, owner: RunOwner, from?: RunStatus): boolean;
  /**
   * Commits one iteration in ONE transaction: the iteration's mixture and diagnostics, its ledger
   * rows (replacing rows an earlier, failed attempt at the same iteration recorded) and the run's
   * iterations done, forward evaluations and elapsed time. Either all of it is written or nothing.
   * The run must be `running`; the iteration must be the next one (or 0, the initial mixture).
   */
  commitIteration(runId: string, entry: IterationEntry, evaluations: readonly EvaluationEntry[]): void;
  /**
   * Records ledger rows of an iteration that will not be committed (it failed), so that the
   * failing evaluation is on record; a row with the same point index is replaced.
   * Rows of committed iterations are refused.
   */
  recordEvaluations(runId: string, rows: readonly EvaluationEntry[]): void;
  /**
   * Ends a queued or running run: sets the status, the error sentence (null for `completed`),
   * the finish time, clears the owner and the cancel request. `elapsedSeconds` replaces the run's
   * total when given (time spent on an iteration that was not committed). False when the run was
   * not queued or running.
   */
  finishRun(id: string, status: FinishedStatus, error: string | null, options?: { readonly elapsedSeconds?: number }): boolean;
  /**
   * Cancels a run from any process: a queued one at once (`cancelled`: the process that queued it
   * will not start it), a running one by a request its owner polls (`requested`); null when the
   * run is neither queued nor running.
   */
  requestCancel(id: string): 'cancelled' | 'requested' | null;
  isCancelRequested(id: string): boolean;
  /** Sets how many iterations the run is to do (extend); false when fewer than it already did, or no such run. */
  setIterationsTarget(id: string, iterations: number): boolean;
  /**
   * Runs left `running` by a dead process, and runs left `queued` by a dead process (or from
   * before queuing processes were recorded), become `interrupted` with a sentence saying so; runs
   * of live processes (another gmki, the app) are left alone. Returns the ids it changed.
   */
  markDeadRunsInterrupted(isAlive?: OwnerLiveness): string[];

  renameRun(id: string, name: string): boolean;
  setNotes(id: string, notes: string): boolean;
  /** Replaces the run's tags (trimmed, duplicates dropped). */
  setTags(id: string, tags: readonly string[]): boolean;
  addTag(id: string, tag: string): boolean;
  removeTag(id: string, tag: string): boolean;
  /** Deletes the run and its iterations, ledger, logs and tags, nothing else; refuses a running run. */
  deleteRun(id: string): boolean;

  /** Committed iterations in order, mixtures decoded bit-identically. */
  getIterations(runId: string, range?: IterationRange): IterationEntry[];
  getLatestIteration(runId: string): IterationEntry | null;
  /** Ledger rows ordered by iteration and point index. */
  getEvaluations(runId: string, query?: EvaluationQuery): EvaluationEntry[];
  countEvaluations(runId: string, query?: Pick<EvaluationQuery, 'iteration' | 'failedOnly'>): number;

  /** Appends a line to the run's log (text over 64 KiB is cut, saying so); returns its sequence number. */
  appendLog(runId: string, stream: LogStream, text: string): number;
  /** Appends, drops and rewrites log lines in one transaction; returns the appended lines' sequence numbers. */
  writeLogBatch(runId: string, batch: LogBatch): number[];
  /** UTF-8 bytes of the model's output (stdout and stderr lines, a newline each) stored for the run. */
  modelOutputBytes(runId: string): number;
  getLogs(runId: string, query?: LogQuery): StoredLogEntry[];

  /** Saves a new problem or updates the one with `problem.id`. */
  saveProblem(problem: NewProblem): ProblemRecord;
  getProblem(id: string): ProblemRecord | null;
  /** Saved problems, most recently updated first. */
  listProblems(): ProblemSummary[];
  deleteProblem(id: string): boolean;

  /**
   * Copies committed pages from the write-ahead log into the database file (a PASSIVE checkpoint,
   * which never waits for readers). SQLite does it on its own inside a commit once the log passes
   * 1 000 pages (16 MiB), which makes that commit slower; a run worker calls this while the forward
   * model evaluates, so commits stay short. No-op on a read-only or in-memory store.
   */
  checkpoint(): void;

  /** Closes the connection (idempotent). */
  close(): void;
}
