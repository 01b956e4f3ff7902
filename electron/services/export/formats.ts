/** The export formats (problem-format.md §3 `runs export --format`) and what a file of each is called. */

export const EXPORT_FORMATS = ['csv', 'json', 'npz', 'problem'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True for one of EXPORT_FORMATS (formats arrive as strings from the CLI, IPC and HTTP). */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** What each format's file name ends with, and its media type (for a browser download). */
export const EXPORT_FILE_TYPES: Readonly<Record<ExportFormat, { readonly suffix: string; readonly mediaType: string }>> = {
  csv: { suffix: '-samples.csv', mediaType: 'text/csv' },
  json: { suffix: '-mixture.json', mediaType: 'application/json' },
  npz: { suffix: '.npz', mediaType: 'application/octet-stream' },
  problem: { suffix: '.gmki.json', mediaType: 'application/json' },
};

/**
 * A file name for a run's export: the run's name made safe for every file system (letters,
 * digits, `.`, `_`, `-`), then the format's suffix: `first try` → `first-try-samples.csv`.
 */
export function suggestedExportFileName(runName: string, format: ExportFormat): string {
  const base = runName
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${base || 'run'}${EXPORT_FILE_TYPES[format].suffix}`;
}
