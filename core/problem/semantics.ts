/**
 * Checks that need more than one field (`problem-format.md` §1.3): counts that must agree,
 * matrices that must be symmetric positive definite, unique names, bounds, built-in model sizes,
 * explicit initializations. Each check runs on its part of the raw file whenever that part
 * passes its own schema, so a file with a typo in `settings` still gets its covariance checked.
 */
import type { ProblemError } from './types';
import type { JsonPath } from './describe';
import { expectedGot, formatPath } from './describe';
import { checkSpdMatrix } from './matrix-checks';
import { explorationSchema, initializationSchema, matrixSchema, modelSchema, parameterPriorSchema, referenceSchema, settingsSchema } from './schema';
import type { ConstrainedGaussian } from './transforms';
import { constrainedGaussian } from './transforms';
import { BUILTIN_MODEL_NAMES, getBuiltinModel } from './builtins';
import { DEFAULT_GMKI_CONFIG } from '../gmki/config';
import { MAX_ARRAY_NUMBERS, MAX_ITERATIONS, MAX_PARAMETERS, minWeightError } from './limits';
import { DEFAULT_SMC_SETTINGS } from './settings';

const error = (path: JsonPath, message: string): ProblemError => ({ path: formatPath(path), message });
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The number of parameters d, when `parameters` is a non-empty array. */
export function parameterCount(raw: Record<string, unknown>): number | undefined {
  return Array.isArray(raw.parameters) && raw.parameters.length > 0 ? raw.parameters.length : undefined;
}

/** The number of observed values n_y, when `observations.values` is a non-empty array. */
export function observationCount(raw: Record<string, unknown>): number | undefined {
  const observations = raw.observations as Record<string, unknown> | undefined;
  const values = typeof observations === 'object' && observations !== null ? observations.values : undefined;
  return Array.isArray(values) && values.length > 0 ? values.length : undefined;
}

/** A field of an object value, or undefined when the value is not an object. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The value when it passes `schema`, else undefined (its errors come from the whole-file schema). */
function valid<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Unique names, and the u-prior of each parameter whose prior is well-formed (undefined elsewhere). */
export function checkParameters(raw: unknown): { errors: ProblemError[]; uPriors: (ConstrainedGaussian | undefined)[] } {
  const errors: ProblemError[] = [];
  if (!Array.isArray(raw)) return { errors, uPriors: [] };
  const firstUse = new Map<string, number>();
  const uPriors = raw.map((entry, i) => {
    const name = field(entry, 'name');
    if (typeof name === 'string') {
      const earlier = firstUse.get(name);
      if (earlier === undefined) firstUse.set(name, i);
      else errors.push(error(['parameters', i, 'name'], `expected a name no other parameter has, got ${JSON.stringify(name)} (also the name of parameters[${earlier}])`));
    }
    const prior = valid(parameterPriorSchema, field(entry, 'prior'));
    if (prior === undefined) return undefined;
    const solved = constrainedGaussian(prior);
    if (!solved.ok) errors.push(error(['parameters', i, 'prior'], solved.message));
    return solved;
  });
  return { errors, uPriors };
}

/** `priorCorrelation`: a d×d correlation matrix. */
export function checkPriorCorrelation(raw: unknown, d: number | undefined): ProblemError[] {
  const parsed = matrixSchema.safeParse(raw);
  if (raw === undefined || !parsed.success || d === undefined) return [];
  return checkSpdMatrix(parsed.data, d, ['priorCorrelation'], { unitDiagonal: true });
}

/** `observations`: names and noise agree with the values. */
export function checkObservations(raw: unknown): ProblemError[] {
  const errors: ProblemError[] = [];
  const noise = field(raw, 'noise');
  if (typeof noise === 'object' && noise !== null && !Array.isArray(noise)) {
    const hasStd = 'std' in noise;
    const hasCovariance = 'covariance' in noise;
    if (hasStd === hasCovariance) {
      errors.push(error(['observations', 'noise'], `expected exactly one of "std" or "covariance", got ${hasStd ? 'both' : 'neither'}`));
    }
  }
  // Counts are compared on the raw arrays, so that a bad entry does not hide a missing one.
  const values = field(raw, 'values');
  if (!Array.isArray(values) || values.length === 0) return errors;
  const n = values.length;
  const names = field(raw, 'names');
  if (Array.isArray(names) && names.length !== n) {
    errors.push(error(['observations', 'names'], `expected ${plural(n, 'name')} (one per value), got ${names.length}`));
  }
  const std = field(noise, 'std');
  if (Array.isArray(std) && std.length !== n) {
    errors.push(error(['observations', 'noise', 'std'], `expected ${plural(n, 'standard deviation')} (one per value) or a single number, got ${std.length}`));
  }
  const covariance = valid(matrixSchema, field(noise, 'covariance'));
  if (covariance !== undefined) errors.push(...checkSpdMatrix(covariance, n, ['observations', 'noise', 'covariance']));
  return errors;
}

