/**
 * `parseProblem`: a problem file (`problem-format.md` §1) from `unknown` JSON to a
 * `ResolvedProblem`, or every error of the file at once, each with its JSON path (§1.3).
 *
 * Order of work: the zod schema (types, required fields, unknown keys, single-value ranges),
 * then the semantic checks on every part that is well-formed (`semantics.ts`), then — only
 * when nothing is wrong — resolution: defaults, the prior in u, the full noise covariance.
 * Model paths are left as written; hosts resolve them against the file's folder.
 */
import type { ModelOutput, ModelSpec, ProblemError, ResolvedProblem } from './types';
import { DEFAULT_REFERENCE_LABEL, LOG_DENSITY_OUTPUT_NAME } from './types';
import { checkModelOutput, declaredOutput, resolvedPriorKind } from './log-density';
import type { ProblemFile } from './schema';
import { PROBLEM_FILE_KEYS, problemFileSchema } from './schema';
import { expectedGot } from './describe';
import type { IssueRecord } from './issues';
import { issuesToProblemErrors } from './issues';
import type { ConstrainedGaussian } from './transforms';
import { transformFor } from './transforms';
import { toSymmetricArray } from './matrix-checks';
import type { SettingsOptions } from './settings';
import { resolveSettings } from './settings';
import { checkModel, checkObservations, checkParameters, checkPriorCorrelation, checkReference, checkSettings, observationCount, parameterCount } from './semantics';
import { checkFieldsEntry } from './fields';

/** Options of `parseProblem`. */
export type ParseProblemOptions = SettingsOptions;

/** The outcome of `parseProblem`. */
export type ParseProblemResult = { readonly ok: true; readonly problem: ResolvedProblem } | { readonly ok: false; readonly errors: ProblemError[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Errors in the order of the file's top-level keys, then of the array index right after that key
 * (`parameters[0]` before `parameters[1]`, whichever check found them); stable otherwise.
 * Duplicates are dropped.
 */
function orderErrors(errors: readonly ProblemError[]): ProblemError[] {
  const rank = (e: ProblemError): [number, number] => {
    if (e.path === '(root)') return [-1, -1];
    const match = /^([^.[]*)(?:\[(\d+)\])?/.exec(e.path);
    const index = PROBLEM_FILE_KEYS.indexOf(match?.[1] ?? '');
    return [index === -1 ? PROBLEM_FILE_KEYS.length : index, match?.[2] === undefined ? -1 : Number(match[2])];
  };
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return unique
    .map((e, i) => ({ e, i, r: rank(e) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * Validates a problem file and resolves it. All errors are returned together; a problem is
 * returned only when there are none.
 * @param json the parsed JSON of a `*.gmki.json` file (or an in-app object of the same shape)
 * @param options.cpuCount the host's CPU count, the default of `settings.concurrency` (1 when absent)
 */
export function parseProblem(json: unknown, options: ParseProblemOptions = {}): ParseProblemResult {
  if (!isPlainObject(json)) return { ok: false, errors: [{ path: '(root)', message: expectedGot('a JSON object (a gmki-problem/1 file)', json) }] };
  const result = problemFileSchema.safeParse(json, { reportInput: true });
  const errors: ProblemError[] = result.success ? [] : issuesToProblemErrors(result.error.issues as unknown as IssueRecord[]);
  const d = parameterCount(json);
  const parameters = checkParameters(json.parameters);
  errors.push(
    ...parameters.errors,
    ...checkPriorCorrelation(json.priorCorrelation, d),
    ...checkObservations(json.observations),
    ...checkModel(json.model, d, observationCount(json)),
    ...checkSettings(json.settings, d),
    ...checkReference(json.reference, json.parameters),
    ...checkModelOutput(json),
    ...checkFieldsEntry(json.fields, d),
  );
  if (errors.length > 0 || !result.success) return { ok: false, errors: orderErrors(errors) };
  return { ok: true, problem: resolveProblem(result.data, parameters.uPriors, options) };
}

/** Σ_η as a full n×n row-major matrix from whichever noise form the file used. */
function noiseCovariance(noise: NonNullable<ProblemFile['observations']>['noise'], n: number): Float64Array {
  if (noise.covariance !== undefined) return toSymmetricArray(noise.covariance);
  const std = noise.std ?? [];
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const s = typeof std === 'number' ? std : std[i];
    out[i * n + i] = s * s;
  }
  return out;
}

/** The prior in u: mean μ_u and covariance D R D with D = diag(σ_u), R the prior correlation (or I). */
function priorInU(file: ProblemFile, uPriors: readonly (ConstrainedGaussian | undefined)[]): { mean: Float64Array; covariance: Float64Array } {
  const d = file.parameters.length;
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  uPriors.forEach((prior, i) => {
    // Semantic checks passed, so every prior was solved.
    if (!prior?.ok) throw new Error(`parameters[${i}].prior was not resolved`);
    mean[i] = prior.mean;
    std[i] = prior.std;
  });
  const correlation = file.priorCorrelation ? toSymmetricArray(file.priorCorrelation) : undefined;
  const covariance = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const r = correlation ? correlation[i * d + j] : i === j ? 1 : 0;
      covariance[i * d + j] = std[i] * r * std[j];
    }
  }
  return { mean, covariance };
}

/** The data and Σ_η; for a log-density model (no observations) its one output with placeholders (types.ts). */
function resolveObservations(observations: ProblemFile['observations']): ResolvedProblem['observations'] {
  if (observations === undefined) {
    return { names: [LOG_DENSITY_OUTPUT_NAME], values: Float64Array.of(0), noiseCovariance: Float64Array.of(1) };
  }
  const { values, names, noise } = observations;
  return {
    names: names ?? values.map((_, i) => `y${i + 1}`),
    values: Float64Array.from(values),
    noiseCovariance: noiseCovariance(noise, values.length),
  };
}

function resolveProblem(file: ProblemFile, uPriors: readonly (ConstrainedGaussian | undefined)[], options: ParseProblemOptions): ResolvedProblem {
  const settings = resolveSettings(file.settings, options);
  // Semantic checks passed: the output is declared in full, and observations exist unless it is a log density.
  const output: ModelOutput = declaredOutput(file.model) ?? { kind: 'observations' };
  return {
    file: { ...file, settings },
    name: file.name,
    parameterNames: file.parameters.map((p) => p.name),
    transforms: file.parameters.map((p) => transformFor(p.prior)),
    prior: { kind: resolvedPriorKind(file.prior, output.kind === 'logDensity' ? output.density : null), ...priorInU(file, uPriors) },
    observations: resolveObservations(file.observations),
    model: file.model as ModelSpec,
    output,
    settings,
    reference: file.reference ? { theta: Float64Array.from(file.reference.theta), label: file.reference.label ?? DEFAULT_REFERENCE_LABEL } : null,
  };
}
