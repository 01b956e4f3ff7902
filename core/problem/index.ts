/**
 * The problem model: the `gmki-problem/1` schema, validation with JSON-path messages, settings
 * defaults, bounded-parameter transforms, built-in models and the paper's example problems.
 */
export type * from './types';
export { parseProblem } from './parse';
export type { ParseProblemOptions, ParseProblemResult } from './parse';
export { PARAMETER_NAME_PATTERN, PROBLEM_FORMAT, problemFileSchema } from './schema';
export type { ProblemFile } from './schema';
export { DEFAULT_POSTERIOR_SAMPLES, resolveSettings } from './settings';
export type { SettingsOptions } from './settings';
export { constrainedGaussian, identityTransform, intervalTransform, lowerBoundTransform, transformFor, upperBoundTransform } from './transforms';
export type { ConstrainedGaussian, ParameterBounds, PhysicalPrior } from './transforms';
export { BUILTIN_MODEL_NAMES, BUILTIN_MODELS, getBuiltinModel } from './builtins';
export type { BuiltinModel } from './builtins';
export { EXAMPLE_PROBLEMS, getExampleProblem } from './examples';
export { problemWarnings } from './warnings';
export type { ExampleProblem } from './examples';
