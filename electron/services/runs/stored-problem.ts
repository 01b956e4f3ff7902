/** The problem a stored run runs: its problem as run, with the iterations the run is now to do. */
import { parseProblem } from '../../../core/problem';
import type { ResolvedProblem } from '../../../core/problem/types';
import type { RunRecord } from '../store/types';

/**
 * Parses the run's stored problem. `extend` raises the run's iteration target without touching
 * anything else, so the target replaces `settings.iterations`; every other setting is as run.
 * @returns the problem, or the validation errors as sentences
 */
export function problemOfRun(run: RunRecord): { ok: true; problem: ResolvedProblem } | { ok: false; errors: string[] } {
  const settings = { ...run.problem.settings, iterations: run.iterations };
  const parsed = parseProblem({ ...run.problem, settings });
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `${e.path}: ${e.message}`) };
  return parsed;
}