/** `model`: a built-in model must exist and fit the file's parameter and output counts. */
export function checkModel(raw: unknown, d: number | undefined, ny: number | undefined): ProblemError[] {
  const model = valid(modelSchema, raw);
  if (model?.type !== 'builtin') return [];
  const builtin = getBuiltinModel(model.name);
  if (!builtin) {
    return [error(['model', 'name'], expectedGot(`one of ${BUILTIN_MODEL_NAMES.map((n) => JSON.stringify(n)).join(', ')}`, model.name))];
  }
  const errors: ProblemError[] = [];
  if (d !== undefined && d !== builtin.nTheta) {
    errors.push(
      error(['parameters'], `expected ${plural(builtin.nTheta, 'parameter')} (the built-in model "${builtin.name}" takes θ of length ${builtin.nTheta}), got ${d}`),
    );
  }
  if (ny !== undefined && ny !== builtin.nOutputs) {
    errors.push(
      error(['observations', 'values'], `expected ${plural(builtin.nOutputs, 'value')} (the built-in model "${builtin.name}" returns ${builtin.nOutputs}), got ${ny}`),
    );
  }
  return errors;
}

/**
 * Sizes that grow with d: the K covariances (K·d² numbers), the Monte Carlo exploration samples
 * (N·d), the posterior samples (samples·d) and the particles (J·d) each stay within
 * MAX_ARRAY_NUMBERS (limits.ts).
 * Only values the file gives are checked: the defaults fit every allowed d.
 */
function checkArraySizes(raw: unknown, d: number, components: { k: number; explicit: boolean } | undefined): ProblemError[] {
  const errors: ProblemError[] = [];
  const check = (path: JsonPath, value: number | undefined, perItem: number, expected: (max: number) => string, what: string): void => {
    const max = Math.floor(MAX_ARRAY_NUMBERS / perItem);
    if (value === undefined || value <= max) return;
    const why = `with ${plural(d, 'parameter')}, ${what} must hold at most ${MAX_ARRAY_NUMBERS} numbers`;
    errors.push(error(path, `expected ${expected(max)} (${why}), got ${value}`));
  };
  const covariances = 'the K covariance matrices of d×d numbers';
  if (components?.explicit) check(['settings', 'initialization', 'weights'], components.k, d * d, (max) => `at most ${plural(max, 'weight')}`, covariances);
  else check(['settings', 'components'], components?.k, d * d, (max) => `an integer from 1 to ${max}`, covariances);
  const exploration = valid(explorationSchema, field(raw, 'exploration'));
  const samples = exploration?.method === 'monte-carlo' ? exploration.samples : undefined;
  check(['settings', 'exploration', 'samples'], samples, d, (max) => `an integer from 1 to ${max}`, 'the exploration samples of d numbers each');
  const posteriorSamples = valid(settingsSchema.shape.posteriorSamples, field(raw, 'posteriorSamples'));
  check(['settings', 'posteriorSamples'], posteriorSamples, d, (max) => `an integer from 0 to ${max}`, 'the posterior samples of d numbers each');
  const particles = valid(settingsSchema.shape.particles, field(raw, 'particles')) ?? undefined;
  check(['settings', 'particles'], particles, d, (max) => `an integer from 2 to ${max} or null`, 'the particles of d numbers each');
  return errors;
}

/** smc plans at most 1 + maxStages·mhSteps iterations, which must stay within MAX_ITERATIONS. */
function checkSmcBudget(raw: unknown): ProblemError[] {
  const shape = settingsSchema.shape;
  const mhSteps = valid(shape.mhSteps, field(raw, 'mhSteps'));
  const maxStages = valid(shape.maxStages, field(raw, 'maxStages'));
  if (mhSteps === undefined && maxStages === undefined) return [];
  const steps = mhSteps ?? DEFAULT_SMC_SETTINGS.mhSteps;
  const stages = maxStages ?? DEFAULT_SMC_SETTINGS.maxStages;
  if (1 + steps * stages <= MAX_ITERATIONS) return [];
  const why = `a run plans 1 + maxStages·mhSteps iterations, at most ${MAX_ITERATIONS}`;
  return maxStages !== undefined
    ? [error(['settings', 'maxStages'], `expected at most ${Math.floor((MAX_ITERATIONS - 1) / steps)} with mhSteps = ${steps} (${why}), got ${stages}`)]
    : [error(['settings', 'mhSteps'], `expected at most ${Math.floor((MAX_ITERATIONS - 1) / stages)} with maxStages = ${stages} (${why}), got ${steps}`)];
}

