export { createInversion, gmkiConfigFromSettings, type Inversion } from './inversion';
export { describeOutputProblem, formatTheta, ModelOutputError } from './errors';
export { foldPrior, type FoldedTarget } from './target';
export { initialMixture } from './initialization';
export type { EvaluationBatch, EvaluationPoint, IterationDiagnostics, IterationRecord } from './types';
