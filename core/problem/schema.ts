/**
 * The `gmki-problem/1` file as a zod schema, exactly as `problem-format.md` §1 describes it.
 *
 * The schema checks types, required fields, unknown keys and single-value ranges; checks that
 * need several fields at once (sizes, symmetry, positive definiteness, bounds) live in
 * `semantics.ts`. Sub-schemas are exported so that those checks can run on every part of a file
 * that is well-formed, even when another part is not (all errors are reported at once).
 */
import { z } from 'zod';
import { arrayOf, discriminatorError, exactly, expecting, numberWhere, oneOf, strictObject, text, textMatching } from './schema-builders';
import { EVALUATION_FAILURE_POLICIES, METHODS } from './types';
import {
  MAX_ARGUMENT_LENGTH,
  MAX_ARGUMENTS,
  MAX_COMPONENTS,
  MAX_CONFIG_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_ENV_VARIABLES,
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_OBSERVATIONS,
  MAX_PARAMETERS,
  MAX_PATH_LENGTH,
  MAX_TIMEOUT_SECONDS,
  MAX_URL_LENGTH,
  SETTING_RULES,
  type NumberRule,
} from './limits';
import { fieldsSchema } from './fields';

/** The exact value of the `format` field. */
export const PROBLEM_FORMAT = 'gmki-problem/1';

/** Parameter names: a letter or `_` first, then letters, digits, `_`, `.`, `-`. */
export const PARAMETER_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const finiteNumber = numberWhere('a finite number');
const positiveNumber = numberWhere('a number > 0', (x) => x > 0);

/** A setting checked by its rule in `limits.ts`, optionally also null. */
const ruled = (rule: NumberRule) => numberWhere(rule.expected, rule.accepts);
const ruledOrNull = (rule: NumberRule) => numberWhere(`${rule.expected} or null`, rule.accepts).nullable();

/** The largest matrix a file may hold: the noise covariance (n_y × n_y) or a d×d one. */
const MAX_MATRIX_SIDE = Math.max(MAX_PARAMETERS, MAX_OBSERVATIONS);

/** A matrix as an array of rows; squareness and size are semantic checks. */
export const matrixSchema = arrayOf(
  arrayOf(finiteNumber, `a matrix row (an array of at most ${MAX_MATRIX_SIDE} numbers)`, 0, MAX_MATRIX_SIDE),
  `a matrix (an array of 1 to ${MAX_MATRIX_SIDE} rows)`,
  1,
  MAX_MATRIX_SIDE,
);

/** `parameters[i].prior`: the physical mean and std, optional bounds (§1.1). */
export const parameterPriorSchema = strictObject(
  {
    mean: finiteNumber,
    std: positiveNumber,
    lower: finiteNumber.optional(),
    upper: finiteNumber.optional(),
  },
  'an object { "mean", "std" } with optional "lower" and "upper"',
);

/** One entry of `parameters`. */
export const parameterSchema = strictObject(
  {
    name: textMatching(`a name matching [A-Za-z_][A-Za-z0-9_.-]* of at most ${MAX_LABEL_LENGTH} characters`, PARAMETER_NAME_PATTERN, MAX_LABEL_LENGTH),
    prior: parameterPriorSchema,
  },
  'an object { "name", "prior" }',
);

/** `parameters`: 1 to MAX_PARAMETERS. */
export const parametersSchema = arrayOf(parameterSchema, `an array of 1 to ${MAX_PARAMETERS} parameters`, 1, MAX_PARAMETERS);

/**
 * `observations.noise`: `std` (one number, or one per value) or `covariance`. Both keys are
 * optional here; "exactly one of them" is a semantic check with its own message.
 */
export const noiseSchema = strictObject(
  {
    std: z
      .union([positiveNumber, arrayOf(positiveNumber, 'an array of numbers > 0', 1, MAX_OBSERVATIONS)], {
        error: expecting('a number > 0 or an array of numbers > 0 (one per value)'),
      })
      .optional(),
    covariance: matrixSchema.optional(),
  },
  'an object with "std" or "covariance"',
);

/** An observation's name (a CSV column header). */
const label = text(`a non-empty string of at most ${MAX_LABEL_LENGTH} characters`, MAX_LABEL_LENGTH);

/** What `observations` must be, in the words of its messages. */
export const OBSERVATIONS_EXPECTATION = 'an object { "values", "noise" } with optional "names"';

