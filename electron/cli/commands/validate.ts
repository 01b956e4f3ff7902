/** `gmki validate PROBLEM`: every error of the file at once, or one line saying what it describes. */
import { evaluationsPerIteration } from '../../../core/gmki/process';
import type { ValidateOptions } from '../args';
import { CliError, EXIT_INVALID, EXIT_OK } from '../errors';
import { plural } from '../format';
import type { CliIo } from '../io';
import { checkModelAvailable } from '../../services/models/load';
import { loadProblem } from '../problem-input';

export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  const { file, dir, problem } = await loadProblem(options.problemFile);
  const modelProblem = await checkModelAvailable(problem.model, dir);
  if (modelProblem) throw new CliError(EXIT_INVALID, `${file}: ${modelProblem.path}: ${modelProblem.message}`);

  const { components, iterations } = problem.settings;
  const d = problem.parameterNames.length;
  const evaluations = evaluationsPerIteration(components, d) * iterations;
  io.stdout(
    `ok: ${problem.name} — ${plural(d, 'parameter')}, ${plural(problem.observations.values.length, 'observation')}, ` +
      `K = ${components}, ${plural(iterations, 'iteration')}, ${plural(evaluations, 'forward evaluation')}\n`,
  );
  if (problem.model.type === 'command' || problem.model.type === 'umbridge') {
    io.stderr(`note: this version of gmki run cannot evaluate "${problem.model.type}" models yet.\n`);
  }
  return EXIT_OK;
}
