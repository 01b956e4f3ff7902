import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createModelHost } from '../../../../electron/services/models/host-factory';
import type { ModelHost, ModelHostContext } from '../../../../electron/services/models/host';
import { ModelSetupError } from '../../../../electron/services/models/setup-error';
import { spawnWorker } from '../../../../electron/services/workers/spawn-worker';
import { delay, jitterSource, problemFolder, requests, results, testContext, waitFor } from './host-support';

const WORKER_ENTRY = new URL('../../../../electron/services/models/javascript-worker.ts', import.meta.url);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A host over `files['model.mjs']` whose worker threads are kept in `workers` for inspection. */
async function jsHost(files: Record<string, string>, overrides: Partial<ModelHostContext> = {}, timeoutSeconds?: number) {
  const folder = await problemFolder(files);
  cleanups.push(folder.remove);
  const workers: Worker[] = [];
  const context = testContext(folder.dir, {
    createJavascriptWorker: (options) => {
      const worker = spawnWorker(WORKER_ENTRY, options);
      workers.push(worker);
      return worker;
    },
    ...overrides,
  });
  const host: ModelHost = await createModelHost({ type: 'javascript', path: 'model.mjs', timeoutSeconds }, context);
  cleanups.push(() => host.close());
  return { host, context, workers, dir: folder.dir };
}

const SLOW_MODEL = `
export async function forward(theta) {
  await new Promise((resolve) => setTimeout(resolve, ${jitterSource('js', 25)}));
  return [theta[0] * theta[1] + Math.sin(theta[0])];
}`;

