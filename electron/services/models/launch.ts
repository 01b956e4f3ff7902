/**
 * Starting a `command` model so that it cannot outlive gmki. Node has no PR_SET_PDEATHSIG, and a
 * model may ignore its stdin closing (or have started programs that do), so on POSIX each model
 * is started through a few lines of `sh` that
 *   1. lead a new process group (spawned detached: setsid), which the model and everything it
 *      starts inherit;
 *   2. leave a watchdog in that group which blocks reading a "lifeline" pipe from gmki — fd 3,
 *      which gmki never writes to — and kills the whole group when the pipe reaches end of file,
 *      which happens when gmki exits in any way, `kill -9` included (the kernel closes its end);
 *   3. replace themselves by the model (`exec`), which thus keeps the group leader's pid, its
 *      stdin/stdout/stderr, and does not see fd 3.
 * After the model exits, ModelProcess kills the group, the watchdog with it. Windows has no
 * process groups: there the model is spawned directly.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, resolve } from 'node:path';
import type { Readable } from 'node:stream';

const WATCHDOG_SCRIPT = '(read -r _ <&3; kill -s KILL 0) </dev/null >/dev/null 2>&1 & exec "$@" 3<&-';

export interface LaunchOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Starts `argv` as the leader of a new process group tied to this process's life (POSIX).
 * Rejects, as `spawn` would, with ENOENT/EACCES when the program cannot be run: the shell would
 * only report it once running, so the program is looked up first, the way exec does.
 */
export async function launchModel(argv: readonly string[], options: LaunchOptions): Promise<ChildProcessWithoutNullStreams> {
  const [program, ...args] = argv;
  if (process.platform === 'win32') return started(spawn(program!, args, { ...options, stdio: 'pipe', windowsHide: true }));
  await findProgram(program!, options);
  const child = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'gmki-model', ...argv], {
    ...options,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  // Read (and ignore) our end of the lifeline, so that its closing is noticed and the child's
  // 'close' event is not held back by it.
  const lifeline = child.stdio[3] as Readable | null;
  lifeline?.on('error', () => {}).resume();
  return started(child as ChildProcessWithoutNullStreams);
}

function started(child: ChildProcessWithoutNullStreams): Promise<ChildProcessWithoutNullStreams> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('spawn', () => {
      child.off('error', reject);
      resolve(child);
    });
  });
}

/**
 * Finds `program` as execvp does: a name with a slash is a path (relative to `cwd`), any other
 * name is looked up in the PATH of `env`.
 * @throws an ENOENT error when there is no such file, EACCES when it is not an executable file
 */
async function findProgram(program: string, { cwd, env }: LaunchOptions): Promise<void> {
  const candidates = program.includes('/')
    ? [resolve(cwd, program)]
    : (env.PATH ?? '/usr/bin:/bin').split(delimiter).map((dir) => resolve(cwd, isAbsolute(dir) ? dir : dir || '.', program));
  let found = false;
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => null);
    if (!info) continue;
    found = true;
    if (
      info.isFile() &&
      (await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      ))
    )
      return;
  }
  throw spawnError(found ? 'EACCES' : 'ENOENT', program);
}

function spawnError(code: 'ENOENT' | 'EACCES', program: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`spawn ${program} ${code}`);
  error.code = code;
  error.path = program;
  return error;
}
