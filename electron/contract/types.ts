/**
 * The data the channels carry, declared once: the services (store, run manager, handlers) use
 * these same types and re-export them (electron/services/store/types.ts, runs/progress.ts). The
 * contract imports nothing from node or the services, since the renderer compiles against it.
 */
import type { IterationDiagnostics } from '../../core/inversion/types';
import type { ProblemError, ProblemFileAsRun, RunSettings } from '../../core/problem/types';
import type { Finding, FindingKind, RunDiagnostics } from '../../core/results/diagnostics';
import type { FieldGrid } from '../../core/problem/fields';

export type { FieldGrid, Finding, FindingKind, IterationDiagnostics, ProblemError, ProblemFileAsRun, RunDiagnostics, RunSettings };

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A run's record: its identity, what it ran, how far it got and how it ended. */
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
  /** Iterations the run is to do (grows with run/extend). */
  readonly iterations: number;
  /** Iterations committed so far (0 before the first one). */
  readonly iterationsDone: number;
  readonly forwardEvaluations: number;
  /**
   * Forward evaluations that failed (the ledger's rows with an error): under
   * settings.onEvaluationFailure "skip" those left out, else the one that stopped the run.
   */
  readonly failedEvaluations: number;
  /** Wall time spent running, summed over every session of the run (resumes included). */
  readonly elapsedSeconds: number;
  readonly softwareName: string;
  readonly softwareVersion: string;
  /** SHA-256 of the model file, null where there is none. */
  readonly modelHash: string | null;
  /** Why the run failed, was cancelled or interrupted (the model's message included); null otherwise. */
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

/** A run in a list: every field but the problem's content, which only run/get parses. */
export type RunSummary = Omit<RunRecord, 'problem'> & {
  /** The problem's `name`, copied out of its content. */
  readonly problemName: string;
};

/** A page of runs/list. */
export interface RunList {
  readonly runs: readonly RunSummary[];
  /** Runs matching the query, ignoring limit and offset. */
  readonly total: number;
}

/** One committed iteration as plain arrays (0 = the initial mixture), in the unconstrained space u. */
export interface IterationData {
  readonly iteration: number;
  /** w_k (not log), K numbers summing to 1. */
  readonly weights: readonly number[];
  /** m_k: K arrays of d numbers. */
  readonly means: readonly (readonly number[])[];
  /** C_k: K matrices d×d. */
  readonly covariances: readonly (readonly (readonly number[])[])[];
  /** Misfit, jitter, exploration ESS per component (non-finite numbers arrive as null over HTTP). */
  readonly diagnostics: IterationDiagnostics;
  readonly forwardEvaluations: number;
  readonly elapsedSeconds: number;
}

/** run/iterations: the history of the mixture. */
export interface IterationHistory {
  readonly runId: string;
  readonly parameterNames: readonly string[];
  /** The mixtures live in u (= θ where a parameter has no bounds), problem-format.md §1.1. */
  readonly space: 'unconstrained';
  readonly iterations: readonly IterationData[];
}

/** The most rows run/samples draws at once, and the most numbers (rows × d) it sends: ~40 MB of JSON. */
export const MAX_SAMPLE_ROWS = 100_000;
export const MAX_SAMPLE_NUMBERS = 2_000_000;

/**
 * run/samples: posterior samples of the run's last committed iteration, drawn exactly as the
 * exports draw them (the first `count` rows of `samples.csv` exported with `count` samples): a
 * particle run's particles (all of them, in order, when `count` = J; otherwise drawn with
 * replacement by weight), or draws from a mixture run's mixture. Physical units.
 */
export interface RunSamples {
  readonly runId: string;
  /** The iteration they come from (the last committed one). */
  readonly iteration: number;
  readonly parameterNames: readonly string[];
  /** What `indices` count: mixture components, or particles (eki, eks, smc). */
  readonly source: 'component' | 'particle';
  readonly count: number;
  /** count rows of d numbers, θ in physical units. */
  readonly samples: readonly (readonly number[])[];
  /** Per row: the component or particle it came from (0-based), the samples CSV's last column. */
  readonly indices: readonly number[];
  /** J, the particles of that iteration; null for a mixture run. */
  readonly particles: number | null;
}

/** One forward evaluation of the ledger. */
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

