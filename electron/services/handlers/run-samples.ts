/**
 * run/samples: a run's posterior samples, drawn exactly as `samples.csv` draws them
 * (`drawPosteriorSamples`: the run's seed, its 'posterior-samples' stream), so that a plot, a
 * distance or a check made in the app uses the rows a user exports. A particle run's samples are
 * its particles — the only view of its posterior that shows more than one mode.
 */
import { NotPositiveDefiniteError } from '../../../core/linalg/dense';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import { MAX_SAMPLE_NUMBERS } from '../../contract/types';
import { drawPosteriorSamples } from '../results/index';
import { problemOfRun } from '../runs/lifecycle/stored-problem';
import type { HandlerDeps } from './deps';
import { HandlerError } from './errors';
import { requireRun } from './runs';

export async function getRunSamples(deps: HandlerDeps, request: ParsedRequestOf<'run/samples'>): Promise<ResponseOf<'run/samples'>> {
  const run = requireRun(deps, request.runId);
  const parsed = problemOfRun(run);
  if (!parsed.ok)
    throw new HandlerError('INVALID_PROBLEM', `The problem stored with run ${run.id} is no longer valid (${parsed.errors[0]}), so no samples can be drawn.`);
  const { problem } = parsed;
  const d = problem.parameterNames.length;
  if (request.count * d > MAX_SAMPLE_NUMBERS) {
    const most = Math.floor(MAX_SAMPLE_NUMBERS / d);
    const message = `expected at most ${most} samples of ${d} parameters (${MAX_SAMPLE_NUMBERS} numbers), got ${request.count}`;
    throw new HandlerError('INVALID_REQUEST', `count: ${message}`, [{ path: 'count', message }]);
  }
  const last = deps.store.getLatestIteration(run.id);
  if (!last || last.iteration === 0) {
    throw new HandlerError('CONFLICT', `Run ${run.id} (${run.name}) has no completed iteration, so it has no posterior to draw samples from.`);
  }
  let drawn;
  try {
    drawn = drawPosteriorSamples(last, problem, request.count);
  } catch (error) {
    if (error instanceof NotPositiveDefiniteError) throw new HandlerError('INTERNAL', `Posterior samples of run ${run.id} could not be drawn: ${error.message}`);
    throw error;
  }
  return {
    runId: run.id,
    iteration: last.iteration,
    parameterNames: problem.parameterNames,
    source: drawn.source,
    count: request.count,
    samples: Array.from({ length: request.count }, (_, n) => Array.from(drawn.samples.subarray(n * d, (n + 1) * d))),
    indices: Array.from(drawn.components),
    particles: last.particles?.nParticles ?? null,
  };
}
