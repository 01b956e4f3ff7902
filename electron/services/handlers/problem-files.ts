/**
 * Problem files on disk for the editor (Open… / Save… of the desktop app, path fields in a
 * browser): read one as its JSON object, write one as pretty JSON. Content is not validated
 * either way — the editor opens and saves drafts too (problem/validate and run/start check it).
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
// The CLI's JSON reader, so that the editor and `gmki validate` locate a syntax error alike.
import { parseJsonWithLocation } from '../json-syntax';
import { isExportError } from '../export/errors';
import { readRegularFile, UnreadableFileError } from '../regular-files';
import { writeExportFile } from '../export/write';
import { stringifyJson } from '../results/index';
import type { HandlerDeps } from './deps';
import { HandlerError } from './errors';
import { requestPath } from './request-paths';

/** Problem files are small (even a d = 128 problem is a few hundred kB); anything larger is a wrong file. */
export const MAX_PROBLEM_FILE_BYTES = 16 * 1024 * 1024;

/** problem/read-file: the file's JSON object, its folder and its absolute path. */
export async function readProblemFile(_deps: HandlerDeps, request: ParsedRequestOf<'problem/read-file'>): Promise<ResponseOf<'problem/read-file'>> {
  const filePath = requestPath('path', request.path);
  const bytes = await readRegularFile(filePath, MAX_PROBLEM_FILE_BYTES).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') throw new HandlerError('NOT_FOUND', `There is no file ${filePath}.`);
    if (!(error instanceof UnreadableFileError)) throw error;
    if ('kind' in error.refusal) throw new HandlerError('IO', `${filePath} is ${error.refusal.kind}, not a problem file.`);
    throw invalidFile(filePath, `the file is ${mebibytes(error.refusal.size)}; a problem file may be at most ${mebibytes(MAX_PROBLEM_FILE_BYTES)}`);
  });
  const parsed = parseJsonWithLocation(bytes.toString('utf8'));
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    throw invalidFile(filePath, `invalid JSON at line ${line}, column ${column}: ${message}`);
  }
  const content = parsed.value;
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw invalidFile(filePath, `expected a JSON object (a gmki-problem/1 file), found ${Array.isArray(content) ? 'an array' : JSON.stringify(content)}`);
  }
  return { content: content as Record<string, unknown>, problemDir: dirname(filePath), filePath };
}

/**
 * problem/write-file: pretty JSON (2 spaces, short arrays on one line, trailing newline), written
 * atomically; an existing file is replaced only with `overwrite`, and the folder must exist
 * (a typo in a path should not quietly create folders).
 */
export async function writeProblemFile(_deps: HandlerDeps, request: ParsedRequestOf<'problem/write-file'>): Promise<ResponseOf<'problem/write-file'>> {
  const file = requestPath('path', request.path);
  const folder = dirname(file);
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo?.isDirectory()) throw new HandlerError('IO', `Cannot write ${file}: the folder ${folder} does not exist.`);
  const data = new TextEncoder().encode(stringifyJson(request.content));
  try {
    await writeExportFile(file, data, request.overwrite === true);
  } catch (error) {
    if (isExportError(error) && error.code === 'FILE_EXISTS') {
      throw new HandlerError('CONFLICT', `${file} already exists; save with overwrite to replace it.`);
    }
    if (isExportError(error)) throw new HandlerError('IO', error.message);
    throw error;
  }
  return { file, bytes: data.byteLength };
}

function invalidFile(file: string, message: string): HandlerError {
  return new HandlerError('INVALID_PROBLEM', `${file}: ${message}`, [{ path: '(root)', message: `${file}: ${message}` }]);
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
