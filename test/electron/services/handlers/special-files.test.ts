/**
 * Issue 11 item 7, the files half: a request that names a named pipe, a device or a folder where a
 * file is meant gets a prompt refusal naming what it found. Before, problem/read-file of a FIFO
 * never answered (the open blocked one of libuv's four file-system threads until some writer
 * came), /dev/zero was read until Node gave up at 2 GiB, and an export or a save "with overwrite"
 * replaced a FIFO by a file.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, Result, RunRecord } from '../../../../electron/contract';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
let fifo: string;
let runId: string;

beforeAll(async () => {
  fixture = createHandlerFixture('gmki-special-files-');
  writeFileSync(join(fixture.dir, 'model.mjs'), 'export function forward([a, b]) { return [(b - a) ** 2]; }\n');
  fifo = join(fixture.dir, 'pipe.gmki.json');
  if (process.platform !== 'win32') execFileSync('mkfifo', [fifo]);
  const run = await fixture.dispatch('run/start', { problem: smallProblem('model.mjs', 1), problemDir: fixture.dir });
  if (!run.ok) throw new Error(run.error.message);
  runId = (run.value as RunRecord).id;
  await fixture.deps.manager.whenSettled(runId);
});
afterAll(async () => {
  // If a reader is still blocked opening the pipe (the bug), let it go: a writer opens and closes.
  if (process.platform !== 'win32') {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader waiting (ENXIO): nothing to release.
    }
  }
  await fixture.close();
});

/** The channel's answer, or a failure of the test if there is none within `seconds` (a hang). */
async function answer(channel: string, payload: unknown, seconds = 20): Promise<Result<unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${channel} did not answer within ${seconds} s: it is stuck on the file`)), seconds * 1000);
  });
  try {
    return await Promise.race([fixture.dispatch(channel, payload), hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function refusal(channel: string, payload: unknown): Promise<AppError> {
  const result = await answer(channel, payload);
  if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

describe.skipIf(process.platform === 'win32')('named pipes, devices and folders where a file is meant', () => {
  it('problem/read-file answers at once that a named pipe is not a problem file', async () => {
    const error = await refusal('problem/read-file', { path: fifo });
    expect(error).toEqual({ code: 'IO', message: `${fifo} is a named pipe (FIFO), not a problem file.` });
    const link = join(fixture.dir, 'link-to-pipe.gmki.json');
    symlinkSync(fifo, link);
    expect((await refusal('problem/read-file', { path: link })).message).toBe(`${link} is a named pipe (FIFO), not a problem file.`);
  });

  it('problem/read-file refuses /dev/zero without reading it', async () => {
    expect(await refusal('problem/read-file', { path: '/dev/zero' })).toEqual({ code: 'IO', message: '/dev/zero is a device, not a problem file.' });
  });

  it('problem/write-file and run/export never replace a pipe or a folder, not even with overwrite', async () => {
    const folder = join(fixture.dir, 'a-folder.csv');
    mkdirSync(folder);
    for (const target of [fifo, folder]) {
      const what = target === fifo ? 'a named pipe (FIFO)' : 'a folder';
      const save = await refusal('problem/write-file', { path: target, content: { name: 'x' }, overwrite: true });
      expect(save).toEqual({ code: 'IO', message: `Cannot write ${target}: it is ${what}, and only a file is ever replaced.` });
      for (const overwrite of [true, false]) {
        const exported = await refusal('run/export', { runId, format: 'csv', path: target, overwrite });
        expect(exported).toEqual({ code: 'IO', message: `Cannot write ${target}: it is ${what}, and only a file is ever replaced.` });
      }
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(folder).isDirectory()).toBe(true);
  });

  it('run/start refuses a JavaScript model that is a named pipe (MODEL_SETUP on model.path)', async () => {
    const modelPipe = join(fixture.dir, 'model-pipe.mjs');
    execFileSync('mkfifo', [modelPipe]);
    const error = await refusal('run/start', { problem: smallProblem('model-pipe.mjs', 1), problemDir: fixture.dir });
    expect(error.code).toBe('MODEL_SETUP');
    expect(error.issues?.[0]?.path).toBe('model.path');
  });
});
