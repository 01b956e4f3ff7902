/**
 * The names of every request channel ('domain/verb') and event ('domain/noun'). One list each:
 * the schemas, the handlers, the preload, the IPC gate and the HTTP server are all keyed by them,
 * and type tests prove that nothing is missing anywhere.
 */

export const CHANNELS = [
  'problem/validate',
  'problem/examples',
  'problem/test-evaluation',
  'problem/test-evaluations',
  'problem/read-file',
  'problem/write-file',
  'problems/list',
  'problems/get',
  'problems/save',
  'problems/delete',
  'run/start',
  'run/cancel',
  'run/resume',
  'run/extend',
  'runs/list',
  'runs/tags',
  'run/get',
  'run/iterations',
  'run/samples',
  'run/evaluations',
  'run/logs',
  'run/diagnostics',
  'run/fields',
  'run/rename',
  'run/notes',
  'run/tags',
  'run/delete',
  'run/duplicate',
  'run/export',
  'settings/defaults',
] as const;

/** A request channel. */
export type Channel = (typeof CHANNELS)[number];

/** True for one of CHANNELS (channel names arrive as strings over IPC and HTTP). */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

export const EVENTS = ['run/progress', 'run/status', 'run/deleted'] as const;

/** An event the main process (or the server) pushes to the renderer. */
export type EventName = (typeof EVENTS)[number];
