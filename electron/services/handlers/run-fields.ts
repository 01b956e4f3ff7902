/**
 * run/fields: the problem's field hook (problem-format.md §1.7) at the centre of each component
 * of one iteration and at the reference, for the run page's heat maps. The hook runs in worker
 * threads of the model pool (models/fields-host.ts), started for the request and closed after
 * it; a failure at one θ is that θ's sentence, not the request's.
 */
import { fieldsSchema } from '../../../core/problem/fields';
import { parseProblem } from '../../../core/problem/parse';
import { componentCentre } from '../../../core/results/reference';
import type { ParsedRequestOf, ResponseOf } from '../../contract/channel-map';
import { MAX_FIELD_COMPONENTS, type FieldsAtTheta } from '../../contract/types';
import { createFieldsHost, type FieldsOutcome } from '../models/fields-host';
import type { HandlerDeps } from './deps';
import { HandlerError } from './errors';
import { requireRun } from './runs';

/** Threads for the hook: its calls are short, and the machine is running models too. */
const MAX_FIELDS_THREADS = 2;

export async function getRunFields(deps: HandlerDeps, request: ParsedRequestOf<'run/fields'>): Promise<ResponseOf<'run/fields'>> {
  const run = requireRun(deps, request.runId);
  if (run.problem.fields === undefined) return null;
  const spec = fieldsSchema.safeParse(run.problem.fields);
  const parsed = parseProblem(run.problem, { cpuCount: deps.cpuCount });
  if (!spec.success || !parsed.ok) {
    const first = parsed.ok ? { path: 'fields', message: 'is not a valid fields entry' } : parsed.errors[0]!;
    throw new HandlerError('INVALID_PROBLEM', `The run's problem cannot be read: ${first.path}: ${first.message}`);
  }
  const wanted = request.iteration ?? run.iterationsDone;
  const entry = deps.store.getIterations(run.id, { from: wanted, to: wanted })[0];
  if (!entry) throw new HandlerError('NOT_FOUND', `Run ${run.id} has no iteration ${wanted} (it has ${run.iterationsDone}).`);

  const { mixture } = entry;
  const { transforms, reference } = parsed.problem;
  const weights = Array.from(mixture.logWeights, Math.exp);
  const total = weights.reduce((a, b) => a + b, 0);
  const heaviest = weights.map((weight, component) => ({ component, weight: weight / total })).sort((a, b) => b.weight - a.weight || a.component - b.component);
  const shown = heaviest.slice(0, MAX_FIELD_COMPONENTS);
  const thetas = shown.map(({ component }) => Array.from(componentCentre(mixture, component, transforms)));
  if (reference) thetas.push(Array.from(reference.theta));

  const started = performance.now();
  const host = await (deps.createFieldsHost ?? createFieldsHost)(spec.data, {
    problemDir: run.problemDir ?? deps.defaultProblemDir,
    concurrency: Math.max(1, Math.min(MAX_FIELDS_THREADS, deps.cpuCount, thetas.length)),
    // The hook's console output has no run log to go to here; its failures quote their stderr.
    log: () => undefined,
  });
  let outcomes: FieldsOutcome[];
  try {
    outcomes = await host.evaluate(thetas);
  } finally {
    await host.close();
  }
  const at = (i: number): FieldsAtTheta => {
    const outcome = outcomes[i]!;
    return { theta: thetas[i]!, grids: outcome.ok ? outcome.fields : null, error: outcome.ok ? null : outcome.error, seconds: outcome.seconds };
  };
  return {
    iteration: entry.iteration,
    components: shown.map(({ component, weight }, i) => ({ component, weight, ...at(i) })),
    omitted: heaviest.length - shown.length,
    reference: reference ? { label: reference.label, ...at(shown.length) } : null,
    seconds: (performance.now() - started) / 1000,
  };
}
