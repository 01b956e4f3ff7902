/**
 * The run lifecycle that the command line and the app share: finding a run by id or prefix, the
 * status rule of every action with the host's words for what to do instead, extend checking the
 * stored problem before it changes anything, and creating a run with its model file's hash.
 * Real SQLite files and real model files; the run itself is the run manager's business.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProblem } from '../../../../core/problem';
import type { ResolvedProblem } from '../../../../core/problem/types';
import { RUN_ACTION_STATUSES, RUN_ACTIONS, type RunAction } from '../../../../electron/contract/run-actions';
import { ModelLoadError } from '../../../../electron/services/models';
import {
  cancelRun,
  createRun,
  deleteRun,
  extendRun,
  findRun,
  isRunLifecycleError,
  prepareResume,
  problemFileAsRun,
  type LifecycleContext,
} from '../../../../electron/services/runs/lifecycle';
import { openRunStore, RUN_STATUSES, type RunStatus, type RunStore } from '../../../../electron/services/store';
import { makeTempDir, removeDir } from '../store/helpers';

let dir: string;
let store: RunStore;
let problem: ResolvedProblem;

const REMEDIES = {
  extend: (id: string) => `extend ${id}`,
  resume: (id: string) => `resume ${id}`,
  cancel: (id: string) => `cancel ${id}`,
};
const context = (extra: Partial<LifecycleContext> = {}): LifecycleContext => ({ store, remedies: REMEDIES, ...extra });

function parsed(json: unknown): ResolvedProblem {
  const result = parseProblem(json, { cpuCount: 1 });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.problem;
}

function problemJson(modelPath = 'model.mjs'): Record<string, unknown> {
  return {
    format: 'gmki-problem/1',
    name: 'lifecycle',
    parameters: [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'b', prior: { mean: 0, std: 1 } },
    ],
    observations: { values: [1], noise: { std: 1 } },
    model: { type: 'javascript', path: modelPath },
    settings: { components: 2, iterations: 3 },
  };
}

/** A stored run brought into `status` the way the store's own transitions do it. */
async function runIn(status: RunStatus): Promise<string> {
  const { id } = await createRun(store, { problem, problemDir: dir });
  if (status === 'queued') return id;
  store.claimRun(id, { pid: process.pid, host: 'test-host' });
  if (status === 'running') return id;
  if (status === 'interrupted') {
    store.markDeadRunsInterrupted(() => false);
    return id;
  }
  store.finishRun(id, status, status === 'completed' ? null : `${status} on purpose`);
  return id;
}

