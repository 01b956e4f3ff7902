/**
 * The Python that tests needing numpy or scipy run: the first of GMKI_PYTHON (what `.ci/run`
 * sets when it had to install them for another interpreter), `python3` on the PATH (what users
 * run) and Debian's /usr/bin/python3 (where `apt-get install python3-numpy` puts them) that
 * imports the modules. Tests skip with the reason when none does.
 */
import { spawnSync } from 'node:child_process';

export type PythonProbe = { readonly command: string; readonly reason: null } | { readonly command: null; readonly reason: string };

export function pythonWith(modules: readonly string[]): PythonProbe {
  const candidates = [...new Set([process.env.GMKI_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c)))];
  const failures: string[] = [];
  for (const command of candidates) {
    const probe = spawnSync(command, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8', timeout: 30_000 });
    if (probe.error) failures.push(`${command} could not be started (${probe.error.message})`);
    else if (probe.status !== 0) failures.push(`${command}: ${probe.stderr.trim().split('\n').at(-1)}`);
    else return { command, reason: null };
  }
  return { command: null, reason: `no Python here imports ${modules.join(' and ')} (${failures.join('; ')}); .ci/run installs them` };
}
