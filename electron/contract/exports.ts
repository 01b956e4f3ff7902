/**
 * The export formats of a run (problem-format.md §3 `runs export --format`, §4) and what their
 * files are called: declared once for the export service, `gmki run --out`, `gmki runs export`,
 * the handlers and the renderer's save dialogs.
 */
import type { FileFilter } from './dialogs';

export const EXPORT_FORMATS = ['csv', 'json', 'npz', 'problem'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True for one of EXPORT_FORMATS (formats arrive as strings from the CLI, IPC and HTTP). */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportFileType {
  /** What a file of the format ends with, after the run's name: `first-try-samples.csv`. */
  readonly suffix: string;
  /** Its media type (a browser download). */
  readonly mediaType: string;
  /** The filter of a save dialog. */
  readonly filter: FileFilter;
}

export const EXPORT_FILE_TYPES: Readonly<Record<ExportFormat, ExportFileType>> = {
  csv: { suffix: '-samples.csv', mediaType: 'text/csv', filter: { name: 'CSV', extensions: ['csv'] } },
  json: { suffix: '-mixture.json', mediaType: 'application/json', filter: { name: 'JSON', extensions: ['json'] } },
  npz: { suffix: '.npz', mediaType: 'application/octet-stream', filter: { name: 'NumPy archive', extensions: ['npz'] } },
  problem: { suffix: '.gmki.json', mediaType: 'application/json', filter: { name: 'JSON', extensions: ['json'] } },
};

/**
 * The result files of `gmki run --out DIR` (and `runs resume|extend --out`), in the order they are
 * written: the `json` and `csv` exports of the run under fixed names (problem-format.md §4).
 */
export const RUN_RESULT_FILES: readonly { readonly format: ExportFormat; readonly name: string }[] = [
  { format: 'json', name: 'mixture.json' },
  { format: 'csv', name: 'samples.csv' },
];

/** A name made safe for every file system: letters, digits, `.`, `_`, `-` (`first try` → `first-try`). */
export function safeFileBase(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return base || 'run';
}

/** A file name for a run's export: its name made safe, then the format's suffix. */
export function suggestedExportFileName(runName: string, format: ExportFormat): string {
  return `${safeFileBase(runName)}${EXPORT_FILE_TYPES[format].suffix}`;
}
