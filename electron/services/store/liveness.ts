/**
 * Is a run's owner still alive? Used on start-up to turn runs left `running` by a crashed or
 * killed process into `interrupted`, without touching runs another live process is running.
 */
import { hostname } from 'node:os';

/**
 * The default liveness test: a process on another host counts as alive (we cannot see it, and
 * interrupting a run that is in fact running would let two writers at it); on this host the
 * process is alive when signal 0 reaches it (EPERM: it exists but belongs to another user).
 * A recycled pid makes a dead owner look alive: the run stays `running` until that pid is gone.
 */
export function isOwnerAlive(pid: number, host: string, thisHost: string = hostname()): boolean {
  if (host !== thisHost) return true;
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** This process as a run owner. */
export function currentOwner(): { pid: number; host: string } {
  return { pid: process.pid, host: hostname() };
}
