/**
 * run/export: the bytes of an export for a browser download (base64), or, with `path`, the file
 * written there — never over an existing file unless `overwrite` is true.
 */
import { buildExport, exportRun } from '../export/index';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import type { HandlerDeps } from './deps';
import { requestPath } from './request-paths';
import { requireRun } from './runs';

export async function exportRunHandler(deps: HandlerDeps, request: ParsedRequestOf<'run/export'>): Promise<ResponseOf<'run/export'>> {
  const run = requireRun(deps, request.runId);
  const options = { samples: request.samples };
  if (request.path !== undefined) {
    const written = await exportRun(deps.store, run.id, request.format, requestPath('path', request.path), { ...options, force: request.overwrite === true });
    return { kind: 'file', file: written.file, bytes: written.bytes };
  }
  const content = await buildExport(deps.store, run.id, request.format, options);
  return {
    kind: 'download',
    fileName: content.fileName,
    mediaType: content.mediaType,
    base64: Buffer.from(content.data.buffer, content.data.byteOffset, content.data.byteLength).toString('base64'),
    bytes: content.data.byteLength,
  };
}
