/**
 * Reading a problem file for `run` and `validate`: the file, its JSON (syntax errors with line
 * and column), the command line's overrides of `settings`, then the core's validation with
 * every error reported at once as `<file>: <path>: <message>`.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseProblem } from '../../core/problem/index';
import type { ResolvedProblem } from '../../core/problem/types';
import { SETTING_FLAGS } from './args';
import type { SettingOverrides } from './args';
import { CliError, EXIT_INVALID } from './errors';
import { parseJsonWithLocation } from '../services/json-syntax';

export interface LoadedProblem {
  /** The path as the user typed it (used in messages). */
  readonly file: string;
  /** Absolute folder of the file: relative paths inside it are resolved against this. */
  readonly dir: string;
  readonly problem: ResolvedProblem;
}

export async function loadProblem(file: string, overrides: SettingOverrides = {}): Promise<LoadedProblem> {
  const json = applyOverrides(await readProblemJson(file), overrides);
  const parsed = parseProblem(json, { cpuCount: availableParallelism() });
  if (!parsed.ok) {
    throw new CliError(
      EXIT_INVALID,
      parsed.errors.map((error) => `${file}: ${error.path}: ${error.message}${overrideNote(error.path, overrides)}`),
    );
  }
  return { file, dir: dirname(resolve(file)), problem: parsed.problem };
}

/** The file's JSON content, or a CliError (exit 2) naming the file and what is wrong. */
export async function readProblemJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(EXIT_INVALID, `gmki: cannot read ${file}: ${describeReadError(error)}`);
  }
  const parsed = parseJsonWithLocation(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    throw new CliError(EXIT_INVALID, `${file}: invalid JSON at line ${line}, column ${column}: ${message}`);
  }
  return parsed.value;
}

/**
 * Puts the command line's values into `settings` before validation, so that they are checked
 * exactly like values written in the file. A `settings` that is not an object is left alone for
 * the validation to report.
 */
export function applyOverrides(json: unknown, overrides: SettingOverrides): unknown {
  if (Object.keys(overrides).length === 0 || !isPlainObject(json)) return json;
  const settings = json.settings;
  if (settings !== undefined && !isPlainObject(settings)) return json;
  return { ...json, settings: { ...(settings ?? {}), ...overrides } };
}

/** `(from --iterations)` when an error is about a setting that came from the command line. */
function overrideNote(path: string, overrides: SettingOverrides): string {
  for (const [flag, field] of Object.entries(SETTING_FLAGS)) {
    if (field in overrides && (path === `settings.${field}` || path.startsWith(`settings.${field}[`))) {
      return ` (from --${flag})`;
    }
  }
  return '';
}

function describeReadError(error: unknown): string {
  switch ((error as { code?: unknown }).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