/** `observations`. */
export const observationsSchema = strictObject(
  {
    names: arrayOf(label, 'an array of names (non-empty strings)', 0, MAX_OBSERVATIONS).optional(),
    values: arrayOf(finiteNumber, `an array of 1 to ${MAX_OBSERVATIONS} numbers`, 1, MAX_OBSERVATIONS),
    noise: noiseSchema,
  },
  OBSERVATIONS_EXPECTATION,
);

const filePath = text(`a file path (a non-empty string of at most ${MAX_PATH_LENGTH} characters)`, MAX_PATH_LENGTH);

/** Seconds one evaluation may take, for every model type. */
const timeoutSeconds = numberWhere(`a number of seconds > 0 and ≤ ${MAX_TIMEOUT_SECONDS}`, (x) => x > 0 && x <= MAX_TIMEOUT_SECONDS);

/**
 * `output` and `logDensity` (§2.6), accepted by every model type: what the model returns.
 * That `logDensity` comes with `"output": "logDensity"` and only then is a semantic check.
 */
const outputFields = {
  output: oneOf(['observations', 'logDensity']).optional(),
  logDensity: oneOf(['posterior', 'likelihood']).optional(),
};

/** `model` (§2): one of the four forward-model types, each with an optional `timeoutSeconds`. Paths stay as written. */
export const modelSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({ type: exactly('javascript'), path: filePath, timeoutSeconds: timeoutSeconds.optional(), ...outputFields }, 'a javascript model'),
    strictObject(
      {
        type: exactly('command'),
        command: arrayOf(
          text(`a non-empty string of at most ${MAX_ARGUMENT_LENGTH} characters`, MAX_ARGUMENT_LENGTH),
          `the program and its arguments (an array of 1 to ${MAX_ARGUMENTS} strings)`,
          1,
          MAX_ARGUMENTS,
        ),
        cwd: text(`a folder path (a non-empty string of at most ${MAX_PATH_LENGTH} characters)`, MAX_PATH_LENGTH).optional(),
        timeoutSeconds: timeoutSeconds.optional(),
        env: z
          .record(z.string(), text(`a string of at most ${MAX_ARGUMENT_LENGTH} characters`, MAX_ARGUMENT_LENGTH, true), { error: expecting('an object of strings') })
          .refine((env) => Object.keys(env).length <= MAX_ENV_VARIABLES, { error: expecting(`an object of at most ${MAX_ENV_VARIABLES} variables`) })
          .optional(),
        ...outputFields,
      },
      'a command model',
    ),
    strictObject(
      {
        type: exactly('umbridge'),
        url: textMatching(`an http:// or https:// URL of at most ${MAX_URL_LENGTH} characters`, /^https?:\/\/[^\s/]+\S*$/, MAX_URL_LENGTH),
        name: text(`a non-empty string of at most ${MAX_NAME_LENGTH} characters`, MAX_NAME_LENGTH).optional(),
        config: z
          .record(z.string(), z.unknown(), { error: expecting('an object') })
          .refine((config) => JSON.stringify(config).length <= MAX_CONFIG_LENGTH, {
            error: expecting(`an object of at most ${MAX_CONFIG_LENGTH} characters as JSON`),
          })
          .optional(),
        timeoutSeconds: timeoutSeconds.optional(),
        ...outputFields,
      },
      'an umbridge model',
    ),
    strictObject(
      { type: exactly('builtin'), name: text('the name of a built-in model', MAX_NAME_LENGTH), timeoutSeconds: timeoutSeconds.optional(), ...outputFields },
      'a builtin model',
    ),
  ],
  { error: discriminatorError('type', 'an object with a "type" field') },
);

/** `settings.initialization` (values in u). */
export const initializationSchema = z.discriminatedUnion(
  'type',
  [
    strictObject({ type: exactly('prior') }, 'an object { "type": "prior" }'),
    strictObject(
      {
        type: exactly('explicit'),
        weights: arrayOf(positiveNumber, `an array of 1 to ${MAX_COMPONENTS} weights > 0`, 1, MAX_COMPONENTS),
        means: arrayOf(
          arrayOf(finiteNumber, `a mean (an array of at most ${MAX_PARAMETERS} numbers)`, 0, MAX_PARAMETERS),
          `an array of at most ${MAX_COMPONENTS} means`,
          0,
          MAX_COMPONENTS,
        ),
        covariances: arrayOf(matrixSchema, `an array of at most ${MAX_COMPONENTS} covariance matrices`, 0, MAX_COMPONENTS),
      },
      'an object { "type": "explicit", "weights", "means", "covariances" }',
    ),
  ],
  { error: discriminatorError('type', 'an object with a "type" field') },
);