function lifecycleErrorOf(act: () => unknown): { code: string; message: string } {
  try {
    act();
  } catch (error) {
    if (isRunLifecycleError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a RunLifecycleError, nothing was thrown');
}

beforeEach(() => {
  dir = makeTempDir();
  writeFileSync(join(dir, 'model.mjs'), 'export function forward([a, b]) { return [a + b]; }\n');
  store = openRunStore(join(dir, 'runs.sqlite'));
  problem = parsed(problemJson());
});
afterEach(() => {
  store.close();
  removeDir(dir);
});

describe('findRun', () => {
  it('finds a run by its id, and by a unique prefix only where the host accepts prefixes', async () => {
    const id = await runIn('completed');
    expect(findRun(context(), id).id).toBe(id);
    expect(findRun(context({ acceptIdPrefix: true }), id.slice(0, 6)).id).toBe(id);
    const refused = lifecycleErrorOf(() => findRun(context(), id.slice(0, 6)));
    expect(refused).toEqual({ code: 'RUN_NOT_FOUND', message: `there is no run with id '${id.slice(0, 6)}' in ${store.path}` });
  });

  it('refuses a prefix that several ids share, asking for more of it', async () => {
    const ids = [await runIn('completed'), await runIn('completed')];
    store.createRun({ ...store.getRun(ids[0]!)!, id: `${ids[0]!.slice(0, 4)}0000-aaaa-bbbb-cccc-dddddddddddd` });
    const refused = lifecycleErrorOf(() => findRun(context({ acceptIdPrefix: true }), ids[0]!.slice(0, 4)));
    expect(refused.code).toBe('AMBIGUOUS_RUN_ID');
    expect(refused.message).toContain('give more of the id');
  });

  it('shows a run that this process has queued again as queued, whatever its stored status', async () => {
    const id = await runIn('cancelled');
    const manager = { active: () => [id], cancel: () => undefined };
    expect(findRun(context({ manager }), id)).toMatchObject({ status: 'queued', error: null });
    expect(findRun(context(), id)).toMatchObject({ status: 'cancelled', error: 'cancelled on purpose' });
  });
});

describe('the status rule of each action', () => {
  const act: Record<RunAction, (id: string) => unknown> = {
    resume: (id) => prepareResume(context(), id),
    extend: (id) => extendRun(context(), id, 2),
    cancel: (id) => cancelRun(context(), id),
    delete: (id) => deleteRun(context(), id),
  };

  for (const action of RUN_ACTIONS) {
    it(`${action}: allowed exactly in ${RUN_ACTION_STATUSES[action].join(', ')}; refused otherwise with CONFLICT words`, async () => {
      for (const status of RUN_STATUSES) {
        const id = await runIn(status);
        if (RUN_ACTION_STATUSES[action].includes(status)) {
          expect(() => act[action](id), `${action} ${status}`).not.toThrow();
        } else {
          const refused = lifecycleErrorOf(() => act[action](id));
          expect(refused.code, `${action} ${status}`).toBe('WRONG_STATUS');
          expect(refused.message).toContain(`run ${id}`);
          expect(refused.message).toContain(status);
        }
      }
    });
  }

  it("says what to do instead, in the host's words", async () => {
    const completed = await runIn('completed');
    expect(lifecycleErrorOf(() => prepareResume(context(), completed)).message).toBe(`run ${completed} cannot be resumed: it is completed (extend ${completed})`);
    const failed = await runIn('failed');
    expect(lifecycleErrorOf(() => prepareResume(context(), failed)).message).toBe(`run ${failed} cannot be resumed: it is failed (fix the cause and start a new run)`);
    const interrupted = await runIn('interrupted');
    expect(lifecycleErrorOf(() => extendRun(context(), interrupted, 1)).message).toBe(
      `run ${interrupted} cannot be extended: it is interrupted, and only a completed run can be (resume ${interrupted})`,
    );
    const running = await runIn('running');
    expect(lifecycleErrorOf(() => deleteRun(context(), running)).message).toBe(`run ${running} cannot be deleted while it is running (cancel ${running})`);
    expect(lifecycleErrorOf(() => cancelRun(context(), completed)).message).toBe(`run ${completed} is completed: there is nothing to cancel`);
  });
});

describe('the actions', () => {
  it('resumes with the stored problem and extends by raising the target, reading as the longer run everywhere', async () => {
    const id = await runIn('cancelled');
    expect(prepareResume(context(), id).problem.settings.iterations).toBe(3);
    const completed = await runIn('completed');
    const extended = extendRun(context(), completed, 4);
    expect(extended.run.iterations).toBe(7);
    expect(extended.problem.settings.iterations).toBe(7);
    expect(problemFileAsRun(store.getRun(completed)!).settings.iterations).toBe(7);
    expect(store.getRun(completed)!.problem.settings.iterations).toBe(3);
  });

  it('refuses to extend a run whose stored problem no longer validates, changing nothing, with every error', async () => {
    const good = store.getRun(await runIn('completed'))!;
    const stale = store.createRun({ ...good, id: undefined, problem: { ...good.problem, parameters: [] } });
    store.claimRun(stale.id, { pid: process.pid, host: 'test-host' });
    store.finishRun(stale.id, 'completed', null);
    const refused = lifecycleErrorOf(() => extendRun(context(), stale.id, 2));
    expect(refused.code).toBe('INVALID_STORED_PROBLEM');
    expect(refused.message).toMatch(new RegExp(`^the stored problem of run ${stale.id} is not valid: parameters: `));
    expect(store.getRun(stale.id)!.iterations).toBe(3);
  });

  it('cancels through the manager where there is one, else by a request in the database', async () => {
    const running = await runIn('running');
    expect(cancelRun(context(), running).cancelRequested).toBe(true);
    const cancelled: string[] = [];
    const other = await runIn('running');
    cancelRun(context({ manager: { active: () => [], cancel: (id) => void cancelled.push(id) } }), other);
    expect(cancelled).toEqual([other]);
  });

  it('deletes a settled run with everything stored for it', async () => {
    const id = await runIn('failed');
    expect(deleteRun(context(), id).id).toBe(id);
    expect(store.getRun(id)).toBeNull();
  });

  it('creates a run with its model file hash, and stores nothing when the model file is missing', async () => {
    const run = await createRun(store, { problem, problemDir: dir, name: 'named' });
    expect(run).toMatchObject({ status: 'queued', name: 'named', problemDir: dir, nTheta: 2, iterations: 3 });
    expect(run.modelHash).toMatch(/^[0-9a-f]{64}$/);
    const missing = createRun(store, { problem: parsed(problemJson('gone.mjs')), problemDir: dir });
    await expect(missing).rejects.toBeInstanceOf(ModelLoadError);
    await expect(missing).rejects.toMatchObject({ path: 'model.path' });
    expect(store.countRuns({})).toBe(1);
  });
});
