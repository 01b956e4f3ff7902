/**
 * Checks of a log-density model (`problem-format.md` §2.6) across fields: `model.output`
 * "logDensity" needs `model.logDensity`, has no `observations`, a `posterior` needs no prior,
 * and only the methods that work from a log density (LOG_DENSITY_METHODS) can run it. Files
 * without `model.output` keep their meaning: `observations` stays required for them.
 */
import type { JsonPath } from './describe';
import { expectedGot, formatPath } from './describe';
import { getBuiltinModel } from './builtins';
import { modelSchema, OBSERVATIONS_EXPECTATION, settingsSchema } from './schema';
import { DEFAULT_GMKI_CONFIG } from '../gmki/config';
import { LOG_DENSITY_METHODS, type LogDensityKind, type ModelOutput, type ProblemError } from './types';

const error = (path: JsonPath, message: string): ProblemError => ({ path: formatPath(path), message });
const quoted = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(' or ');

/** The model's output as the file declares it, when `model` is well-formed; undefined otherwise. */
export function declaredOutput(rawModel: unknown): ModelOutput | undefined {
  const parsed = modelSchema.safeParse(rawModel);
  if (!parsed.success) return undefined;
  const model = parsed.data;
  if (model.output !== 'logDensity') return { kind: 'observations' };
  return model.logDensity === undefined ? undefined : { kind: 'logDensity', density: model.logDensity };
}

/** Whether the raw `model` says `"output": "logDensity"` (whatever else is wrong with it). */
function saysLogDensity(rawModel: unknown): boolean {
  return typeof rawModel === 'object' && rawModel !== null && (rawModel as Record<string, unknown>).output === 'logDensity';
}

/** The errors of a file's model output against its observations, prior, built-in model and method. */
export function checkModelOutput(json: Record<string, unknown>): ProblemError[] {
  const rawModel = json.model;
  const logDensity = saysLogDensity(rawModel);
  const model = (typeof rawModel === 'object' && rawModel !== null ? rawModel : {}) as Record<string, unknown>;
  const errors: ProblemError[] = [];
  if (!logDensity) {
    if (model.logDensity !== undefined) {
      errors.push(error(['model', 'logDensity'], expectedGot('nothing (it goes with "output": "logDensity")', model.logDensity)));
    }
    if (json.observations === undefined) {
      errors.push(error(['observations'], expectedGot(OBSERVATIONS_EXPECTATION, undefined)));
    }
    errors.push(...checkBuiltinOutput(model, false));
    return errors;
  }
  if (model.logDensity === undefined) {
    errors.push(
      error(
        ['model', 'logDensity'],
        expectedGot('"posterior" (the model returns the log posterior, its prior included) or "likelihood" (the log-likelihood; the file\'s prior is added)', undefined),
      ),
    );
  }
  if (json.observations !== undefined) {
    errors.push(error(['observations'], expectedGot('nothing (a log-density model, "output": "logDensity", is compared with no data)', json.observations)));
  }
  if (model.logDensity === 'posterior' && json.prior === 'gaussian') {
    errors.push(
      error(['prior'], expectedGot('"none" (a log posterior already holds its prior: the parameters\' mean and std only set where the methods start)', json.prior)),
    );
  }
  errors.push(...checkBuiltinOutput(model, true), ...checkLogDensityMethod(json.settings));
  return errors;
}

/** A built-in model returns what it returns: its output kind must be the file's. */
function checkBuiltinOutput(model: Record<string, unknown>, logDensity: boolean): ProblemError[] {
  if (model.type !== 'builtin' || typeof model.name !== 'string') return [];
  const builtin = getBuiltinModel(model.name);
  if (!builtin) return [];
  const returnsLogDensity = builtin.output === 'logDensity';
  if (returnsLogDensity === logDensity) return [];
  return returnsLogDensity
    ? [error(['model', 'output'], expectedGot(`"logDensity" (the built-in model "${builtin.name}" returns a log density)`, model.output))]
    : [
        error(
          ['model', 'output'],
          expectedGot(`"observations" or nothing (the built-in model "${builtin.name}" returns ${builtin.nOutputs} predicted observation(s))`, model.output),
        ),
      ];
}

/** `settings.method` must be one that works from a log density; the default (GMKI) does not. */
function checkLogDensityMethod(rawSettings: unknown): ProblemError[] {
  const raw = typeof rawSettings === 'object' && rawSettings !== null ? (rawSettings as Record<string, unknown>).method : undefined;
  const parsed = settingsSchema.shape.method.safeParse(raw);
  if (!parsed.success) return [];
  const method = parsed.data ?? DEFAULT_GMKI_CONFIG.method;
  if ((LOG_DENSITY_METHODS as readonly string[]).includes(method)) return [];
  const why =
    raw === undefined
      ? `a log-density model needs a method that works from log π alone; the default, ${method}, fits a model output G(θ) to data y`
      : `${method} fits a model output G(θ) to data y, which a log-density model does not give`;
  return [error(['settings', 'method'], expectedGot(`${quoted(LOG_DENSITY_METHODS)} (${why})`, raw))];
}

/** The prior kind a resolved problem gets: none for a log posterior, else the file's (default gaussian). */
export function resolvedPriorKind(filePrior: 'gaussian' | 'none' | undefined, density: LogDensityKind | null): 'gaussian' | 'none' {
  if (density === 'posterior') return 'none';
  return filePrior ?? 'gaussian';
}
