/**
 * The run store's public shape (architecture.md §4): every run, every committed iteration and
 * every forward evaluation, in one SQLite file. Only electron/services/store/** imports
 * better-sqlite3; everything else sees these types. What the channels carry too (runs, ledger
 * rows, log lines, saved problems) is declared once in the contract and re-exported here.
 */
import type { EvaluationEntry, LogEntry, LogStream, RunRecord, RunStatus, RunSummary, SavedProblem, SavedProblemSummary } from '../../contract/types';
import type { Mixture } from '../../../core/gmki/state';
import type { IterationDiagnostics } from '../../../core/inversion/types';
import type { ParticleEnsemble } from '../../../core/methods/types';
import type { ProblemFileAsRun } from '../../../core/problem/types';

export { RUN_STATUSES } from '../../contract/types';
export type { EvaluationEntry, LogStream, RunRecord, RunStatus, RunSummary };

/** What a new run row needs; status starts as `queued`. */
export interface NewRun {
  readonly id?: string;
  readonly name: string;
  readonly problem: ProblemFileAsRun;
  readonly problemDir: string | null;
  readonly nTheta: number;
  readonly softwareName: string;
  readonly softwareVersion: string;
  readonly modelHash: string | null;
}

/** One committed iteration (0 = the initial mixture). */
export interface IterationEntry {
  readonly iteration: number;
  /** GMKI's mixture, or the Gaussian summary (K = 1) of another method. */
  readonly mixture: Mixture;
  /** The ensemble of a particle method (eki, eks, smc); null otherwise. Optional when committing. */
  readonly particles?: ParticleEnsemble | null;
  /** The method's other state (core/methods/types.ts); null when it has none. Optional when committing. */
  readonly methodState?: Float64Array | null;
  readonly diagnostics: IterationDiagnostics;
  /** Forward evaluations of the run up to and including this iteration. */
  readonly forwardEvaluations: number;
  /** Run time (seconds, summed over sessions) when the iteration was complete. */
  readonly elapsedSeconds: number;
}

/** A log line to append (its `seq` is given by the store). */
export type RunLogEntry = Omit<LogEntry, 'seq'>;

/** A log line as stored. */
export type StoredLogEntry = LogEntry;

export interface RunQuery {
  /** Case-insensitive match against name, problem name, notes and tags. */
  readonly search?: string;
  readonly status?: RunStatus;
  readonly tag?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** The process that runs a run; recorded so that a dead owner can be told from a live one. */
export interface RunOwner {
  readonly pid: number;
  readonly host: string;
}

/** The statuses a run ends in. */
export type FinishedStatus = Exclude<RunStatus, 'queued' | 'running'>;

/** Tells whether the process `pid` on `host` still lives (`isOwnerAlive` is the default). */
export type OwnerLiveness = (pid: number, host: string) => boolean;

/** Changes to a run's log made in one transaction (the run's log writer, services/runs/run-log.ts). */
export interface LogBatch {
  /** Lines to append, in order. */
  readonly append: readonly { readonly stream: LogStream; readonly text: string }[];
  /** Deletes the model's output lines (stdout, stderr) with `from ≤ seq ≤ to`; other lines stay. */
  readonly dropModelOutput?: { readonly from: number; readonly to: number };
  /** Replaces the text of one line (a marker counting what was dropped). */
  readonly rewrite?: { readonly seq: number; readonly text: string };
}

export interface LogQuery {
  /** Only lines after this sequence number (to follow a log as it grows); default 0. */
  readonly afterSeq?: number;
  /** At most this many lines; default 1000. */
  readonly limit?: number;
}

/** Inclusive iteration bounds; both default to the whole run. */
export interface IterationRange {
  readonly from?: number;
  readonly to?: number;
}

export interface EvaluationQuery {
  /** Only this iteration's evaluations. */
  readonly iteration?: number;
  /** Only evaluations that failed (an `error` is recorded). */
  readonly failedOnly?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

/** A problem file saved from the app (not a run: runs keep their own copy of the problem). */
export interface NewProblem {
  /** Given to update a saved problem; a new id is made otherwise. */
  readonly id?: string;
  readonly name: string;
  /** The problem file's JSON content, as the user wrote it (settings not resolved). */
  readonly content: Readonly<Record<string, unknown>>;
  /** Folder against which the problem's relative paths resolve, if it has one. */
  readonly dir: string | null;
}

/** A saved problem in a list, and with its content. */
export type ProblemSummary = SavedProblemSummary;
export type ProblemRecord = SavedProblem;
