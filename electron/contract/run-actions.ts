/**
 * What can be done with a run in each status: the one rule that the run lifecycle
 * (electron/services/runs/lifecycle) enforces for the command line and the app alike, and that
 * screens may use to enable their buttons. Resume continues an interrupted or cancelled run from
 * its last committed iteration (architecture.md §2); a failed run stopped for a reason that a
 * resume would meet again, so it is run anew instead.
 */
import type { RunStatus } from './types';

export const RUN_ACTIONS = ['resume', 'extend', 'cancel', 'delete'] as const;
export type RunAction = (typeof RUN_ACTIONS)[number];

/** The statuses in which each action is allowed. */
export const RUN_ACTION_STATUSES: Readonly<Record<RunAction, readonly RunStatus[]>> = {
  resume: ['interrupted', 'cancelled'],
  extend: ['completed'],
  cancel: ['queued', 'running'],
  delete: ['completed', 'failed', 'cancelled', 'interrupted'],
};

/** True when a run in `status` may be given `action`. */
export function allowsRunAction(status: RunStatus, action: RunAction): boolean {
  return RUN_ACTION_STATUSES[action].includes(status);
}
