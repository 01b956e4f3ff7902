/**
 * Exports of a stored run (issue 3 item 6, product.md #14): posterior samples as CSV, the mixture
 * of every iteration as JSON (problem-format.md §4), an NPZ for NumPy, and the problem as a
 * re-runnable `.gmki.json`. `buildExport` gives the bytes (the app's download), `exportRun` writes
 * them to a file, atomically and never over an existing file unless asked.
 */
import { resolve } from 'node:path';
import type { RunStore } from '../store/index';
import { prepareExport } from './build';
import type { ExportContentOptions } from './build';
import type { ExportFormat } from '../../contract/exports';
import { writeExportFile } from './write';

export { buildExport, buildJsonExport, MAX_DOWNLOAD_BYTES, prepareExport } from './build';
export type { ExportContent, ExportContentOptions, PreparedExport } from './build';
export { ExportError, isExportError } from './errors';
export type { ExportErrorCode } from './errors';
export { EXPORT_FILE_TYPES, EXPORT_FORMATS, isExportFormat, RUN_RESULT_FILES, suggestedExportFileName } from '../../contract/exports';
export type { ExportFormat } from '../../contract/exports';
export { NPZ_KEYS, PARTICLE_NPZ_KEYS, writeNpzExport } from './npz';
export type { NpzExportInput, NpzKey } from './npz';
export { buildProblemExport, problemWithAbsolutePaths } from './problem-file';
export { memorySink } from './sink';
export type { ByteSink } from './sink';

export interface ExportOptions extends ExportContentOptions {
  /** Replace `outFile` if it exists (default: refuse with FILE_EXISTS). */
  readonly force?: boolean;
}

/** Where an export went. */
export interface ExportResult {
  /** Absolute path of the written file. */
  readonly file: string;
  /** Its size in bytes. */
  readonly bytes: number;
}

/**
 * Writes run `runId`'s export in `format` to `outFile` (resolved against the working folder; its
 * folder is created), in pieces as it is produced. Nothing is written when the export cannot be
 * prepared; a failure while writing leaves no file.
 * @throws ExportError UNKNOWN_FORMAT, INVALID_OPTION, RUN_NOT_FOUND, NO_ITERATIONS, INVALID_RUN,
 *   TOO_LARGE, SAMPLING_FAILED, FILE_EXISTS (naming the file), WRITE_FAILED
 */
export async function exportRun(store: RunStore, runId: string, format: ExportFormat, outFile: string, options: ExportOptions = {}): Promise<ExportResult> {
  const file = resolve(outFile);
  const prepared = prepareExport(store, runId, format, options);
  const bytes = await writeExportFile(file, (sink) => prepared.write(sink), options.force === true);
  return { file, bytes };
}
