/**
 * How each run status looks and what can be done with a run in it, for every screen (runs
 * browser, monitor, run view). Honest states (product.md item 6): only `completed` looks like
 * success; a stopped run never does (unlike Persalys' green tick on a stopped run).
 */
import { allowsRunAction } from '../../../electron/contract/run-actions';
import type { RunStatus } from '../../../electron/contract/types';

/** Element Plus tag types. */
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export interface StatusLook {
  readonly label: string;
  readonly tag: TagType;
  /** A mark that does not rely on colour alone. */
  readonly icon: string;
  /** One plain sentence for tooltips and screen readers. */
  readonly explanation: string;
}

const LOOKS: Readonly<Record<RunStatus, StatusLook>> = {
  queued: { label: 'queued', tag: 'info', icon: '…', explanation: 'Waiting for a free slot; it starts when an earlier run finishes.' },
  running: { label: 'running', tag: 'primary', icon: '▶', explanation: 'Evaluating the forward model.' },
  completed: { label: 'completed', tag: 'success', icon: '✓', explanation: 'Every planned iteration is done.' },
  failed: { label: 'failed', tag: 'danger', icon: '✕', explanation: 'Stopped by an error; the iterations committed before it are kept.' },
  cancelled: { label: 'cancelled', tag: 'warning', icon: '■', explanation: 'Stopped on request before the planned iterations; it can be resumed.' },
  interrupted: { label: 'interrupted', tag: 'warning', icon: '⏸', explanation: 'The app quit or crashed while it ran; it can be resumed.' },
};

export function statusLook(status: RunStatus): StatusLook {
  return LOOKS[status];
}

/** Queued and running runs are live; every other status is final until resumed or extended. */
export function isSettled(status: RunStatus): boolean {
  return status !== 'queued' && status !== 'running';
}

export interface RunActions {
  readonly cancel: boolean;
  readonly resume: boolean;
  readonly extend: boolean;
}

/**
 * Which controls make sense, by the rule the services enforce (contract/run-actions.ts): cancel a
 * live run (unless a cancel is already on its way), resume a cancelled or interrupted one (a
 * failed run would meet its failure again: it is run anew), extend a completed one.
 */
export function availableActions(status: RunStatus, cancelRequested = false): RunActions {
  return {
    cancel: allowsRunAction(status, 'cancel') && !cancelRequested,
    resume: allowsRunAction(status, 'resume'),
    extend: allowsRunAction(status, 'extend'),
  };
}

export type RunAction = 'cancel' | 'resume' | 'extend';

/** What a CONFLICT answer means for an action, in words that say what to do instead. */
export function explainConflict(action: RunAction, status: RunStatus, message: string): string {
  const why: Record<RunAction, string> = {
    cancel: `The run could not be cancelled: it is ${status} already.`,
    resume: status === 'completed' ? 'A completed run cannot be resumed; extend it by some iterations instead.' : `The run could not be resumed: it is ${status}.`,
    extend: isSettled(status)
      ? `Only a completed run can be extended; this one is ${status}: resume it first.`
      : 'The run is still going; extend it once it has completed.',
  };
  return `${why[action]} (${message})`;
}

/**
 * Why a run has no posterior to show or export, or null when it has one. Iteration 0 is the
 * initial mixture, drawn from the prior before the model was used: until iteration 1 has been
 * committed there is nothing to present as a result (and the export service refuses it too).
 */
export function noPosteriorReason(status: RunStatus, lastIteration: number | null): string | null {
  if (lastIteration !== null && lastIteration > 0) return null;
  if (!isSettled(status)) return `No iteration has completed yet: the run is ${status}.`;
  return `The run ${status === 'interrupted' ? 'was interrupted' : status === 'cancelled' ? 'was cancelled' : status} before its first iteration completed, so there is no posterior: the only mixture is the initial one, drawn from the prior.`;
}
