/** Shared problem-file builders for the core/problem tests. */
import { parseProblem } from '../../../core/problem/index';
import type { ProblemError, ResolvedProblem } from '../../../core/problem/types';

/** A minimal valid two-parameter problem (a fresh object each call, free to mutate). */
export function validFile(): Record<string, any> {
  return {
    format: 'gmki-problem/1',
    name: 'Two-modal 2D',
    parameters: [
      { name: 'theta1', prior: { mean: 0, std: 1 } },
      { name: 'theta2', prior: { mean: 0, std: 1 } },
    ],
    observations: { values: [4.2297], noise: { std: [1.0] } },
    model: { type: 'javascript', path: 'models/two-modal.mjs' },
  };
}

/** The resolved problem of a file that must be valid (fails the test with its errors otherwise). */
export function resolved(json: unknown, options?: { cpuCount?: number }): ResolvedProblem {
  const result = parseProblem(json, options);
  if (!result.ok) throw new Error(`expected a valid problem, got errors:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result.problem;
}

/** The errors of a file that must be invalid. */
export function errorsOf(json: unknown): ProblemError[] {
  const result = parseProblem(json);
  if (result.ok) throw new Error('expected the problem to be rejected, but it parsed');
  return result.errors;
}
