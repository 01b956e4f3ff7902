/**
 * The problem as run, as a `.gmki.json` file that runs from anywhere (product.md #14: "the problem
 * as a re-runnable problem file"). Relative paths in a problem file resolve against the file's own
 * folder (problem-format.md §1); the export will live somewhere else, so the paths that the run
 * resolved against its folder become absolute. Everything else — settings resolved, seed included
 * — stays as run, so running the file again reproduces the run.
 */
import { isAbsolute, resolve } from 'node:path';
import type { ProblemFileAsRun } from '../../../core/problem/types';
import type { RunRecord } from '../store/index';
import { stringifyJson } from '../results/index';

/**
 * The stored problem with its model paths made absolute: a `javascript` model's `path`, and a
 * `command` model's `cwd` (default `.`), which its relative program and arguments resolve
 * against. Without a `problemDir` (a problem made in the app and never saved) the paths stay as
 * they are: there is nothing to resolve them against.
 * @returns a new object; `run.problem` is not changed
 */
export function problemWithAbsolutePaths(run: Pick<RunRecord, 'problem' | 'problemDir'>): ProblemFileAsRun {
  const problem = structuredClone(run.problem) as ProblemFileAsRun & { model?: unknown };
  const dir = run.problemDir;
  const model = problem.model;
  if (dir === null || typeof model !== 'object' || model === null) return problem;
  const spec = model as Record<string, unknown>;
  const absolute = (path: string): string => (isAbsolute(path) ? path : resolve(dir, path));
  if (spec.type === 'javascript' && typeof spec.path === 'string') spec.path = absolute(spec.path);
  if (spec.type === 'command') spec.cwd = absolute(typeof spec.cwd === 'string' ? spec.cwd : '.');
  return problem;
}

/** The text of the re-runnable problem file: pretty JSON, numbers in round-trip form. */
export function buildProblemExport(run: Pick<RunRecord, 'problem' | 'problemDir'>): string {
  return stringifyJson(problemWithAbsolutePaths(run));
}