/** A page of run/evaluations. */
export interface EvaluationPage {
  readonly evaluations: readonly EvaluationEntry[];
  readonly total: number;
}

export type LogStream = 'stdout' | 'stderr' | 'info' | 'warning' | 'error';

/**
 * A line of a run's log as stored: `seq` counts from 1 within its run, in the order lines were
 * appended (pass the last one as `afterSeq` to follow the log).
 */
export interface LogEntry {
  readonly seq: number;
  readonly at: string;
  readonly stream: LogStream;
  readonly text: string;
}

/** A problem saved from the editor. */
export interface SavedProblemSummary {
  readonly id: string;
  readonly name: string;
  readonly dir: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SavedProblem extends SavedProblemSummary {
  /** The problem file's JSON as the user wrote it (settings not resolved). */
  readonly content: Readonly<Record<string, unknown>>;
}

/** What problem/validate reports about a valid problem. */
export interface ProblemSummary {
  readonly name: string;
  readonly parameterNames: readonly string[];
  /** d */
  readonly nTheta: number;
  /** n_y: the length of every forward-model output. */
  readonly nOutputs: number;
  readonly modelType: 'javascript' | 'command' | 'umbridge' | 'builtin';
  /** Every setting, defaults filled in. */
  readonly settings: RunSettings;
  /** K·(2d+1): forward evaluations per iteration. */
  readonly evaluationsPerIteration: number;
  /** K·(2d+1)·iterations: the run's evaluation budget. */
  readonly evaluationBudget: number;
}

/** problem/validate: a summary, or every error of the file with its JSON path. */
export type ValidationOutcome = { readonly valid: true; readonly summary: ProblemSummary } | { readonly valid: false; readonly errors: readonly ProblemError[] };

/** A built-in example problem with its file content. */
export interface ExampleInfo {
  readonly id: string;
  readonly fileName: string;
  readonly title: string;
  readonly description: string;
  readonly problem: Readonly<Record<string, unknown>>;
}

/** One θ of a test evaluation and what the model gave for it. */
export interface TestEvaluationPoint {
  /** θ in physical units, as sent to the model. */
  readonly theta: readonly number[];
  /** The output, or null when the evaluation failed. */
  readonly output: readonly number[] | null;
  /**
   * The numbers the model returned when they were refused (a wrong count, NaN …), so the editor
   * can show them; null when it returned none or its output was accepted.
   */
  readonly returned: readonly number[] | null;
  /** How many numbers the model must return (n_y). */
  readonly expectedLength: number;
  /** True when the model returned exactly `expectedLength` finite numbers. */
  readonly lengthOk: boolean;
  /** The failure in the model's own words, null on success. */
  readonly error: string | null;
  /** Wall time of the evaluation alone. */
  readonly seconds: number;
}

/** problem/test-evaluation: one forward evaluation, as the run would do it. */
export interface TestEvaluation extends TestEvaluationPoint {
  /** Time to start the model (workers, processes, connection) before it. */
  readonly setupSeconds: number;
  /** What the model wrote to its log (stderr …), last lines first cut. */
  readonly log: readonly string[];
}

/**
 * problem/test-evaluations: several θ in one model host, started once (the prior-predictive
 * check); every θ is evaluated, a failure at one does not stop the others.
 */
export interface TestEvaluations {
  /** One per θ of the request, in its order. */
  readonly points: readonly TestEvaluationPoint[];
  /** Wall time of the whole batch, the host's start excluded. */
  readonly seconds: number;
  /** Time to start the model host, once for the batch. */
  readonly setupSeconds: number;
  /** How many evaluations ran at once (the problem's concurrency, at most one per θ). */
  readonly concurrency: number;
  /** What the model wrote to its log, the newest lines. */
  readonly log: readonly string[];
}

/** run/export: the bytes for a browser download, or where the file was written. */
export type ExportOutcome =
  | {
      readonly kind: 'download';
      readonly fileName: string;
      readonly mediaType: string;
      /** The file's bytes, base64-encoded. */
      readonly base64: string;
      readonly bytes: number;
    }
  | { readonly kind: 'file'; readonly file: string; readonly bytes: number };

/** problem/read-file: a problem file's JSON object and where it lives. */
export interface ProblemFileContent {
  /** The file's JSON object as written (not validated: the editor opens drafts too). */
  readonly content: Record<string, unknown>;
  /** The file's folder: its model's relative paths resolve against it (run/start's problemDir). */
  readonly problemDir: string;
  /** The file's absolute path. */
  readonly filePath: string;
}

/** problem/write-file: the file written and its size. */
export interface WrittenFile {
  readonly file: string;
  readonly bytes: number;
}

/** run/duplicate: the run's problem, to open in the editor as a new problem. */
export interface DuplicatedProblem {
  readonly problem: Readonly<Record<string, unknown>>;
  readonly problemDir: string | null;
}

/** One setting of the run-setup screen. */
export interface SettingInfo {
  /** The key in the problem file's `settings`. */
  readonly key: string;
  /** Its default on this machine (concurrency: the number of CPU cores). */
  readonly default: unknown;
  /** One line in plain words. */
  readonly explanation: string;
}

export interface SettingsDefaults {
  readonly settings: readonly SettingInfo[];
  readonly cpuCount: number;
}

/** A summary of a run's state, small enough to send ten times a second (never whole ensembles). */
export interface RunProgress {
  readonly runId: string;
  readonly status: RunStatus;
  /** settings.method of the run (core/methods/README.md). */
  readonly method?: string;
  /** Iterations committed. */
  readonly iteration: number;
  readonly iterations: number;
  /** Forward evaluations of the run so far (committed iterations and the one in progress). */
  readonly evaluationsDone: number;
  readonly evaluationsTotal: number;
  readonly evaluationsFailed: number;
  readonly evaluationsInFlight: number;
  readonly elapsedSeconds: number;
  /** Estimated seconds to completion, null until an iteration has been timed. */
  readonly etaSeconds: number | null;
  /** Weights and misfit per component after the last committed iteration. */
  readonly weights: readonly number[];
  readonly misfit: readonly number[];
  /** smc only: where the tempering is after the last committed iteration. */
  readonly tempering?: TemperingProgress;
}

/** An smc run's tempering in a progress event (core/inversion/types.ts SmcDiagnostics). */
export interface TemperingProgress {
  /** 1-based stage, and the most stages the run may take. */
  readonly stage: number;
  readonly maxStages: number;
  /** Inverse temperature β in [0, 1]; 1 is the posterior. */
  readonly beta: number;
  /** Effective sample size of the stage's reweighting, in particles. */
  readonly ess: number;
  /** MH steps done in the stage, and the steps it does. */
  readonly step: number;
  readonly steps: number;
  /** The log-evidence log p(y) once β = 1; null before. */
  readonly logEvidence: number | null;
}

/** A run changed status; `error` says why it failed, was cancelled or interrupted. */
export interface RunStatusChange {
  readonly runId: string;
  readonly status: RunStatus;
  readonly error: string | null;
}

/** run/deleted: a run was deleted through this process (screens that show it drop it). */
export interface RunDeleted {
  readonly runId: string;
}

/** An acknowledgement without data (deletes). */
export interface Done {
  readonly done: true;
}

/** The field hook (problem-format.md §1.7) at one θ: its grids, or the sentence saying why there are none. */
export interface FieldsAtTheta {
  /** θ in physical units, as the hook got it. */
  readonly theta: readonly number[];
  /** Null when the hook failed at θ (then `error` says why, in its own words). */
  readonly grids: readonly FieldGrid[] | null;
  readonly error: string | null;
  readonly seconds: number;
}

/**
 * run/fields: the problem's field hook at the centre of each component of one iteration (its
 * mean in physical units; for a bounded parameter the median, as the distances to the reference
 * use), heaviest first, and at the reference. Components beyond the heaviest MAX_FIELD_COMPONENTS
 * are left out (`omitted` counts them).
 */
export interface RunFields {
  readonly iteration: number;
  readonly components: readonly (FieldsAtTheta & { readonly component: number; readonly weight: number })[];
  readonly omitted: number;
  /** Null when the problem has no reference. */
  readonly reference: (FieldsAtTheta & { readonly label: string }) | null;
  /** Wall time of all the hook's calls, its worker's start included. */
  readonly seconds: number;
}

/** The most components run/fields evaluates the hook for, heaviest first. */
export const MAX_FIELD_COMPONENTS = 16;
