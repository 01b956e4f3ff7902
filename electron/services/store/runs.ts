/**
 * A run's life in the `runs` table: created queued, claimed by one writer, finished, cancelled
 * through the database from any process, extended, renamed, deleted. Every state change is one
 * UPDATE whose WHERE clause states the allowed starting statuses, so it is atomic across processes.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { evaluationBudget, summaryComponents } from '../../../core/methods/budget';
import { StoreError } from './errors';
import { flag, nowIso, requireCount, requireFiniteNumber, requireInteger, requireName } from './checks';
import { currentOwner, isOwnerAlive } from './liveness';
import { RECORD_COLUMNS, type RecordRow, toRunRecord } from './run-rows';
import type { RunStore } from './run-store';

type RunMethods = Pick<
  RunStore,
  | 'createRun'
  | 'getRun'
  | 'findRunIds'
  | 'claimRun'
  | 'finishRun'
  | 'requestCancel'
  | 'isCancelRequested'
  | 'setIterationsTarget'
  | 'markDeadRunsInterrupted'
  | 'renameRun'
  | 'setNotes'
  | 'deleteRun'
>;

const MAX_NAME_LENGTH = 200;

/** Prepares the run statements once and returns the methods that use them. */
export function runMethods(db: Database): RunMethods {
  const queuedBy = currentOwner();
  const insert = db.prepare(`
    INSERT INTO runs (id, name, status, problem, problem_name, problem_dir, method, seed, components, n_theta,
                      iterations, software_name, software_version, model_hash, created_at, queued_by_pid, queued_by_host)
    VALUES (@id, @name, 'queued', @problem, @problemName, @problemDir, @method, @seed, @components, @nTheta,
            @iterations, @softwareName, @softwareVersion, @modelHash, @createdAt, @queuedByPid, @queuedByHost)`);
  const select = db.prepare<[string], RecordRow>(`SELECT ${RECORD_COLUMNS} FROM runs r WHERE r.id = ?`);
  const claim = db.prepare(`
    UPDATE runs SET status = 'running', owner_pid = @pid, owner_host = @host, started_at = @now,
                    finished_at = NULL, error = NULL, cancel_requested = 0, queued_by_pid = NULL, queued_by_host = NULL
    WHERE id = @id AND status IN ('queued', 'interrupted', 'cancelled', 'completed') AND (@from IS NULL OR status = @from)`);
  const finish = db.prepare(`
    UPDATE runs SET status = @status, error = @error, finished_at = @now, owner_pid = NULL, owner_host = NULL,
                    queued_by_pid = NULL, queued_by_host = NULL,
                    cancel_requested = 0, elapsed_seconds = coalesce(@elapsedSeconds, elapsed_seconds)
    WHERE id = @id AND status IN ('queued', 'running')`);
  const cancelQueued = db.prepare(`
    UPDATE runs SET status = 'cancelled', error = 'cancelled before it started', finished_at = @now,
                    queued_by_pid = NULL, queued_by_host = NULL
    WHERE id = @id AND status = 'queued'`);
  const cancelRunning = db.prepare(`UPDATE runs SET cancel_requested = 1 WHERE id = ? AND status = 'running'`);
  const cancel = db.transaction((id: string) => {
    if (cancelQueued.run({ id, now: nowIso() }).changes === 1) return 'cancelled' as const;
    return cancelRunning.run(id).changes === 1 ? ('requested' as const) : null;
  });
  const cancelRequested = db.prepare<[string], number>(`SELECT cancel_requested FROM runs WHERE id = ?`).pluck();
  const setIterations = db.prepare(`UPDATE runs SET iterations = @iterations WHERE id = @id AND iterations_done <= @iterations`);
  const running = db.prepare<[], { id: string; owner_pid: number; owner_host: string; iterations_done: number }>(
    `SELECT id, owner_pid, owner_host, iterations_done FROM runs WHERE status = 'running'`,
  );
  const interrupt = db.prepare(`
    UPDATE runs SET status = 'interrupted', error = @error, finished_at = @now, owner_pid = NULL, owner_host = NULL
    WHERE id = @id AND status = 'running' AND owner_pid = @pid AND owner_host = @host`);
  const queued = db.prepare<[], { id: string; queued_by_pid: number | null; queued_by_host: string | null }>(
    `SELECT id, queued_by_pid, queued_by_host FROM runs WHERE status = 'queued'`,
  );
  // The queuing process is part of the WHERE clause (IS: it may be NULL), as the owner is above.
  const interruptQueued = db.prepare(`
    UPDATE runs SET status = 'interrupted', error = @error, finished_at = @now, queued_by_pid = NULL, queued_by_host = NULL
    WHERE id = @id AND status = 'queued' AND queued_by_pid IS @pid AND queued_by_host IS @host`);
  const rename = db.prepare(`UPDATE runs SET name = @name WHERE id = @id`);
  const setNotes = db.prepare(`UPDATE runs SET notes = @notes WHERE id = @id`);
  const status = db.prepare<[string], string>(`SELECT status FROM runs WHERE id = ?`).pluck();
  // Ids are UUIDs (hex and dashes), so a prefix needs no LIKE escaping; the primary key serves it.
  const idsWithPrefix = db.prepare<[string, string], string>(`SELECT id FROM runs WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`).pluck();
  const remove = db.prepare(`DELETE FROM runs WHERE id = ? AND status <> 'running'`);

  return {
    createRun(run) {
      const settings = run.problem.settings;
      const id = run.id ?? randomUUID();
      insert.run({
        id,
        name: requireName(run.name.trim() === '' ? run.problem.name : run.name, 'A run name', MAX_NAME_LENGTH),
        problem: JSON.stringify(run.problem),
        problemName: run.problem.name,
        problemDir: run.problemDir,
        method: settings.method,
        seed: requireInteger(settings.seed, 'The seed'),
        // K of the mixture the run stores (1: the Gaussian summary of a method that is not GMKI),
        // and the iterations it plans (an upper bound for smc, set to those done when it ends).
        components: requireCount(summaryComponents(settings), 'The number of components'),
        nTheta: requireCount(run.nTheta, 'The number of parameters'),
        iterations: requireCount(evaluationBudget(settings, run.nTheta).iterations, 'The number of iterations'),
        softwareName: run.softwareName,
        softwareVersion: run.softwareVersion,
        modelHash: run.modelHash,
        createdAt: nowIso(),
        // This process queues the run: if it dies before the run starts, the run is recovered.
        queuedByPid: queuedBy.pid,
        queuedByHost: queuedBy.host,
      });
      return toRunRecord(select.get(id)!);
    },

    getRun(id) {
      const row = select.get(id);
      return row === undefined ? null : toRunRecord(row);
    },

    findRunIds(prefix) {
      return prefix === '' ? [] : idsWithPrefix.all(prefix, `${prefix}\uffff`);
    },

    claimRun(id, owner, from) {
      requireCount(owner.pid, 'The owner pid');
      return claim.run({ id, pid: owner.pid, host: owner.host, now: nowIso(), from: from ?? null }).changes === 1;
    },

    finishRun(id, finalStatus, error, options = {}) {
      const elapsedSeconds = options.elapsedSeconds === undefined ? null : requireFiniteNumber(options.elapsedSeconds, 'The elapsed time');
      return finish.run({ id, status: finalStatus, error, now: nowIso(), elapsedSeconds }).changes === 1;
    },

    requestCancel(id) {
      return cancel.immediate(id);
    },

    isCancelRequested(id) {
      return cancelRequested.get(id) === flag(true);
    },

    setIterationsTarget(id, iterations) {
      return setIterations.run({ id, iterations: requireCount(iterations, 'The number of iterations') }).changes === 1;
    },

    markDeadRunsInterrupted(isAlive = isOwnerAlive) {
      const changed: string[] = [];
      for (const run of running.all()) {
        if (isAlive(run.owner_pid, run.owner_host)) continue;
        const error =
          `The process running this run (pid ${run.owner_pid} on ${run.owner_host}) stopped before the run finished; ` +
          `resume it to continue after iteration ${run.iterations_done}.`;
        // The owner is part of the WHERE clause: a run re-claimed meanwhile by a live process stays untouched.
        const { changes } = interrupt.run({ id: run.id, pid: run.owner_pid, host: run.owner_host, error, now: nowIso() });
        if (changes === 1) changed.push(run.id);
      }
      for (const run of queued.all()) {
        // A run queued before schema 3 has no queuing process on record: whoever queued it is long gone.
        if (run.queued_by_pid !== null && isAlive(run.queued_by_pid, run.queued_by_host ?? '')) continue;
        const who =
          run.queued_by_pid === null ? 'The process that queued this run' : `The process that queued this run (pid ${run.queued_by_pid} on ${run.queued_by_host})`;
        const error = `${who} stopped before the run started; resume it to start it.`;
        const { changes } = interruptQueued.run({ id: run.id, pid: run.queued_by_pid, host: run.queued_by_host, error, now: nowIso() });
        if (changes === 1) changed.push(run.id);
      }
      return changed;
    },

    renameRun(id, name) {
      return rename.run({ id, name: requireName(name, 'A run name', MAX_NAME_LENGTH) }).changes === 1;
    },

    setNotes(id, notes) {
      return setNotes.run({ id, notes }).changes === 1;
    },

    deleteRun(id) {
      if (remove.run(id).changes === 1) return true;
      if (status.get(id) === 'running') {
        throw new StoreError('RUN_STATE', `Run ${id} is running; cancel it before deleting it.`);
      }
      return false;
    },
  };
}