/** `settings.exploration`. */
export const explorationSchema = z.discriminatedUnion(
  'method',
  [
    strictObject({ method: exactly('monte-carlo'), samples: ruled(SETTING_RULES.explorationSamples).optional() }, 'an object { "method": "monte-carlo", "samples" }'),
    strictObject({ method: exactly('disjoint') }, 'an object { "method": "disjoint" }'),
  ],
  { error: discriminatorError('method', 'an object with a "method" field') },
);

/** `settings` (§1.2): every field optional, defaults in `settings.ts`. */
export const settingsSchema = strictObject(
  {
    method: oneOf(METHODS).optional(),
    components: ruled(SETTING_RULES.components).optional(),
    dt: ruled(SETTING_RULES.dt).optional(),
    iterations: ruled(SETTING_RULES.iterations).optional(),
    seed: ruled(SETTING_RULES.seed).optional(),
    initialization: initializationSchema.optional(),
    exploration: explorationSchema.optional(),
    minWeight: ruled(SETTING_RULES.minWeight).optional(),
    sigmaPointAlpha: ruledOrNull(SETTING_RULES.sigmaPointAlpha).optional(),
    splitThreshold: ruled(SETTING_RULES.splitThreshold).optional(),
    settleIterations: ruledOrNull(SETTING_RULES.settleIterations).optional(),
    modeSearch: z.boolean({ error: expecting('true or false') }).optional(),
    particles: ruledOrNull(SETTING_RULES.particles).optional(),
    mhSteps: ruled(SETTING_RULES.mhSteps).optional(),
    maxStages: ruled(SETTING_RULES.maxStages).optional(),
    essThreshold: ruled(SETTING_RULES.essThreshold).optional(),
    onEvaluationFailure: oneOf(EVALUATION_FAILURE_POLICIES).optional(),
    maxFailureFraction: ruled(SETTING_RULES.maxFailureFraction).optional(),
    concurrency: ruled(SETTING_RULES.concurrency).optional(),
    posteriorSamples: ruled(SETTING_RULES.posteriorSamples).optional(),
  },
  'an object of settings',
);

/**
 * `reference` (§1.4): known parameter values (e.g. the truth of a synthetic problem) that results
 * are compared with, in physical units. Length and bounds are semantic checks.
 */
export const referenceSchema = strictObject(
  {
    theta: arrayOf(finiteNumber, 'an array of numbers (one per parameter)', 1, MAX_PARAMETERS),
    label: text(`a non-empty string of at most ${MAX_NAME_LENGTH} characters`, MAX_NAME_LENGTH).optional(),
  },
  'an object { "theta" } with optional "label"',
);

/** The whole problem file. Top-level keys in document order (errors are sorted by it). */
export const problemFileSchema = strictObject(
  {
    format: exactly(PROBLEM_FORMAT),
    name: text(`a non-empty string of at most ${MAX_NAME_LENGTH} characters`, MAX_NAME_LENGTH),
    description: text(`a string of at most ${MAX_DESCRIPTION_LENGTH} characters`, MAX_DESCRIPTION_LENGTH, true).optional(),
    parameters: parametersSchema,
    priorCorrelation: matrixSchema.optional(),
    prior: oneOf(['gaussian', 'none']).optional(),
    // Required unless the model returns a log density (§2.6): a semantic check with its own message.
    observations: observationsSchema.optional(),
    model: modelSchema,
    settings: settingsSchema.optional(),
    reference: referenceSchema.optional(),
    fields: fieldsSchema.optional(),
  },
  'a JSON object (a gmki-problem/1 file)',
);

/** The top-level keys of a problem file, in document order. */
export const PROBLEM_FILE_KEYS: readonly string[] = Object.keys(problemFileSchema.shape);

/** A problem file that passed the schema (semantic checks still to come). */
export type ProblemFile = z.infer<typeof problemFileSchema>;
export type ParameterEntry = z.infer<typeof parameterSchema>;
export type ObservationsEntry = z.infer<typeof observationsSchema>;
export type ModelEntry = z.infer<typeof modelSchema>;
export type SettingsEntry = z.infer<typeof settingsSchema>;
export type ReferenceEntry = z.infer<typeof referenceSchema>;
