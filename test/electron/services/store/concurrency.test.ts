import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRunStore } from '../../../../electron/services/store/index';
import { iterationEntry, ledgerRows, makeTempDir, newRun, randomMixture, removeDir } from './helpers';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WRITER = join(import.meta.dirname, 'fixtures', 'writer.ts');
const K = 4;
const D = 16;
const PER_ITERATION = K * (2 * D + 1);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('two connections on one database file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = makeTempDir();
    path = join(dir, 'gmki.sqlite');
  });
  afterEach(() => removeDir(dir));

  it('in one process: what one store commits, the other reads at once; each writes its own run', () => {
    const writer = openRunStore(path);
    const reader = openRunStore(path);
    const mine = writer.createRun(newRun({ nTheta: D })).id;
    const theirs = reader.createRun(newRun({ nTheta: D })).id;
    writer.claimRun(mine, { pid: 1, host: 'a' });
    reader.claimRun(theirs, { pid: 2, host: 'b' });
    for (let i = 1; i <= 10; i++) {
      writer.commitIteration(mine, iterationEntry(i, randomMixture(K, D, i), i * PER_ITERATION), ledgerRows(i, K, D));
      expect(reader.getRun(mine)?.iterationsDone).toBe(i);
      expect(reader.getLatestIteration(mine)?.mixture.means).toEqual(randomMixture(K, D, i).means);
      expect(reader.countEvaluations(mine)).toBe(i * PER_ITERATION);
      reader.commitIteration(theirs, iterationEntry(i, randomMixture(K, D, 100 + i)), []);
      expect(writer.getRun(theirs)?.iterationsDone).toBe(i);
    }
    writer.close();
    reader.close();
  });

  it('across processes: a child process commits iterations while this one commits and reads, and no SQLITE_BUSY surfaces', async () => {
    const store = openRunStore(path);
    const childRun = store.createRun(newRun({ name: 'child', nTheta: D })).id;
    const parentRun = store.createRun(newRun({ name: 'parent', nTheta: D })).id;
    store.claimRun(parentRun, { pid: process.pid, host: 'parent' });
    const childIterations = 40;

    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, childRun, parentRun, String(childIterations)], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let done = false;
    void exited.then(() => (done = true));
    while (!stdout.includes('ready') && !done) await nextTurn();

    // Both processes now write big transactions to the same file as fast as they can.
    let parentIterations = 0;
    let lastSeen = 0;
    const seenWhileRunning: number[] = [];
    while (!done) {
      parentIterations += 1;
      store.commitIteration(parentRun, iterationEntry(parentIterations, randomMixture(K, D, parentIterations)), ledgerRows(parentIterations, K, D));
      store.appendLog(parentRun, 'info', `parent iteration ${parentIterations}`);
      const seen = store.getRun(childRun)!.iterationsDone;
      expect(seen).toBeGreaterThanOrEqual(lastSeen);
      lastSeen = seen;
      seenWhileRunning.push(seen);
      store.getLatestIteration(childRun);
      await nextTurn();
    }

    expect(stderr).toBe('');
    expect(await exited).toBe(0);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as { committed: number; reads: number };
    expect(summary.committed).toBe(childIterations);
    // the two really overlapped: this process saw the child's run part-way
    expect(seenWhileRunning.some((n) => n > 0 && n < childIterations)).toBe(true);
    expect(parentIterations).toBeGreaterThan(1);

    const childRecord = store.getRun(childRun)!;
    expect(childRecord).toMatchObject({ status: 'completed', iterationsDone: childIterations, forwardEvaluations: childIterations * PER_ITERATION });
    expect(store.countEvaluations(childRun)).toBe(childIterations * PER_ITERATION);
    expect(store.getIterations(childRun).map((it) => it.iteration)).toEqual(Array.from({ length: childIterations }, (_, i) => i + 1));
    expect(store.getLogs(childRun)).toHaveLength(childIterations);
    expect(store.getRun(parentRun)?.iterationsDone).toBe(parentIterations);
    expect(store.countEvaluations(parentRun)).toBe(parentIterations * PER_ITERATION);
    console.log(`two processes: child committed ${childIterations} iterations while this process committed ${parentIterations}, ${PER_ITERATION} ledger rows each`);
    store.close();
  });
});
