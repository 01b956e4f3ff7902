/** Forward models evaluated in the calling process (see types.ts for why). */
export { loadModel, checkModelAvailable } from './load';
export { evaluateBatch } from './evaluate';
export type { EvaluateOptions } from './evaluate';
export { describeEvaluationFailure } from './failure';
export { EvaluationFailure, ModelLoadError } from './types';
export type { ForwardFunctions, LoadedModel } from './types';
