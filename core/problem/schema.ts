/**
 * The `gmki-problem/1` file as a zod schema, exactly as `problem-format.md` §1 describes it.
 *
 * The schema checks types, required fields, unknown keys and single-value ranges; checks that
 * need several fields at once (sizes, symmetry, positive definiteness, bounds) live in
 * `semantics.ts`. Sub-schemas are exported so that those checks can run on every part of a file
 * that is well-formed, even when another part is not (all errors are reported at once).
 */
import { z } from 'zod';
import {
  arrayOf,
  discriminatorError,
  exactly,
  expecting,
  integerWhere,
  numberWhere,
  oneOf,
  strictObject,
  text,
  textMatching,
} from './schema-builders';
import { METHODS } from './types';

/** The exact value of the `format` field. */
export const PROBLEM_FORMAT = 'gmki-problem/1';

/** Parameter names: a letter or `_` first, then letters, digits, `_`, `.`, `-`. */
export const PARAMETER_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const finiteNumber = numberWhere('a finite number');
const positiveNumber = numberWhere('a number > 0', (x) => x > 0);

/** A matrix as an array of rows; squareness and size are semantic checks. */
export const matrixSchema = arrayOf(arrayOf(finiteNumber, 'a matrix row (an array of numbers)'), 'a matrix (an array of rows)', 1);

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
    name: textMatching('a name matching [A-Za-z_][A-Za-z0-9_.-]*', PARAMETER_NAME_PATTERN),
    prior: parameterPriorSchema,
  },
  'an object { "name", "prior" }',
);

/** `parameters`: at least one. */
export const parametersSchema = arrayOf(parameterSchema, 'an array of at least 1 parameter', 1);

/**
 * `observations.noise`: `std` (one number, or one per value) or `covariance`. Both keys are
 * optional here; "exactly one of them" is a semantic check with its own message.
 */
export const noiseSchema = strictObject(
  {
    std: z
      .union([positiveNumber, arrayOf(positiveNumber, 'an array of numbers > 0', 1)], {
        error: expecting('a number > 0 or an array of numbers > 0 (one per value)'),
      })
      .optional(),
    covariance: matrixSchema.optional(),
  },
  'an object with "std" or "covariance"',
);

/** `observations`. */
export const observationsSchema = strictObject(
  {
    names: arrayOf(text(), 'an array of names (non-empty strings)').optional(),
    values: arrayOf(finiteNumber, 'an array of at least 1 number', 1),
    noise: noiseSchema,
  },
  'an object { "values", "noise" } with optional "names"',
);

/** `model` (§2): one of the four forward-model types, each with an optional `timeoutSeconds`. Paths stay as written. */
export const modelSchema = z.discriminatedUnion(
  'type',
  [
    strictObject(
      { type: exactly('javascript'), path: text('a file path (a non-empty string)'), timeoutSeconds: positiveNumber.optional() },
      'a javascript model',
    ),
    strictObject(
      {
        type: exactly('command'),
        command: arrayOf(text(), 'the program and its arguments (an array of at least 1 non-empty string)', 1),
        cwd: text('a folder path (a non-empty string)').optional(),
        timeoutSeconds: positiveNumber.optional(),
        env: z.record(z.string(), text('a string', true), { error: expecting('an object of strings') }).optional(),
      },
      'a command model',
    ),
    strictObject(
      {
        type: exactly('umbridge'),
        url: textMatching('an http:// or https:// URL', /^https?:\/\/[^\s/]+\S*$/),
        name: text().optional(),
        config: z.record(z.string(), z.unknown(), { error: expecting('an object') }).optional(),
        timeoutSeconds: positiveNumber.optional(),
      },
      'an umbridge model',
    ),
    strictObject(
      { type: exactly('builtin'), name: text('the name of a built-in model'), timeoutSeconds: positiveNumber.optional() },
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
        weights: arrayOf(positiveNumber, 'an array of at least 1 weight > 0', 1),
        means: arrayOf(arrayOf(finiteNumber, 'a mean (an array of numbers)'), 'an array of means'),
        covariances: arrayOf(matrixSchema, 'an array of covariance matrices'),
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
    strictObject(
      { method: exactly('monte-carlo'), samples: integerWhere('an integer ≥ 1', (x) => x >= 1).optional() },
      'an object { "method": "monte-carlo", "samples" }',
    ),
    strictObject({ method: exactly('disjoint') }, 'an object { "method": "disjoint" }'),
  ],
  { error: discriminatorError('method', 'an object with a "method" field') },
);

/** `settings` (§1.2): every field optional, defaults in `settings.ts`. */
export const settingsSchema = strictObject(
  {
    method: oneOf(METHODS).optional(),
    components: integerWhere('an integer ≥ 1', (x) => x >= 1).optional(),
    dt: numberWhere('a number in (0, 1)', (x) => x > 0 && x < 1).optional(),
    iterations: integerWhere('an integer ≥ 1', (x) => x >= 1).optional(),
    seed: integerWhere('a safe integer (|seed| ≤ 2^53 − 1)', () => true).optional(),
    initialization: initializationSchema.optional(),
    exploration: explorationSchema.optional(),
    minWeight: numberWhere('a number ≥ 0', (x) => x >= 0).optional(),
    sigmaPointAlpha: numberWhere('a number > 0 or null', (x) => x > 0).nullable().optional(),
    splitThreshold: numberWhere('a number > 0', (x) => x > 0).optional(),
    settleIterations: integerWhere('an integer ≥ 0 or null', (x) => x >= 0).nullable().optional(),
    modeSearch: z.boolean({ error: expecting('true or false') }).optional(),
    concurrency: integerWhere('an integer ≥ 1', (x) => x >= 1).optional(),
    posteriorSamples: integerWhere('an integer ≥ 0', (x) => x >= 0).optional(),
  },
  'an object of settings',
);

/**
 * `reference` (§1.4): known parameter values (e.g. the truth of a synthetic problem) that results
 * are compared with, in physical units. Length and bounds are semantic checks.
 */
export const referenceSchema = strictObject(
  {
    theta: arrayOf(finiteNumber, 'an array of numbers (one per parameter)', 1),
    label: text().optional(),
  },
  'an object { "theta" } with optional "label"',
);

/** The whole problem file. Top-level keys in document order (errors are sorted by it). */
export const problemFileSchema = strictObject(
  {
    format: exactly(PROBLEM_FORMAT),
    name: text(),
    description: text('a string', true).optional(),
    parameters: parametersSchema,
    priorCorrelation: matrixSchema.optional(),
    prior: oneOf(['gaussian', 'none']).optional(),
    observations: observationsSchema,
    model: modelSchema,
    settings: settingsSchema.optional(),
    reference: referenceSchema.optional(),
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
