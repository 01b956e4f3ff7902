/**
 * `gmki validate PROBLEM`: every error of the file at once, or one line saying what it
 * describes. It checks the file (problem-format.md §1); a model file that does not exist yet is a
 * warning on stderr, so that a problem file can be checked before its model is written. Nothing
 * of the user's code runs.
 */
import { evaluationsPerIteration } from '../../../core/gmki/process';
import type { ValidateOptions } from '../args';
import { EXIT_OK } from '../errors';
import { plural } from '../format';
import type { CliIo } from '../io';
import { ModelLoadError } from '../../services/models';
import { modelFile } from '../../services/runs/model-file';
import { loadProblem } from '../problem-input';

export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  const { file, dir, problem } = await loadProblem(options.problemFile);
  const modelProblem = await modelFile(problem.model, dir).then(
    () => null,
    (error: unknown) => {
      if (error instanceof ModelLoadError) return { path: error.path, message: error.message };
      throw error;
    },
  );

  const { components, iterations } = problem.settings;
  const d = problem.parameterNames.length;
  const evaluations = evaluationsPerIteration(components, d) * iterations;
  io.stdout(
    `ok: ${problem.name} — ${plural(d, 'parameter')}, ${plural(problem.observations.values.length, 'observation')}, ` +
      `K = ${components}, ${plural(iterations, 'iteration')}, ${plural(evaluations, 'forward evaluation')}\n`,
  );
  if (modelProblem) io.stderr(`warning: ${file}: ${modelProblem.path}: ${modelProblem.message}\n`);
  return EXIT_OK;
}
