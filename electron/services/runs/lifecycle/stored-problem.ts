/**
 * The problem a stored run runs: its problem as run, with the iterations the run is now to do.
 * `extend` raises the run's iteration target without touching anything else, so the target
 * replaces `settings.iterations`; every other setting is as run. Every reader of a run's problem
 * (the run session, resume and extend, exports, duplicate) goes through here, so an extended run
 * reads everywhere as the longer run it is equal to.
 */
import { parseProblem } from '../../../../core/problem';
import type { ProblemFileAsRun, ResolvedProblem } from '../../../../core/problem/types';
import type { RunRecord } from '../../store/types';
import { RunLifecycleError } from './errors';

/** The stored problem with `settings.iterations` = the run's current target. */
export function problemFileAsRun(run: Pick<RunRecord, 'problem' | 'iterations'>): ProblemFileAsRun {
  return { ...run.problem, settings: { ...run.problem.settings, iterations: run.iterations } };
}

/**
 * Parses the run's stored problem (as `problemFileAsRun` gives it).
 * @returns the problem, or the validation errors as `path: message` sentences
 */
export function problemOfRun(run: Pick<RunRecord, 'problem' | 'iterations'>): { ok: true; problem: ResolvedProblem } | { ok: false; errors: string[] } {
  const parsed = parseProblem(problemFileAsRun(run));
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `${e.path}: ${e.message}`) };
  return parsed;
}

/**
 * The run's problem, ready to run again.
 * @throws RunLifecycleError INVALID_STORED_PROBLEM with every error, when it no longer validates
 *   (a problem stored by an older engine with other rules)
 */
export function requireStoredProblem(run: Pick<RunRecord, 'id' | 'problem' | 'iterations'>): ResolvedProblem {
  const parsed = problemOfRun(run);
  if (parsed.ok) return parsed.problem;
  throw new RunLifecycleError('INVALID_STORED_PROBLEM', `the stored problem of run ${run.id} is not valid: ${parsed.errors.join('; ')}`, parsed.errors);
}
