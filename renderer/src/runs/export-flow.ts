/**
 * How a run's file export reaches the user, apart from the widgets: in a browser run/export
 * returns the bytes and the page downloads them; in the desktop app the save dialog picks a path,
 * the service writes there, and an existing file is replaced only after the user agrees.
 */
import type { DesktopDialogs } from '../../../electron/contract/dialogs';
import type { Result } from '../../../electron/contract/result';
import { EXPORT_FILE_TYPES, suggestedExportFileName, type ExportFormat } from '../../../electron/contract/exports';
import type { ExportOutcome } from '../../../electron/contract/types';

export interface ExportFileRequest {
  readonly format: ExportFormat;
  readonly samples?: number;
  readonly path?: string;
  readonly overwrite?: boolean;
}

export interface ExportFlowDeps {
  readonly runName: string;
  /** run/export for the open run. */
  exportRun(request: ExportFileRequest): Promise<Result<ExportOutcome>>;
  /** null in a browser. */
  readonly dialogs: DesktopDialogs | null;
  /** Asks whether to replace the file at `path`. */
  confirmReplace(path: string): Promise<boolean>;
  /** Offers the bytes as a download. */
  download(base64: string, mediaType: string, fileName: string): void;
}

export type ExportFlowOutcome =
  | { readonly kind: 'downloaded'; readonly fileName: string }
  | { readonly kind: 'saved'; readonly file: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string };

export async function exportRunFile(request: ExportFileRequest, deps: ExportFlowDeps): Promise<ExportFlowOutcome> {
  if (!deps.dialogs) {
    const result = await deps.exportRun(request);
    if (!result.ok) return { kind: 'error', message: result.error.message };
    if (result.value.kind !== 'download') return { kind: 'saved', file: result.value.file };
    deps.download(result.value.base64, result.value.mediaType, result.value.fileName);
    return { kind: 'downloaded', fileName: result.value.fileName };
  }
  const path = await deps.dialogs.saveFile({
    title: 'Export',
    defaultPath: suggestedExportFileName(deps.runName, request.format),
    filters: [EXPORT_FILE_TYPES[request.format].filter],
  });
  if (!path) return { kind: 'cancelled' };
  let result = await deps.exportRun({ ...request, path });
  if (!result.ok && result.error.code === 'CONFLICT') {
    if (!(await deps.confirmReplace(path))) return { kind: 'cancelled' };
    result = await deps.exportRun({ ...request, path, overwrite: true });
  }
  if (!result.ok) return { kind: 'error', message: result.error.message };
  return result.value.kind === 'file' ? { kind: 'saved', file: result.value.file } : { kind: 'downloaded', fileName: result.value.fileName };
}
