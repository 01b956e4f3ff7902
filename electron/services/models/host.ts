/**
 * One interface for every kind of forward model (architecture.md §3): a host owns `slots`
 * parallel evaluators (worker threads, processes or HTTP connections) and evaluates a batch of
 * points, placing each outcome by the point's index so the result never depends on timing.
 */
import type { ModelOutputKind, ModelSpec } from '../../../core/problem/types';
import type { LogStream } from '../store/types';
import type { JavascriptWorkerFactory } from '../workers/spawn-worker';

export interface EvaluationRequest {
  /** Position in the batch; the outcome carries it back. */
  readonly index: number;
  /** θ in physical units. */
  readonly theta: readonly number[];
}

/** How an evaluation failed; null when it did not. */
export type EvaluationFailureKind = 'threw' | 'bad-output' | 'timeout' | 'crashed' | 'protocol' | 'http' | 'cancelled';

/**
 * One evaluation's result. `failure` says what kind of thing went wrong; `error` gives the
 * details, quoting the model where it said anything: its error message (`division by zero`),
 * what it returned (`it returned NaN at output 2 (of 2)`), how its process ended with the last
 * lines of its stderr, the server's HTTP body. services/runs/failure-message.ts puts the two
 * together with where (iteration, component, sigma point) and θ.
 */
export interface EvaluationOutcome {
  readonly index: number;
  /** The model's output (checked: n_y finite numbers), or null when it failed. */
  readonly output: number[] | null;
  /** A bad-output failure's numbers as the model returned them (wrong count, NaN …), when they were numbers. */
  readonly returned?: readonly number[];
  /** The failure's details, in the model's own words where there are any (stderr tail, HTTP body). */
  readonly error: string | null;
  readonly failure: EvaluationFailureKind | null;
  /** Wall time of every attempt; for a `forwardBatch` call, its time divided among its points. */
  readonly durationMs: number;
  /** Which parallel evaluator (0-based) ran the last attempt. */
  readonly slot: number;
  /** 1, or more when a crash was retried. */
  readonly attempts: number;
}

export interface EvaluateBatchOptions {
  /**
   * Aborting stops launching evaluations; those in flight finish, or end as 'cancelled' when the
   * host is closed meanwhile.
   */
  readonly signal?: AbortSignal;
  /** Called as each evaluation finishes (for progress and the ledger). */
  readonly onOutcome?: (outcome: EvaluationOutcome) => void;
  /** Stop launching new evaluations after the first failure (the default policy). */
  readonly stopOnFailure?: boolean;
}

export interface ModelHost {
  /** Parallel evaluators. */
  readonly slots: number;
  /**
   * Evaluates the requests; resolves with one outcome per request that was started, in index
   * order (requests not started because of a failure or an abort are absent).
   */
  evaluateBatch(requests: readonly EvaluationRequest[], options?: EvaluateBatchOptions): Promise<EvaluationOutcome[]>;
  /**
   * Ends every worker, process or connection; evaluations in flight end as 'cancelled'. The host
   * cannot be used afterwards; calling close() again returns the same promise.
   */
  close(): Promise<void>;
}

export interface ModelHostContext {
  /** Folder the problem's relative paths resolve against. */
  readonly problemDir: string;
  readonly nTheta: number;
  /** n_y: the length every output must have (1 for a log density). */
  readonly nOutputs: number;
  /**
   * What the model returns (`problem-format.md` §2.6; default `observations`): a `logDensity`
   * output is one number, −∞ allowed, NaN, +∞ and |log π| > 1e300 refused.
   */
  readonly outputKind?: ModelOutputKind;
  readonly concurrency: number;
  /** Re-runs of an evaluation whose process or worker crashed (default 1). */
  readonly retries?: number;
  /** The run log (model stdout/stderr lines, restarts, warnings). */
  readonly log: (stream: LogStream, text: string) => void;
  /**
   * How long close() lets a `command` model exit after its stdin is closed, and again after
   * SIGTERM, before it is killed (default 2000 ms).
   */
  readonly closeGraceMs?: number;
  /**
   * Starts the `javascript` pool's worker thread. The default loads the worker's TypeScript
   * source through tsx (plain Node, vitest); an electron-vite build passes the factory of
   * `import create from './javascript-worker?nodeWorker'` instead.
   */
  readonly createJavascriptWorker?: JavascriptWorkerFactory;
  /** Folder holding `gmki_model.py`, added to a `command` model's PYTHONPATH (default: resources/python). */
  readonly pythonHelperDir?: string;
  /**
   * Told when a `command` model's process group starts and ends, so that whoever terminates the
   * thread this host lives in (the run manager's hard stop) can still kill the model processes.
   */
  readonly onProcessGroup?: (pid: number, event: 'started' | 'ended') => void;
}

/**
 * Creates the host of a model spec, with every slot started and checked; throws ModelSetupError
 * (exit 2 / INVALID) when it cannot start. Implemented by createModelHost (host-factory.ts).
 */
export type CreateModelHost = (spec: ModelSpec, context: ModelHostContext) => Promise<ModelHost>;
