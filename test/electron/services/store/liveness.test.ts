import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunStore, currentOwner, isOwnerAlive, openRunStore } from '../../../../electron/services/store/index';
import { iterationEntry, makeTempDir, newRun, randomMixture, removeDir } from './helpers';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const STORE_MODULE = new URL('../../../../electron/services/store/index.ts', import.meta.url).href;
/** Creates (queues) a run in the database given as argument, prints its id and exits. */
const QUEUE_AND_EXIT = `
const { openRunStore } = await import(${JSON.stringify(STORE_MODULE)});
const store = openRunStore(process.argv[1]);
const run = store.createRun({ name: 'orphan', problem: { format: 'gmki-problem/1', name: 'orphan', parameters: [{ name: 'a' }, { name: 'b' }],
  settings: { method: 'gmki-paper', components: 2, iterations: 3, seed: 1, initialization: { type: 'prior' } } },
  problemDir: null, nTheta: 2, softwareName: 'test', softwareVersion: '0', modelHash: null });
store.close();
console.log(run.id);
`;

/** The pid of a process that has run and exited (so certainly dead, barring pid reuse within the test). */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('runs left running by a dead process', () => {
  let dir: string;
  let store: RunStore;
  beforeEach(() => {
    dir = makeTempDir();
    store = openRunStore(join(dir, 'gmki.sqlite'));
  });
  afterEach(() => {
    store.close();
    removeDir(dir);
  });

  it('become interrupted with a sentence saying so; runs of live owners and of other hosts are left alone', async () => {
    const pid = await deadPid();
    const host = hostname();
    const dead = store.createRun(newRun({ name: 'dead owner' })).id;
    const live = store.createRun(newRun({ name: 'live owner' })).id;
    const remote = store.createRun(newRun({ name: 'other host' })).id;
    const queued = store.createRun(newRun({ name: 'queued' })).id;
    store.claimRun(dead, { pid, host });
    store.commitIteration(dead, iterationEntry(1, randomMixture(2, 2)), []);
    store.commitIteration(dead, iterationEntry(2, randomMixture(2, 2)), []);
    store.claimRun(live, currentOwner());
    store.claimRun(remote, { pid, host: `not-${host}` });

    expect(store.markDeadRunsInterrupted()).toEqual([dead]);
    const interrupted = store.getRun(dead)!;
    expect(interrupted).toMatchObject({ status: 'interrupted', ownerPid: null, ownerHost: null, iterationsDone: 2 });
    expect(interrupted.error).toBe(`The process running this run (pid ${pid} on ${host}) stopped before the run finished; resume it to continue after iteration 2.`);
    expect(interrupted.finishedAt).not.toBeNull();
    expect(store.getRun(live)).toMatchObject({ status: 'running', ownerPid: process.pid });
    expect(store.getRun(remote)).toMatchObject({ status: 'running', ownerHost: `not-${host}` });
    expect(store.getRun(queued)?.status).toBe('queued');
    expect(store.markDeadRunsInterrupted()).toEqual([]);
    // an interrupted run can be resumed
    expect(store.claimRun(dead, currentOwner())).toBe(true);
  });

  it('uses the liveness test it is given', () => {
    const id = store.createRun(newRun()).id;
    store.claimRun(id, { pid: 99, host: 'cluster-node-1' });
    const asked: [number, string][] = [];
    expect(
      store.markDeadRunsInterrupted((pid, host) => {
        asked.push([pid, host]);
        return false;
      }),
    ).toEqual([id]);
    expect(asked).toEqual([[99, 'cluster-node-1']]);
  });
});

describe('runs left queued by a dead process', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = makeTempDir();
    path = join(dir, 'gmki.sqlite');
  });
  afterEach(() => removeDir(dir));

  it('become interrupted, naming the process; runs queued by a live one are left alone', async () => {
    const store = openRunStore(path);
    const mine = store.createRun(newRun({ name: 'queued here' })).id;
    // A run queued by another process: a real gmki that created it and exited before starting it.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', QUEUE_AND_EXIT, path], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    const orphan = output.trim();
    expect(store.getRun(orphan)?.status).toBe('queued');

    expect(store.markDeadRunsInterrupted()).toEqual([orphan]);
    expect(store.getRun(orphan)).toMatchObject({ status: 'interrupted', startedAt: null, ownerPid: null });
    expect(store.getRun(orphan)?.error).toBe(
      `The process that queued this run (pid ${child.pid} on ${hostname()}) stopped before the run started; resume it to start it.`,
    );
    expect(store.getRun(mine)?.status).toBe('queued');
    expect(store.claimRun(orphan, currentOwner(), 'interrupted')).toBe(true);
    store.close();
  });

  it('treats a run queued before the queuing process was recorded (schema 2) as orphaned', () => {
    const store = openRunStore(path);
    const id = store.createRun(newRun()).id;
    store.close();
    const raw = new Database(path);
    raw.prepare('UPDATE runs SET queued_by_pid = NULL, queued_by_host = NULL WHERE id = ?').run(id);
    raw.close();
    const reopened = openRunStore(path);
    expect(reopened.markDeadRunsInterrupted()).toEqual([id]);
    expect(reopened.getRun(id)?.error).toBe('The process that queued this run stopped before the run started; resume it to start it.');
    reopened.close();
  });
});

describe('isOwnerAlive', () => {
  it('is true for this process, false for an exited one, and true for any pid on another host', async () => {
    const pid = await deadPid();
    expect(isOwnerAlive(process.pid, hostname())).toBe(true);
    expect(isOwnerAlive(pid, hostname())).toBe(false);
    expect(isOwnerAlive(pid, 'another-machine', 'this-machine')).toBe(true);
    expect(isOwnerAlive(0, hostname())).toBe(false);
  });
});
