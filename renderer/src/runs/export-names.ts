/**
 * File names the export dialogs suggest. They follow the server's rule
 * (electron/services/export/formats.ts, which the renderer may not import) so that a file saved
 * through the desktop's dialog is named like the same export downloaded in a browser.
 */
import type { ExportFormat } from '../../../electron/contract/types';

const SUFFIXES: Readonly<Record<ExportFormat, string>> = {
  csv: '-samples.csv',
  json: '-mixture.json',
  npz: '.npz',
  problem: '.gmki.json',
};

/** Letters, digits, `.`, `_`, `-` only: `first try` → `first-try`. */
export function safeFileBase(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return base || 'run';
}

export function exportFileName(runName: string, format: ExportFormat): string {
  return `${safeFileBase(runName)}${SUFFIXES[format]}`;
}

/** The save dialog's filter for a format. */
export function exportFilter(format: ExportFormat): { name: string; extensions: string[] } {
  if (format === 'csv') return { name: 'CSV', extensions: ['csv'] };
  if (format === 'npz') return { name: 'NumPy archive', extensions: ['npz'] };
  return { name: 'JSON', extensions: ['json'] };
}
