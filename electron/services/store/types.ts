/**
 * The run store's public shape (architecture.md §4): every run, every committed iteration and
 * every forward evaluation, in one SQLite file. Only electron/services/store/** imports
 * better-sqlite3; everything else sees these types.
 */
import type { Mixture } from '../../../core/gmki/state';
import type { IterationDiagnostics } from '../../../core/inversion/types';
import type { ParticleEnsemble } from '../../../core/methods/types';
import type { ProblemFileAsRun } from '../../../core/problem/types';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A run's row: its identity, what it ran, how far it got and how it ended. */
export interface RunRecord {
  readonly id: string;
  readonly name: string;
  readonly status: RunStatus;
  /** The problem as run: the file's content with every setting resolved. */
  readonly problem: ProblemFileAsRun;
  /** Absolute folder against which the problem's relative paths (model files) resolve. */
  readonly problemDir: string | null;
  readonly method: string;
  readonly seed: number;
  readonly components: number;
  readonly nTheta: number;
  /** Iterations the run is to do (grows with `extend`). */
  readonly iterations: number;
  /** Iterations committed so far (0 before the first one). */
  readonly iterationsDone: number;
  readonly forwardEvaluations: number;
  /** Wall time spent running, summed over every session of the run (resumes included). */
  readonly elapsedSeconds: number;
  readonly softwareName: string;
  readonly softwareVersion: string;
  /** SHA-256 of the model file (javascript) or null where there is no file. */
  readonly modelHash: string | null;
  /** Why the run failed, was cancelled or interrupted, in a user's words; null otherwise. */
  readonly error: string | null;
  readonly notes: string;
  readonly tags: readonly string[];
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** Process running it (status `running`), so a dead owner can be detected on start-up. */
  readonly ownerPid: number | null;
  readonly ownerHost: string | null;
  readonly cancelRequested: boolean;
}

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

/** One forward evaluation in the ledger. */
export interface EvaluationEntry {
  readonly iteration: number;
  /** Index in the iteration's batch. */
  readonly pointIndex: number;
  readonly component: number;
  readonly sigmaPoint: number;
  /** θ in physical units, as the model received it. */
  readonly theta: readonly number[];
  /** The model's output, or null when the evaluation failed. */
  readonly output: readonly number[] | null;
  /** What went wrong, in the model's own words where it said any; null on success. */
  readonly error: string | null;
  readonly durationMs: number;
  /** The parallel slot (worker, process or HTTP connection) that evaluated it. */
  readonly slot: number;
  /** 1 for the first try; more when a crashed evaluation was retried. */
  readonly attempts: number;
}

export type LogStream = 'stdout' | 'stderr' | 'info' | 'warning' | 'error';

export interface RunLogEntry {
  readonly at: string;
  readonly stream: LogStream;
  readonly text: string;
}

export interface RunQuery {
  /** Case-insensitive match against name, problem name, notes and tags. */
  readonly search?: string;
  readonly status?: RunStatus;
  readonly tag?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** A run in a list: every field but the problem's content, which only `getRun` parses. */
export type RunSummary = Omit<RunRecord, 'problem'> & {
  /** The problem's `name`, copied out of its content. */
  readonly problemName: string;
};

/** The process that runs a run; recorded so that a dead owner can be told from a live one. */
export interface RunOwner {
  readonly pid: number;
  readonly host: string;
}

/** The statuses a run ends in. */
export type FinishedStatus = Exclude<RunStatus, 'queued' | 'running'>;

/** Tells whether the process `pid` on `host` still lives (`isOwnerAlive` is the default). */
export type OwnerLiveness = (pid: number, host: string) => boolean;

/** A log line as stored: `seq` counts from 1 within its run, in the order lines were appended. */
export interface StoredLogEntry extends RunLogEntry {
  readonly seq: number;
}

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

export interface ProblemSummary {
  readonly id: string;
  readonly name: string;
  readonly dir: string | null;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProblemRecord extends ProblemSummary {
  readonly content: Readonly<Record<string, unknown>>;
}
