/**
 * `gmki eval PROBLEM [--theta JSON]`: G(θ) once, printed as one JSON array (a log-density
 * model's: [log π(θ)]) — how users try a model
 * from the terminal. The same service as the editor's Test evaluation (models/single-evaluation.ts),
 * so the model runs in the host a run would use; errors read as `run`'s do.
 */
import type { ParameterTransform, ResolvedProblem } from '../../../core/problem/types';
import { ModelLoadError } from '../../services/models';
import { evaluateOnce, priorMeanTheta } from '../../services/models/single-evaluation';
import { describeFailureAt } from '../../services/runs/failure-message';
import type { EvalOptions } from '../args';
import { CliError, EXIT_INVALID, EXIT_OK, EXIT_RUN_FAILED, UsageError } from '../errors';
import type { CliIo } from '../io';
import { loadProblem } from '../problem-input';

export async function evalCommand(options: EvalOptions, io: CliIo): Promise<number> {
  const { file, dir, problem } = await loadProblem(options.problemFile);
  const theta = options.theta === undefined ? priorMeanTheta(problem) : parseTheta(options.theta, problem);
  const evaluation = await evaluateOnce(problem, dir, theta).catch((error: unknown) => {
    if (error instanceof ModelLoadError) throw new CliError(EXIT_INVALID, `${file}: ${error.path}: ${error.message}`);
    throw error;
  });
  for (const { stream, text } of evaluation.log) io.stderr(`[${stream}] ${text}\n`);
  const { outcome } = evaluation;
  if (outcome?.output == null) {
    const why = describeFailureAt(theta, outcome?.failure ?? 'cancelled', outcome?.error ?? null, problem.parameterNames);
    throw new CliError(EXIT_RUN_FAILED, `gmki: evaluation failed ${why}`);
  }
  io.stdout(`${outputText(outcome.output)}\n`);
  return EXIT_OK;
}

/**
 * The output as a JSON array; a log density of −∞ (zero density) is written -Infinity, as
 * Python's json writes it (JSON itself has no infinity, and null would hide what it is).
 */
function outputText(output: readonly number[]): string {
  return `[${output.map((value) => (value === Number.NEGATIVE_INFINITY ? '-Infinity' : JSON.stringify(value))).join(',')}]`;
}

/** `--theta` as d finite numbers inside the parameters' bounds, or a UsageError naming the entry. */
function parseTheta(text: string, problem: ResolvedProblem): number[] {
  const d = problem.parameterNames.length;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`eval: --theta: expected a JSON array of ${d} numbers, e.g. '[${Array(Math.min(d, 2)).fill('0.5').join(', ')}]', got '${text}'`, 'eval');
  }
  if (!Array.isArray(value)) throw new UsageError(`eval: --theta: expected a JSON array of ${d} numbers, got '${text}'`, 'eval');
  if (value.length !== d) throw new UsageError(`eval: --theta: expected ${d} number${d === 1 ? '' : 's'} (one per parameter), got ${value.length}`, 'eval');
  value.forEach((entry: unknown, i) => {
    if (typeof entry !== 'number' || !Number.isFinite(entry)) {
      throw new UsageError(`eval: --theta[${i}]: expected a finite number, got ${JSON.stringify(entry)}`, 'eval');
    }
    const outside = boundViolated(entry, problem.transforms[i]!);
    if (outside) throw new UsageError(`eval: --theta[${i}]: expected a number ${outside} (the bound of parameter "${problem.parameterNames[i]}"), got ${entry}`, 'eval');
  });
  return value as number[];
}

/** `> lower` or `< upper` when θ is not strictly inside that bound (the transforms never reach it). */
function boundViolated(theta: number, transform: ParameterTransform): string | null {
  if (transform.lower !== undefined && !(theta > transform.lower)) return `> ${transform.lower}`;
  if (transform.upper !== undefined && !(theta < transform.upper)) return `< ${transform.upper}`;
  return null;
}
