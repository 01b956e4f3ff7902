/**
 * Forward models evaluated in the calling process (the CLI for now; the worker pool and the
 * process/HTTP hosts come with the run store). A model is reduced to one or both of the two
 * functions of `problem-format.md` §2.1, whatever its type.
 */
import type { EvaluationPoint } from '../../../core/inversion/types';

export interface ForwardFunctions {
  /** G(θ) for one θ in physical units; may return a promise. */
  readonly forward?: (theta: number[]) => unknown;
  /** G for many θ at once; preferred when present. */
  readonly forwardBatch?: (thetas: number[][]) => unknown;
}

export interface LoadedModel extends ForwardFunctions {
  /** How the model is named in messages: `builtin model "two-modal-2d"`, `/abs/path/model.mjs`. */
  readonly label: string;
}

/**
 * The model cannot be used at all (missing file, no exported function, unsupported type):
 * a problem with the setup, reported before anything runs. `path` is the JSON path of the field.
 */
export class ModelLoadError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

/**
 * A forward evaluation failed. `point` is null when a whole `forwardBatch` call failed and no
 * single point can be blamed. `detail` is the model's own words (its Error.message) or what was
 * wrong with the value it returned.
 */
export class EvaluationFailure extends Error {
  constructor(
    readonly point: EvaluationPoint | null,
    readonly kind: 'threw' | 'bad-output',
    readonly detail: string,
    readonly batchSize: number,
  ) {
    super(detail);
    this.name = 'EvaluationFailure';
  }
}

/** The message of whatever a model threw, without our stack trace. */
export function thrownMessage(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message || thrown.name;
  if (typeof thrown === 'string') return thrown;
  try {
    return JSON.stringify(thrown) ?? String(thrown);
  } catch {
    return String(thrown);
  }
}
