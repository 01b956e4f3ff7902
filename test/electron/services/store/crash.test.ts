import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRunStore } from '../../../../electron/services/store/index';
import { makeTempDir, newRun, removeDir } from './helpers';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WRITER = join(import.meta.dirname, 'fixtures', 'writer.ts');
const PER_ITERATION = 4 * (2 * 16 + 1);

describe('a writer killed with SIGKILL mid-run', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('loses at most the iteration in progress: every committed iteration has its whole ledger, and the run becomes interrupted', async () => {
    const path = join(dir, 'gmki.sqlite');
    const store = openRunStore(path);
    const runId = store.createRun(newRun({ nTheta: 16 })).id;
    const otherId = store.createRun(newRun()).id;

    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, runId, otherId, '100000'], { cwd: REPO_ROOT, stdio: 'ignore' });
    let running = true;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => ((running = false), resolve(signal))));
    while (running && (store.getRun(runId)?.iterationsDone ?? 0) < 5) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const killed = store.getRun(runId)!;
    expect(killed).toMatchObject({ status: 'running', ownerPid: child.pid });
    const done = killed.iterationsDone;
    expect(store.getIterations(runId).map((it) => it.iteration)).toEqual(Array.from({ length: done }, (_, i) => i + 1));
    for (let i = 1; i <= done; i++) expect(store.countEvaluations(runId, { iteration: i }), `ledger of iteration ${i}`).toBe(PER_ITERATION);
    expect(store.countEvaluations(runId)).toBe(done * PER_ITERATION);
    expect(killed.forwardEvaluations).toBe(done * PER_ITERATION);

    expect(store.markDeadRunsInterrupted()).toEqual([runId]);
    expect(store.getRun(runId)).toMatchObject({ status: 'interrupted', iterationsDone: done, ownerPid: null });
    expect(store.getRun(runId)?.error).toContain(`pid ${child.pid}`);
    store.close();
  });
});
