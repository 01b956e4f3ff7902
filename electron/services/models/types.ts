/**
 * A JavaScript model as loaded in its worker: one or both of the two functions of
 * `problem-format.md` §2.1; and the setup error shared by every host.
 */

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
