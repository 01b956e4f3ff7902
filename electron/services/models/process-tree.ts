/**
 * Process groups, so that a model which starts programs of its own leaves no orphans: each
 * `command` model is spawned detached (the leader of a new process group, POSIX), and the whole
 * group is signalled. Windows has no process groups; there only the model's own process is
 * signalled.
 */
import { readFileSync } from 'node:fs';

/** Sends `signal` to every process in the group led by `pid`; false when none is left. */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone (or, on Windows, the process)
  }
}

/** True while the process exists and is not a zombie waiting to be reaped. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // /proc/PID/stat is "pid (comm) S …": the state letter follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false; // gone between the two checks
  }
}
