export { createInversion, gmkiConfigFromSettings, type Inversion, type InversionOptions, type ResumeState } from './inversion';
export { describeOutputProblem, describePointLabel, formatTheta, ModelOutputError } from './errors';
export { describeSkippedFailures, EvaluationFailuresError, failurePolicyStop } from './failures';
export { foldPrior, type FoldedTarget } from './target';
export { initialMixture } from './initialization';
export type {
  EvaluationBatch,
  EvaluationPoint,
  IterationDiagnostics,
  IterationFailures,
  IterationRecord,
  IterationTimings,
  PointLabel,
  SmcDiagnostics,
  StructuralChange,
} from './types';