describe('javascript model host', () => {
  it('places outputs by index and gives the same results with 1 and 3 workers when durations vary', async () => {
    const batch = requests(24, (i) => (i % 5) - 2);
    const one = await jsHost({ 'model.mjs': SLOW_MODEL }, { concurrency: 1 });
    const three = await jsHost({ 'model.mjs': SLOW_MODEL }, { concurrency: 3 });
    const [serial, parallel] = await Promise.all([one.host.evaluateBatch(batch), three.host.evaluateBatch(batch)]);

    expect(results(parallel)).toEqual(results(serial));
    expect(parallel.map((outcome) => outcome.output)).toEqual(batch.map(({ theta }) => [theta[0]! * theta[1]! + Math.sin(theta[0]!)]));
    expect(new Set(parallel.map((outcome) => outcome.slot))).toEqual(new Set([0, 1, 2]));
    expect(three.host.slots).toBe(3);
  });

  it('imports the model once per worker and keeps it loaded across batches', async () => {
    const model = `
      import { appendFileSync } from 'node:fs';
      appendFileSync(new URL('./imports.log', import.meta.url), 'imported\\n');
      export const forward = (theta) => [theta[0]];`;
    const { host, dir } = await jsHost({ 'model.mjs': model }, { concurrency: 2 });
    await host.evaluateBatch(requests(6));
    await host.evaluateBatch(requests(6));
    expect((await readFile(join(dir, 'imports.log'), 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('calls forwardBatch once per worker with the points split in index order', async () => {
    const model = `
      import { appendFileSync } from 'node:fs';
      export function forward() { throw new Error('forward must not be called'); }
      export function forwardBatch(thetas) {
        appendFileSync(new URL('./calls.log', import.meta.url), JSON.stringify(thetas.map((t) => t[0])) + '\\n');
        return thetas.map((theta) => [theta[0] * 10]);
      }`;
    const { host, dir } = await jsHost({ 'model.mjs': model }, { concurrency: 2 });
    const seen: number[] = [];
    const outcomes = await host.evaluateBatch(requests(7), { onOutcome: (outcome) => seen.push(outcome.index) });

    expect(outcomes.map((outcome) => outcome.output)).toEqual([[0], [10], [20], [30], [40], [50], [60]]);
    const calls = (await readFile(join(dir, 'calls.log'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as number[]);
    expect(calls.sort((a, b) => a[0]! - b[0]!)).toEqual([
      [0, 1, 2],
      [3, 4, 5, 6],
    ]);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("reports a throw, NaN and a wrong length with the model's own words", async () => {
    const model = `
      export function forward(theta) {
        if (theta[0] === 1) throw new Error('cannot mesh the domain for this theta');
        if (theta[0] === 2) return [NaN];
        if (theta[0] === 3) return [1, 2, 3];
        return [theta[0]];
      }`;
    const { host } = await jsHost({ 'model.mjs': model });
    const outcomes = await host.evaluateBatch(requests(5), { stopOnFailure: false });

    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, 'threw', 'bad-output', 'bad-output', null]);
    expect(outcomes[1]!.error).toBe('cannot mesh the domain for this theta');
    expect(outcomes[2]!.error).toBe('it returned NaN at output 1 (of 1)');
    expect(outcomes[3]!.error).toBe('it returned 3 numbers, expected 1');
    // The refused numbers are kept (Test evaluation shows them); a throw has none.
    expect(outcomes[3]!.returned).toEqual([1, 2, 3]);
    expect(outcomes[2]!.returned).toEqual([Number.NaN]);
    expect(outcomes[1]!.returned).toBeUndefined();
    expect(outcomes[4]!.output).toEqual([4]);
  });

  it('replaces a worker the model ended and retries its evaluation once', async () => {
    const model = `
      import { existsSync, writeFileSync } from 'node:fs';
      export function forward(theta) {
        const marker = new URL('./crashed-once', import.meta.url);
        if (theta[0] === 2 && !existsSync(marker)) { writeFileSync(marker, ''); process.exit(3); }
        if (theta[0] === 4) { console.error('about to give up'); process.exit(5); }
        return [theta[0] + 1];
      }`;
    const { host, context } = await jsHost({ 'model.mjs': model });
    const outcomes = await host.evaluateBatch(requests(5), { stopOnFailure: false });

    expect(outcomes[2]).toMatchObject({ output: [3], failure: null, attempts: 2 });
    expect(outcomes[4]).toMatchObject({ output: null, failure: 'crashed', attempts: 2 });
    expect(outcomes[4]!.error).toContain('its worker thread stopped before answering: exit code 5');
    expect(outcomes[4]!.error).toContain('about to give up');
    expect(outcomes.map((outcome) => outcome.output)).toEqual([[1], [2], [3], [4], null]);
    expect(context.entries.some((entry) => entry.stream === 'warning' && entry.text.includes('starting a new worker thread'))).toBe(true);
  });

  it("sends the model's console output to the run log, a megabyte of stderr included", async () => {
    const model = `
      export function forward(theta) {
        console.log('computing', theta[0]);
        if (theta[0] === 0) for (let i = 0; i < 1024; i++) console.error('x'.repeat(1023));
        return [theta[0]];
      }`;
    const { host, context } = await jsHost({ 'model.mjs': model });
    const outcomes = await host.evaluateBatch(requests(3));

    expect(outcomes.map((outcome) => outcome.output)).toEqual([[0], [1], [2]]);
    await waitFor(() => context.entries.filter((entry) => entry.stream === 'stderr').length === 1024);
    await waitFor(() => context.entries.filter((entry) => entry.stream === 'stdout').length === 3);
    expect(
      context.entries
        .filter((entry) => entry.stream === 'stdout')
        .map((entry) => entry.text)
        .sort(),
    ).toEqual(['computing 0', 'computing 1', 'computing 2']);
  });

  it('refuses a missing file, a module without forward and one that fails to import, naming the path', async () => {
    const folder = await problemFolder({
      'empty.mjs': 'export const answer = 42;',
      'broken.mjs': "throw new Error('missing dependency: libfoo');",
    });
    cleanups.push(folder.remove);
    const workers: Worker[] = [];
    const createJavascriptWorker = (options: WorkerOptions) => {
      workers.push(spawnWorker(WORKER_ENTRY, options));
      return workers[workers.length - 1]!;
    };
    const attempt = (path: string) =>
      createModelHost({ type: 'javascript', path }, testContext(folder.dir, { createJavascriptWorker })).then(
        () => {
          throw new Error('expected a setup error');
        },
        (error: unknown) => error as ModelSetupError,
      );

    const missing = await attempt('nowhere.mjs');
    expect(missing).toBeInstanceOf(ModelSetupError);
    expect(missing.path).toBe('model.path');
    expect(missing.message).toContain(join(folder.dir, 'nowhere.mjs'));
    expect((await attempt('empty.mjs')).message).toBe(`${join(folder.dir, 'empty.mjs')} exports neither forward nor forwardBatch`);
    const broken = await attempt('broken.mjs');
    expect(broken.message).toContain(join(folder.dir, 'broken.mjs'));
    expect(broken.message).toContain('missing dependency: libfoo');
    expect(workers).toHaveLength(4); // two per module that exists, all stopped again
    expect(workers.map((worker) => worker.threadId)).toEqual([-1, -1, -1, -1]);
  });

  it('cancels an evaluation stuck in an endless loop when the host is closed, leaving no worker running', async () => {
    const model = `export function forward(theta) { if (theta[0] === 1) for (;;) {} return [theta[0]]; }`;
    const { host, workers } = await jsHost({ 'model.mjs': model });
    const evaluating = host.evaluateBatch(requests(2));
    await delay(300);
    await host.close();
    const outcomes = await evaluating;

    expect(outcomes[0]).toMatchObject({ output: [0], failure: null });
    expect(outcomes[1]).toMatchObject({ output: null, failure: 'cancelled' });
    expect(workers).toHaveLength(2);
    expect(workers.map((worker) => worker.threadId)).toEqual([-1, -1]);
  });

  it('stops an evaluation stuck in while (true) {} after timeoutSeconds, naming the limit, and goes on in a fresh worker', async () => {
    const model = `export function forward(theta) { if (theta[0] === 1) while (true) {} return [theta[0]]; }`;
    const { host, workers } = await jsHost({ 'model.mjs': model }, { concurrency: 1 }, 1);
    const outcomes = await host.evaluateBatch(requests(3), { stopOnFailure: false });

    expect(outcomes.map((outcome) => outcome.failure)).toEqual([null, 'timeout', null]);
    expect(outcomes[1]!.error).toBe('no answer within 1 s (timeoutSeconds); its worker thread was stopped');
    expect(outcomes[2]!.output).toEqual([2]);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.threadId).toBe(-1); // the stuck thread was terminated
  }, 30_000);

  it('gives a forwardBatch call timeoutSeconds per point, and a module stuck at import the same limit', async () => {
    const stuckBatch = `export function forwardBatch(thetas) { while (true) {} }`;
    const { host } = await jsHost({ 'model.mjs': stuckBatch }, { concurrency: 2 }, 0.5);
    const outcomes = await host.evaluateBatch(requests(4));
    expect(outcomes.map((outcome) => outcome.failure)).toEqual(['timeout', 'timeout', 'timeout', 'timeout']);
    expect(outcomes[0]!.error).toBe('no answer within 1 s (timeoutSeconds = 0.5 s for each of its 2 points); its worker thread was stopped');

    const folder = await problemFolder({ 'model.mjs': 'while (true) {}\nexport const forward = (theta) => theta;' });
    cleanups.push(folder.remove);
    const failure = await createModelHost({ type: 'javascript', path: 'model.mjs', timeoutSeconds: 0.5 }, testContext(folder.dir)).then(
      () => {
        throw new Error('expected a setup error');
      },
      (error: unknown) => error as ModelSetupError,
    );
    expect(failure).toBeInstanceOf(ModelSetupError);
    expect(failure.path).toBe('model.path');
    expect(failure.message).toBe(`importing ${join(folder.dir, 'model.mjs')} took longer than 0.5 s (timeoutSeconds): does the module compute or wait at its top level?`);
  }, 30_000);
});
