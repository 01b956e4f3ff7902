/**
 * The one error class the exporters throw on purpose. Its `code` survives IPC and comlink as data
 * (thrown classes do not), and its message is a sentence a user can act on.
 */

export type ExportErrorCode =
  /** The format is not one of EXPORT_FORMATS. */
  | 'UNKNOWN_FORMAT'
  /** An option has a value the exporter refuses (a negative sample count …). */
  | 'INVALID_OPTION'
  | 'RUN_NOT_FOUND'
  /** The run has no committed iteration, so there is no mixture to export. */
  | 'NO_ITERATIONS'
  /** The stored run does not hold together (its problem no longer validates, shapes differ). */
  | 'INVALID_RUN'
  /** The export would be larger than its way out allows (a download, an NPZ's 4 GiB). */
  | 'TOO_LARGE'
  /** Drawing posterior samples failed (a covariance far from positive definite). */
  | 'SAMPLING_FAILED'
  /** The target file exists and overwriting was not asked for. */
  | 'FILE_EXISTS'
  /** The file system refused the write (no such folder, no permission, disk full …). */
  | 'WRITE_FAILED';

/** An error of an export, with a machine-readable code and a sentence for the user. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for an export error with the given code (works on plain objects that crossed a boundary). */
export function isExportError(error: unknown, code?: ExportErrorCode): error is ExportError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return candidate.name === 'ExportError' && (code === undefined || candidate.code === code);
}
