/** Handlers of the problem editor: validation with the budget, the built-in examples, saved problems. */
import { evaluationBudget } from '../../../core/methods/budget';
import { EXAMPLE_PROBLEMS } from '../../../core/problem/examples';
import { parseProblem } from '../../../core/problem/parse';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import type { HandlerDeps } from './deps';
import { HandlerError } from './errors';
import { requestPath } from './request-paths';

/** problem/validate: every error with its JSON path, or a summary with the evaluation budget. */
export async function validateProblem(deps: HandlerDeps, request: ParsedRequestOf<'problem/validate'>): Promise<ResponseOf<'problem/validate'>> {
  const parsed = parseProblem(request.problem, { cpuCount: deps.cpuCount });
  if (!parsed.ok) return { valid: false, errors: parsed.errors };
  const { problem } = parsed;
  const nTheta = problem.parameterNames.length;
  const budget = evaluationBudget(problem.settings, nTheta);
  return {
    valid: true,
    summary: {
      name: problem.name,
      parameterNames: problem.parameterNames,
      nTheta,
      nOutputs: problem.observations.values.length,
      modelType: problem.model.type,
      settings: problem.settings,
      evaluationsPerIteration: budget.perIteration,
      evaluationBudget: budget.total,
    },
  };
}

/** problem/examples: the built-in examples with their file content. */
export async function listExamples(): Promise<ResponseOf<'problem/examples'>> {
  return EXAMPLE_PROBLEMS.map((example) => ({
    id: example.id,
    fileName: example.fileName,
    title: example.title,
    description: example.description,
    problem: example.problem as Readonly<Record<string, unknown>>,
  }));
}

/** problems/list: saved problems, most recently updated first. */
export async function listProblems(deps: HandlerDeps): Promise<ResponseOf<'problems/list'>> {
  return deps.store.listProblems();
}

/** problems/get */
export async function getProblem(deps: HandlerDeps, request: ParsedRequestOf<'problems/get'>): Promise<ResponseOf<'problems/get'>> {
  const problem = deps.store.getProblem(request.id);
  if (!problem) throw new HandlerError('NOT_FOUND', `There is no saved problem with id ${request.id}.`);
  return problem;
}

/**
 * problems/save: saves a draft as it is — an editor saves unfinished problems too, so the content
 * is not validated here (problem/validate and run/start do that).
 */
export async function saveProblem(deps: HandlerDeps, request: ParsedRequestOf<'problems/save'>): Promise<ResponseOf<'problems/save'>> {
  if (request.id !== undefined && !deps.store.getProblem(request.id)) {
    throw new HandlerError('NOT_FOUND', `There is no saved problem with id ${request.id}.`);
  }
  const dir = request.dir ? requestPath('dir', request.dir) : null;
  return deps.store.saveProblem({ id: request.id, name: request.name, content: request.content, dir });
}

/** problems/delete */
export async function deleteProblem(deps: HandlerDeps, request: ParsedRequestOf<'problems/delete'>): Promise<ResponseOf<'problems/delete'>> {
  if (!deps.store.deleteProblem(request.id)) throw new HandlerError('NOT_FOUND', `There is no saved problem with id ${request.id}.`);
  return { done: true };
}
