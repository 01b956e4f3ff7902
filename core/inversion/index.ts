export { createInversion, gmkiConfigFromSettings, type Inversion, type InversionOptions, type ResumeState } from './inversion';
export { describeOutputProblem, describePointLabel, formatTheta, ModelOutputError } from './errors';
export { foldPrior, type FoldedTarget } from './target';
export { initialMixture } from './initialization';
export type { EvaluationBatch, EvaluationPoint, IterationDiagnostics, IterationRecord, IterationTimings, PointLabel, SmcDiagnostics, StructuralChange } from './types';
