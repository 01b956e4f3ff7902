/**
 * `gmki validate PROBLEM`: every error of the file at once, or one line saying what it
 * describes, then its warnings on stderr (`warning: observations: …`, core/problem/warnings.ts;
 * the exit status stays 0). It checks the file (problem-format.md §1) and that a javascript model's module file
 * exists, naming `model.path` and where it was looked for (a run would fail at once without it).
 * Nothing of the user's code runs.
 */
import { componentsOf, evaluationBudget, particlesOf } from '../../../core/methods/budget';
import { isGmkiMethod, type ResolvedProblem, type RunSettings } from '../../../core/problem/types';
import { problemWarnings } from '../../../core/problem/warnings';
import type { ValidateOptions } from '../args';
import { CliError, EXIT_INVALID, EXIT_OK } from '../errors';
import { plural } from '../format';
import type { CliIo } from '../io';
import { ModelLoadError } from '../../services/models';
import { modelFile } from '../../services/runs/model-file';
import { loadProblem } from '../problem-input';

export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  const { file, dir, problem } = await loadProblem(options.problemFile);
  await modelFile(problem.model, dir).catch((error: unknown) => {
    if (error instanceof ModelLoadError) throw new CliError(EXIT_INVALID, `${file}: ${error.path}: ${error.message}`);
    throw error;
  });

  const d = problem.parameterNames.length;
  io.stdout(`ok: ${problem.name} — ${plural(d, 'parameter')}, ${dataText(problem)}, ${budgetText(problem.settings, d)}\n`);
  for (const warning of problemWarnings(problem)) io.stderr(`warning: ${warning.path}: ${warning.message}\n`);
  return EXIT_OK;
}

/** `3 observations`, or `a log density (posterior)` for a model that returns log π. */
function dataText(problem: ResolvedProblem): string {
  return problem.output.kind === 'logDensity' ? `a log density (${problem.output.density})` : plural(problem.observations.values.length, 'observation');
}

/**
 * What the run will cost, by the method's own budget (core/methods/budget.ts): `K = 3, 30
 * iterations, 450 forward evaluations` for GMKI; the method, J for particle methods, and for smc
 * the upper bounds it plans (`at most 501 iterations, at most 1002000 forward evaluations`).
 */
function budgetText(settings: RunSettings, d: number): string {
  const budget = evaluationBudget(settings, d);
  const bound = budget.bound === 'at-most' ? 'at most ' : '';
  const cost = `${bound}${plural(budget.iterations, 'iteration')}, ${bound}${plural(budget.total, 'forward evaluation')}`;
  if (isGmkiMethod(settings.method)) return `K = ${componentsOf(settings)}, ${cost}`;
  if (settings.method === 'uki') return `method uki, ${cost}`;
  if (settings.method === 'dfgmvi') return `method dfgmvi, K = ${componentsOf(settings)}, ${cost}`;
  return `method ${settings.method}, J = ${particlesOf(settings)} particles, ${cost}`;
}
