/**
 * problem/test-evaluation: one forward evaluation in the model's own host (worker thread, process
 * or HTTP), as a run would do it, so the editor can show the output, its length check and the time
 * before anything is stored. problem/test-evaluations: several θ in one host started once (the
 * prior-predictive check). `gmki eval` uses the same service (models/single-evaluation.ts).
 */
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import type { TestEvaluationPoint } from '../../contract/types';
import type { ResolvedProblem } from '../../../core/problem/types';
import type { EvaluationOutcome } from '../models/host';
import { evaluateMany, evaluateOnce, priorMeanTheta } from '../models/single-evaluation';
import type { HandlerDeps } from './deps';
import { HandlerError } from './errors';
import { problemFolder, requireValidProblem } from './problem-input';

export async function testEvaluation(deps: HandlerDeps, request: ParsedRequestOf<'problem/test-evaluation'>): Promise<ResponseOf<'problem/test-evaluation'>> {
  const problem = requireValidProblem(request.problem, deps.cpuCount);
  const problemDir = await problemFolder(request.problemDir, deps.defaultProblemDir);
  const theta = request.theta ?? priorMeanTheta(problem);
  requireThetaLength(problem, theta, 'theta');
  const { outcome, seconds, setupSeconds, log } = await evaluateOnce(problem, problemDir, theta, deps.createModelHost);
  return { ...pointOf(problem, theta, outcome), seconds, setupSeconds, log: log.map(({ stream, text }) => `${stream}: ${text}`) };
}

export async function testEvaluations(deps: HandlerDeps, request: ParsedRequestOf<'problem/test-evaluations'>): Promise<ResponseOf<'problem/test-evaluations'>> {
  const problem = requireValidProblem(request.problem, deps.cpuCount);
  const problemDir = await problemFolder(request.problemDir, deps.defaultProblemDir);
  request.thetas.forEach((theta, i) => requireThetaLength(problem, theta, `thetas[${i}]`));
  const concurrency = Math.max(1, Math.min(problem.settings.concurrency, request.thetas.length));
  const many = await evaluateMany(problem, problemDir, request.thetas, { concurrency, createHost: deps.createModelHost });
  return {
    points: request.thetas.map((theta, i) => pointOf(problem, theta, many.outcomes[i] ?? null)),
    seconds: many.seconds,
    setupSeconds: many.setupSeconds,
    concurrency,
    log: many.log.map(({ stream, text }) => `${stream}: ${text}`),
  };
}

function requireThetaLength(problem: ResolvedProblem, theta: readonly number[], path: string): void {
  const nTheta = problem.parameterNames.length;
  if (theta.length === nTheta) return;
  const message = `expected ${nTheta} number${nTheta === 1 ? '' : 's'} (one per parameter), got ${theta.length}`;
  throw new HandlerError('INVALID_REQUEST', `${path}: ${message}`, [{ path, message }]);
}

/** What the model gave at θ, with its length check; the time is the evaluation's own. */
function pointOf(problem: ResolvedProblem, theta: readonly number[], outcome: EvaluationOutcome | null): TestEvaluationPoint {
  const nOutputs = problem.observations.values.length;
  const output = outcome?.output ?? null;
  return {
    theta: [...theta],
    output,
    returned: outcome?.returned ? [...outcome.returned] : null,
    expectedLength: nOutputs,
    lengthOk: output !== null && output.length === nOutputs,
    error: outcome ? outcome.error : 'the evaluation did not run',
    seconds: outcome ? outcome.durationMs / 1000 : 0,
  };
}
