/**
 * `gmki validate PROBLEM`: every error of the file at once, or one line saying what it
 * describes. It checks the file (problem-format.md §1); what only `run` can find out about the
 * model (a missing module file, an unsupported model type) is a warning on stderr, so that a
 * problem file can be checked before its model is written.
 */
import { evaluationsPerIteration } from '../../../core/gmki/process';
import type { ValidateOptions } from '../args';
import { EXIT_OK } from '../errors';
import { plural } from '../format';
import type { CliIo } from '../io';
import { checkModelAvailable } from '../../services/models/load';
import { loadProblem } from '../problem-input';

export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  const { file, dir, problem } = await loadProblem(options.problemFile);
  const modelProblem = await checkModelAvailable(problem.model, dir);

  const { components, iterations } = problem.settings;
  const d = problem.parameterNames.length;
  const evaluations = evaluationsPerIteration(components, d) * iterations;
  io.stdout(
    `ok: ${problem.name} — ${plural(d, 'parameter')}, ${plural(problem.observations.values.length, 'observation')}, ` +
      `K = ${components}, ${plural(iterations, 'iteration')}, ${plural(evaluations, 'forward evaluation')}\n`,
  );
  if (modelProblem) io.stderr(`warning: ${file}: ${modelProblem.path}: ${modelProblem.message}\n`);
  if (problem.model.type === 'command' || problem.model.type === 'umbridge') {
    io.stderr(`warning: this version of gmki run cannot evaluate "${problem.model.type}" models yet.\n`);
  }
  return EXIT_OK;
}
