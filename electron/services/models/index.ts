export { ModelLoadError } from './types';
export type { ForwardFunctions, LoadedModel } from './types';

/** Forward-model hosts in worker threads, processes and over HTTP (architecture.md §3). */
export { createModelHost } from './host-factory';
export { ModelSetupError } from './setup-error';
export type { CreateModelHost, EvaluateBatchOptions, EvaluationFailureKind, EvaluationOutcome, EvaluationRequest, ModelHost, ModelHostContext } from './host';
