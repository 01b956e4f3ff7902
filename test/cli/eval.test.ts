/**
 * `gmki eval PROBLEM [--theta JSON]` (problem-format.md §3): the model's output G(θ) as one JSON
 * array on stdout, the model's own prints on stderr, and the exit statuses and messages of `run`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, runGmki, STACK_FRAME, tinyProblem, writeProblem } from './helpers';

/** Echoes θ and a combination of it, and prints to stdout and stderr on the way. */
const ECHO_MODEL = 'export function forward([a, b]) { console.log("solving"); console.error("mesh ok"); return [a, b, a * b]; }\n';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeDir(dir));

/** A problem with parameters a ~ N(0.5, 1) and b > 0 (prior mean 2), three observations, in its own folder. */
async function problem(name: string, source = ECHO_MODEL, changes: Record<string, unknown> = {}): Promise<string> {
  const sub = join(dir, name);
  await mkdir(sub);
  const base = tinyProblem();
  return writeProblem(sub, source, {
    ...base,
    parameters: [
      { name: 'a', prior: { mean: 0.5, std: 1 } },
      { name: 'b', prior: { mean: 2, std: 1, lower: 0 } },
    ],
    observations: { values: [1, 2, 3], noise: { std: 1 } },
    ...changes,
  });
}

describe('gmki eval', () => {
  it('prints G at the prior means (physical units) as one JSON array; the model’s prints go to stderr', async () => {
    const result = await runGmki(['eval', await problem('default')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('[0.5,2,1]\n');
    expect(result.stderr).toContain('[stdout] solving');
    expect(result.stderr).toContain('[stderr] mesh ok');
  });

  it('evaluates the θ given with --theta', async () => {
    const result = await runGmki(['eval', await problem('theta'), '--theta', '[-1.5, 4]']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([-1.5, 4, -6]);
  });

  it('exits 2 naming --theta when it is not d finite numbers inside the bounds', async () => {
    const file = await problem('bad-theta');
    const cases: [string, string][] = [
      ['[1, 2', "gmki: eval: --theta: expected a JSON array of 2 numbers, e.g. '[0.5, 0.5]', got '[1, 2'"],
      ['{"a": 1}', `gmki: eval: --theta: expected a JSON array of 2 numbers, got '{"a": 1}'`],
      ['[1, 2, 3]', 'gmki: eval: --theta: expected 2 numbers (one per parameter), got 3'],
      ['[1, "2"]', 'gmki: eval: --theta[1]: expected a finite number, got "2"'],
      ['[1, 0]', 'gmki: eval: --theta[1]: expected a number > 0 (the bound of parameter "b"), got 0'],
    ];
    for (const [theta, message] of cases) {
      const result = await runGmki(['eval', file, '--theta', theta]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`${message}\nRun 'gmki help eval' for usage.\n`);
      expect(result.stdout).toBe('');
    }
  });

  it('exits 2 with every error of an invalid problem, as run does', async () => {
    const file = await problem('invalid', ECHO_MODEL, { observations: { values: [1, 2, 3], noise: { std: -1 } } });
    const [evaluated, ran] = await Promise.all([runGmki(['eval', file]), runGmki(['run', file])]);
    expect(evaluated.code).toBe(2);
    expect(evaluated.stderr).toBe(`${file}: observations.noise.std: expected a number > 0, got -1\n`);
    expect(evaluated.stderr).toBe(ran.stderr);
  });

  it('exits 2 naming model.path when the model cannot be started', async () => {
    const missing = await problem('missing', ECHO_MODEL, { model: { type: 'javascript', path: 'gone.mjs' } });
    const noExport = await problem('no-export', 'export const forwards = () => [1];\n');
    const [gone, wrong] = await Promise.all([runGmki(['eval', missing]), runGmki(['eval', noExport])]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/problem\.gmki\.json: model\.path: model file "gone\.mjs" not found/);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/problem\.gmki\.json: model\.path: .*exports neither forward nor forwardBatch/);
  });

  it('exits 1 when the model fails, naming θ and quoting the model, as run does', async () => {
    const throws = await problem('throws', 'export function forward() { throw new Error("mesh has negative volume"); }\n');
    const nan = await problem('nan', 'export function forward() { return [1, NaN, 3]; }\n');
    const [thrown, notANumber] = await Promise.all([runGmki(['eval', throws, '--theta', '[1, 2]']), runGmki(['eval', nan])]);
    expect(thrown.code).toBe(1);
    expect(thrown.stderr).toBe('gmki: evaluation failed at θ = (a = 1, b = 2): the model raised an error: mesh has negative volume\n');
    expect(thrown.stdout).toBe('');
    expect(notANumber.code).toBe(1);
    expect(notANumber.stderr).toBe('gmki: evaluation failed at θ = (a = 0.5, b = 2): the model returned an unusable output: it returned NaN at output 2 (of 3)\n');
    expect(notANumber.stderr).not.toMatch(STACK_FRAME);
  });

  it('runs a Python command model', async () => {
    const sub = join(dir, 'python');
    await mkdir(sub);
    await writeFile(join(sub, 'model.py'), 'from gmki_model import serve\nserve(lambda theta: [theta[0] + theta[1], 0, 0])\n');
    const file = join(sub, 'problem.gmki.json');
    const json = JSON.parse(
      JSON.stringify({ ...tinyProblem({}, { type: 'command', command: ['python3', 'model.py'] }), observations: { values: [1, 2, 3], noise: { std: 1 } } }),
    );
    await writeFile(file, JSON.stringify(json));
    const result = await runGmki(['eval', file, '--theta', '[0.25, 0.5]']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([0.75, 0, 0]);
  });

  it('has its help and is listed in the usage', async () => {
    const [help, usage] = await Promise.all([runGmki(['help', 'eval']), runGmki(['--help'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: gmki eval PROBLEM\.gmki\.json \[--theta JSON\]/);
    expect(usage.stdout).toMatch(/^ {2}eval PROBLEM\.gmki\.json \[--theta JSON\]$/m);
  });
});
