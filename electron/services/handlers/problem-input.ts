/** Shared steps of the handlers that take a problem: validation with every error, and its folder. */
import { stat } from 'node:fs/promises';
import { parseProblem } from '../../../core/problem/parse';
import type { ResolvedProblem } from '../../../core/problem/types';
import { HandlerError } from './errors';
import { requestPath } from './request-paths';

/** The resolved problem, or INVALID_PROBLEM with every error of the file as an issue. */
export function requireValidProblem(json: unknown, cpuCount: number): ResolvedProblem {
  const parsed = parseProblem(json, { cpuCount });
  if (parsed.ok) return parsed.problem;
  const count = parsed.errors.length;
  throw new HandlerError(
    'INVALID_PROBLEM',
    `The problem has ${count} error${count === 1 ? '' : 's'}: ${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}${count > 1 ? ' …' : ''}`,
    parsed.errors,
  );
}

/**
 * The folder a problem's relative paths resolve against: the request's (absolute on this machine,
 * and checked to be an existing folder), or the default one.
 */
export async function problemFolder(requested: string | undefined, fallback: string): Promise<string> {
  if (requested === undefined) return fallback;
  const dir = requestPath('problemDir', requested);
  const info = await stat(dir).catch(() => null);
  if (!info) throw new HandlerError('NOT_FOUND', `problemDir: there is no folder ${dir}`, [{ path: 'problemDir', message: `there is no folder ${dir}` }]);
  if (!info.isDirectory())
    throw new HandlerError('INVALID_REQUEST', `problemDir: ${dir} is a file, not a folder`, [{ path: 'problemDir', message: 'expected a folder, got a file' }]);
  return dir;
}
