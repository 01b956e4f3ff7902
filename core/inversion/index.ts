export { createInversion, gmkiConfigFromSettings, type Inversion, type InversionOptions } from './inversion';
export { describeOutputProblem, formatTheta, ModelOutputError } from './errors';
export { foldPrior, type FoldedTarget } from './target';
export { initialMixture, type InitialDesign } from './initialization';
export type { EvaluationBatch, EvaluationPoint, IterationDiagnostics, IterationRecord, StructuralChange } from './types';