/**
 * `settings`: explicit initialization sizes and SPD covariances, K agreement (one Gaussian for
 * uki, none for smc), smc's iteration bound, K·minWeight < 1.
 */
export function checkSettings(raw: unknown, d: number | undefined): ProblemError[] {
  const errors: ProblemError[] = [];
  const shape = settingsSchema.shape;
  const givenComponents = valid(shape.components, field(raw, 'components'));
  let components = givenComponents ?? DEFAULT_GMKI_CONFIG.nComponents;
  const init = valid(initializationSchema, field(raw, 'initialization'));
  const method = valid(shape.method, field(raw, 'method'));
  if (init?.type === 'explicit' && method === 'smc') {
    errors.push(
      error(
        ['settings', 'initialization'],
        'expected { "type": "prior" } (the method smc starts from the prior, where its tempering begins), got an explicit initialization',
      ),
    );
  } else if (init?.type === 'explicit') {
    const at = ['settings', 'initialization'];
    const k = init.weights.length;
    if (givenComponents !== undefined && givenComponents !== k) {
      errors.push(error(['settings', 'components'], `expected ${k} (the number of weights of the explicit initialization), got ${givenComponents}`));
    }
    components = k;
    if (method === 'uki' && k !== 1) {
      errors.push(error([...at, 'weights'], `expected 1 weight (the method uki evolves one Gaussian), got ${k}`));
    }
    if (init.means.length !== k) errors.push(error([...at, 'means'], `expected ${plural(k, 'mean')} (one per weight), got ${init.means.length}`));
    if (init.covariances.length !== k) {
      const matrices = `${k} covariance ${k === 1 ? 'matrix' : 'matrices'}`;
      errors.push(error([...at, 'covariances'], `expected ${matrices} (one per weight), got ${init.covariances.length}`));
    }
    if (d !== undefined) {
      init.means.forEach((mean, i) => {
        if (mean.length !== d) errors.push(error([...at, 'means', i], `expected a mean of ${plural(d, 'number')} (one per parameter), got ${mean.length}`));
      });
      init.covariances.forEach((covariance, i) => errors.push(...checkSpdMatrix(covariance, d, [...at, 'covariances', i])));
    }
  }
  if (d !== undefined && d <= MAX_PARAMETERS) {
    const explicit = init?.type === 'explicit';
    const given = explicit || givenComponents !== undefined ? { k: components, explicit } : undefined;
    errors.push(...checkArraySizes(raw, d, given));
  }
  errors.push(...checkSmcBudget(raw));
  const minWeight = valid(shape.minWeight, field(raw, 'minWeight')) ?? DEFAULT_GMKI_CONFIG.minWeight;
  const floorError = minWeightError(minWeight, components);
  if (floorError) errors.push(error(['settings', 'minWeight'], floorError));
  return errors;
}

/**
 * `reference.theta`: one value per parameter, strictly inside its bounds (a bounded parameter's
 * transform never reaches the bound itself, so the reference could not be compared in u).
 */
export function checkReference(raw: unknown, parameters: unknown): ProblemError[] {
  const reference = valid(referenceSchema, raw);
  const d = parameterCount({ parameters });
  if (reference === undefined || d === undefined) return [];
  const theta = reference.theta;
  if (theta.length !== d) return [error(['reference', 'theta'], `expected ${plural(d, 'number')} (one per parameter), got ${theta.length}`)];
  const errors: ProblemError[] = [];
  theta.forEach((value, i) => {
    const prior = valid(parameterPriorSchema, field((parameters as unknown[])[i], 'prior'));
    const bound = (side: string, limit: number): string => `parameters[${i}] has ${side} bound ${limit}`;
    if (prior?.lower !== undefined && !(value > prior.lower)) {
      errors.push(error(['reference', 'theta', i], `expected a number > ${prior.lower} (${bound('lower', prior.lower)}), got ${value}`));
    } else if (prior?.upper !== undefined && !(value < prior.upper)) {
      errors.push(error(['reference', 'theta', i], `expected a number < ${prior.upper} (${bound('upper', prior.upper)}), got ${value}`));
    }
  });
  return errors;
}
