/**
 * `gmki validate PROBLEM`: every error of the file at once, or one line saying what it
 * describes. It checks the file (problem-format.md §1) and that a javascript model's module file
 * exists, naming `model.path` and where it was looked for (a run would fail at once without it).
 * Nothing of the user's code runs.
 */
import { evaluationsPerIteration } from '../../../core/gmki/process';
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

  const { components, iterations } = problem.settings;
  const d = problem.parameterNames.length;
  const evaluations = evaluationsPerIteration(components, d) * iterations;
  io.stdout(
    `ok: ${problem.name} — ${plural(d, 'parameter')}, ${plural(problem.observations.values.length, 'observation')}, ` +
      `K = ${components}, ${plural(iterations, 'iteration')}, ${plural(evaluations, 'forward evaluation')}\n`,
  );
  return EXIT_OK;
}
