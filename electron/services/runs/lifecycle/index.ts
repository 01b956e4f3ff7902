/**
 * The run lifecycle shared by the command line and the app (issue 12): create a run, resume,
 * extend, cancel and delete it, find it by id or id prefix, and re-read its stored problem. The
 * hosts only turn arguments or requests into these calls and their results or errors into
 * messages; which status allows what is contract/run-actions.ts.
 */
export { cancelRun, createRun, deleteRun, extendRun, prepareNewRun, prepareResume } from './actions';
export type { NewRunRequest, RunnableRun } from './actions';
export type { LifecycleContext, RemedyWords } from './context';
export { isRunLifecycleError, RunLifecycleError } from './errors';
export type { RunLifecycleErrorCode } from './errors';
export { findRun, withLiveStatus } from './find';
export { problemFileAsRun, problemOfRun, requireStoredProblem } from './stored-problem';
