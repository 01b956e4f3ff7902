/**
 * problem/test-evaluation: one forward evaluation in the model's own host (worker thread, process
 * or HTTP), as a run would do it, so the editor can show the output, its length check and the time
 * before anything is stored. `gmki eval` uses the same service (models/single-evaluation.ts).
 */
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import { evaluateOnce, priorMeanTheta } from '../models/single-evaluation';
import type { HandlerDeps } from './deps';
import { HandlerError } from './errors';
import { problemFolder, requireValidProblem } from './problem-input';

export async function testEvaluation(
  deps: HandlerDeps,
  request: ParsedRequestOf<'problem/test-evaluation'>,
): Promise<ResponseOf<'problem/test-evaluation'>> {
  const problem = requireValidProblem(request.problem, deps.cpuCount);
  const problemDir = await problemFolder(request.problemDir, deps.defaultProblemDir);
  const nTheta = problem.parameterNames.length;
  const theta = request.theta ?? priorMeanTheta(problem);
  if (theta.length !== nTheta) {
    const message = `expected ${nTheta} number${nTheta === 1 ? '' : 's'} (one per parameter), got ${theta.length}`;
    throw new HandlerError('INVALID_REQUEST', `theta: ${message}`, [{ path: 'theta', message }]);
  }
  const nOutputs = problem.observations.values.length;
  const { outcome, seconds, setupSeconds, log } = await evaluateOnce(problem, problemDir, theta, deps.createModelHost);
  const output = outcome?.output ?? null;
  return {
    theta,
    output,
    returned: outcome?.returned ? [...outcome.returned] : null,
    expectedLength: nOutputs,
    lengthOk: output !== null && output.length === nOutputs,
    error: outcome ? outcome.error : 'the evaluation did not run',
    seconds,
    setupSeconds,
    log: log.map(({ stream, text }) => `${stream}: ${text}`),
  };
}
