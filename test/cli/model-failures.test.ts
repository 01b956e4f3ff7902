import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, runGmki, STACK_FRAME, tinyProblem, writeProblem } from './helpers';

/** The message must locate the failure (iteration, component, sigma point, θ by name). */
const LOCATED = /iteration 1, component \d+, sigma point \d+ at θ = \(a = -?[\d.e+-]+, b = -?[\d.e+-]+\): /;

describe('gmki run with a failing JavaScript model', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  async function runModel(name: string, source: string, extra: string[] = []) {
    const sub = join(dir, name);
    await mkdir(sub);
    const file = await writeProblem(sub, source);
    return runGmki(['run', file, ...extra]);
  }

  it.concurrent("exits 1 and quotes the model's own error message when it throws", async () => {
    const result = await runModel('throws', 'export function forward() { throw new Error("mesh has negative volume"); }\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(LOCATED);
    expect(result.stderr).toContain('): the model raised an error: ');
    expect(result.stderr).toContain(': mesh has negative volume');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it.concurrent('exits 1 when the model returns NaN', async () => {
    const result = await runModel('nan', 'export function forward() { return [NaN]; }\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(LOCATED);
    expect(result.stderr).toContain('returned NaN at output 1 (of 1)');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it.concurrent('exits 1 when the model returns the wrong number of outputs', async () => {
    const result = await runModel('length', 'export async function forward([a, b]) { return [a, b]; }\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(LOCATED);
    expect(result.stderr).toContain('returned 2 numbers, expected 1');
  });

  it.concurrent('exits 1 when the model returns something that is not an array', async () => {
    const result = await runModel('object', 'export function forward([a]) { return { y: a }; }\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(LOCATED);
    expect(result.stderr).toMatch(/returned an object .*expected an array of 1 numbers/);
  });

  it.concurrent('reports the failure in the --json summary with status "failed"', async () => {
    const result = await runModel('json', 'export function forward() { throw new Error("license expired"); }\n', ['--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/component \d+, sigma point \d+.*license expired/);
  });

  it.concurrent('exits 1 naming θ and the limit when the model loops forever past timeoutSeconds', async () => {
    const sub = join(dir, 'endless');
    await mkdir(sub);
    const problem = tinyProblem({}, { type: 'javascript', path: 'model.mjs', timeoutSeconds: 1 });
    const file = await writeProblem(sub, 'export function forward() { while (true) {} }\n', problem);
    const result = await runGmki(['run', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(LOCATED);
    expect(result.stderr).toContain('): the model did not answer in time: no answer within 1 s (timeoutSeconds); its worker thread was stopped');
  });

  it.concurrent('names model.path and the resolved path when the module file is missing (exit 2)', async () => {
    const sub = join(dir, 'missing');
    await mkdir(sub);
    const file = join(sub, 'problem.gmki.json');
    await writeFile(file, JSON.stringify(tinyProblem({}, { type: 'javascript', path: 'models/gone.mjs' })));
    const result = await runGmki(['run', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('model.path');
    expect(result.stderr).toContain(join(sub, 'models', 'gone.mjs'));
  });

  it.concurrent('says so when the module exports neither forward nor forwardBatch (exit 2)', async () => {
    const result = await runModel('no-export', 'export const forwards = () => [1];\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the model could not be started: .*exports neither forward nor forwardBatch/);
  });
});
