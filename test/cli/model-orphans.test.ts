/**
 * A `command` model dies with `gmki` (issue 11, item 5): after `kill -9` of the gmki process, the
 * model's processes — and the programs they started — are gone within seconds, even when the
 * model ignores its stdin closing. Real `gmki run`, real shell models, real SIGKILL; the
 * processes are looked up in /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../electron/services/models/process-tree';
import { makeTempDir, REPO_ROOT, removeDir, tinyProblem } from './helpers';

/**
 * Starts a grandchild (`sleep`), writes "model-pid grandchild-pid" to pids.txt, then never reads
 * stdin and never answers: only a kill stops it.
 */
const STUBBORN_MODEL = `sleep 600 &
echo "$$ $!" >> pids.txt
wait
`;

let dir: string;
let leftovers: number[] = [];

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone, as it should be
    }
  }
  leftovers = [];
  await removeDir(dir);
});

function pidsWritten(): number[] {
  const file = join(dir, 'pids.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number) : [];
}

async function waitUntil(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(process.platform === 'win32')('command-model processes after kill -9 of gmki', () => {
  it('are gone within a few seconds, with the programs they started', async () => {
    const problem = tinyProblem({ concurrency: 2 }, { type: 'command', command: ['sh', 'model.sh'] });
    await writeFile(join(dir, 'model.sh'), STUBBORN_MODEL);
    await writeFile(join(dir, 'problem.gmki.json'), JSON.stringify(problem));

    const gmki = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'gmki.mjs'), 'run', join(dir, 'problem.gmki.json'), '--db', join(dir, 'runs.sqlite')], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => gmki.once('exit', (_code, signal) => resolve(signal)));
    // Two slots: two models, each with its grandchild.
    await waitUntil(() => pidsWritten().length === 4, 60_000, 'both models to start their grandchild');
    const pids = pidsWritten();
    leftovers = pids;
    expect(pids.every(isProcessAlive)).toBe(true);

    gmki.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const killedAt = Date.now();
    await waitUntil(() => !pids.some(isProcessAlive), 5000, `processes ${pids.join(', ')} to end`).catch(() => undefined);
    const alive = pids.filter(isProcessAlive);
    expect(alive, `still running ${Date.now() - killedAt} ms after kill -9 of gmki`).toEqual([]);
  });
});
