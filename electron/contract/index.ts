/**
 * The API shared by every host (architecture.md §1): channel map, event map, request schemas,
 * error codes and Result envelopes, and the AppBridge the renderer calls. It imports nothing from
 * node or the services, so the renderer can compile against it (types from core are fine).
 */
export * from './channels';
export type * from './channel-map';
export * from './result';
export { REQUEST_SCHEMAS } from './schemas/index';
export type { RequestSchemas } from './schemas/index';
export * from './types';
export * from './run-actions';
export * from './exports';
export * from './desktop';
export type * from './dialogs';
