/**
 * What the lifecycle works with in one host: the store, the host's run manager if it runs runs
 * itself, and how the host speaks to its user (which ids it accepts, how it names the actions a
 * refusal suggests instead).
 */
import type { RunStore } from '../../store/run-store';
import type { RunManager } from '../run-manager';

/**
 * How a host names what to do instead of a refused action: its commands on the command line
 * (`gmki runs resume ID`), its buttons in the app. Each returns a clause such as "resume it first".
 */
export interface RemedyWords {
  /** A completed run cannot be resumed: add iterations instead. */
  extend(runId: string): string;
  /** An interrupted or cancelled run cannot be extended before it is resumed. */
  resume(runId: string): string;
  /** A live run cannot be deleted before it is cancelled. */
  cancel(runId: string): string;
}

export interface LifecycleContext {
  readonly store: RunStore;
  /**
   * This process's run manager, where the host runs runs itself (the app): the runs it holds are
   * `queued` whatever their stored status, and cancelling goes through it. Without one (the
   * command line's `runs cancel`), a cancel is a request in the database that the run's own
   * process polls.
   */
  readonly manager?: Pick<RunManager, 'active' | 'cancel'>;
  /** Accept a unique prefix of a run id (the command line, where people type ids). */
  readonly acceptIdPrefix?: boolean;
  readonly remedies: RemedyWords;
}
