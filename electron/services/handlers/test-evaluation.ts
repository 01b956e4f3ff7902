/**
 * problem/test-evaluation: one forward evaluation in the model's own host (worker thread, process
 * or HTTP), as a run would do it, so the editor can show the output, its length check and the time
 * before anything is stored.
 */
import { performance } from 'node:perf_hooks';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import { createModelHost as realCreateModelHost } from '../models/host-factory';
import type { HandlerDeps } from './deps';
import { HandlerError } from './errors';
import { problemFolder, requireValidProblem } from './problem-input';

/** Lines of the model's log returned with the result (the editor shows a short tail). */
const LOG_LINES = 50;

export async function testEvaluation(
  deps: HandlerDeps,
  request: ParsedRequestOf<'problem/test-evaluation'>,
): Promise<ResponseOf<'problem/test-evaluation'>> {
  const problem = requireValidProblem(request.problem, deps.cpuCount);
  const problemDir = await problemFolder(request.problemDir, deps.defaultProblemDir);
  const nTheta = problem.parameterNames.length;
  const theta = request.theta ?? priorMean(request.problem, nTheta);
  if (theta.length !== nTheta) {
    const message = `expected ${nTheta} number${nTheta === 1 ? '' : 's'} (one per parameter), got ${theta.length}`;
    throw new HandlerError('INVALID_REQUEST', `theta: ${message}`, [{ path: 'theta', message }]);
  }
  const nOutputs = problem.observations.values.length;
  const log: string[] = [];
  const started = performance.now();
  const host = await (deps.createModelHost ?? realCreateModelHost)(problem.model, {
    problemDir,
    nTheta,
    nOutputs,
    concurrency: 1,
    retries: 0,
    log: (stream, text) => {
      log.push(`${stream}: ${text}`);
      if (log.length > LOG_LINES) log.shift();
    },
  });
  try {
    const ready = performance.now();
    const [outcome] = await host.evaluateBatch([{ index: 0, theta }]);
    const seconds = (performance.now() - ready) / 1000;
    const output = outcome?.output ?? null;
    return {
      theta,
      output,
      returned: outcome?.returned ? [...outcome.returned] : null,
      expectedLength: nOutputs,
      lengthOk: output !== null && output.length === nOutputs,
      error: outcome ? outcome.error : 'the evaluation did not run',
      seconds,
      setupSeconds: (ready - started) / 1000,
      log,
    };
  } finally {
    await host.close();
  }
}

/** The prior means as written in the (valid) file: θ in physical units, inside any bounds. */
function priorMean(json: Readonly<Record<string, unknown>>, nTheta: number): number[] {
  const parameters = json.parameters as readonly { prior: { mean: number } }[];
  return parameters.slice(0, nTheta).map((parameter) => parameter.prior.mean);
}
