/**
 * `gmki run` with a model that fails on ~2 % of points (test/fixtures/models/fails-sometimes.mjs,
 * by a hash of θ): with settings.onEvaluationFailure "stop" (the default) it fails as it always
 * has; with "skip" it completes, says how many evaluations failed in its summary, `--json` and
 * `runs show`, names the skipped components in the diagnostics, and gives bit for bit the same
 * result with concurrency 1 as with concurrency 3 in two steps (run, then runs extend).
 * Real child processes, worker threads and SQLite files.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, runGmki, tinyProblem, writeProblem } from './helpers';

const FIXTURE = pathToFileURL(resolve(import.meta.dirname, '../fixtures/models/fails-sometimes.mjs')).href;
const MODEL = `export { forward } from ${JSON.stringify(FIXTURE)};\n`;

let dir: string;
const db = () => join(dir, 'runs.sqlite');

function problemWith(settings: Record<string, unknown>): Record<string, unknown> {
  return {
    ...tinyProblem({ method: 'gmki-paper', components: 3, iterations: 12, seed: 11, ...settings }),
    observations: { values: [4.2, 0.5], noise: { std: [1, 0.5] } },
  };
}

async function writeFailingProblem(name: string, settings: Record<string, unknown>): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder);
  return writeProblem(folder, MODEL, problemWith(settings));
}

/** mixture.json without its wall-clock fields and the settings that may differ (concurrency, iterations). */
async function resultOf(folder: string): Promise<string> {
  const json = JSON.parse(await readFile(join(folder, 'mixture.json'), 'utf8'));
  delete json.elapsedSeconds;
  for (const entry of json.history) delete entry.elapsedSeconds;
  delete json.problem.settings.concurrency;
  return JSON.stringify({ history: json.history, final: json.final, forwardEvaluations: json.forwardEvaluations });
}

beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeDir(dir));

describe('gmki run with a model that fails on ~2 % of points', () => {
  it('"stop" (the default) exits 1 at the first failure, naming it', async () => {
    const file = await writeFailingProblem('stop', {});
    const result = await runGmki(['run', file, '--db', db()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /gmki: run failed: iteration \d+, component \d, sigma point \d at θ = \(a = .*, b = .*\): the model raised an error: the solver diverged at this θ\n/,
    );
  });

  it('"skip" completes and reports the failures in the summary, --json and runs show; concurrency 1 equals concurrency 3 run then extended', async () => {
    const straightFile = await writeFailingProblem('skip-straight', { onEvaluationFailure: 'skip', concurrency: 1 });
    const straight = await runGmki(['run', straightFile, '--db', db(), '--out', join(dir, 'straight')]);
    expect(straight.code, straight.stderr).toBe(0);
    const failed = /forward evaluations \((\d+) failed and left out: settings\.onEvaluationFailure "skip"\)/.exec(straight.stdout);
    expect(failed, straight.stdout).not.toBeNull();
    const count = Number(failed![1]);
    expect(count).toBeGreaterThan(0);

    const inTwoFile = await writeFailingProblem('skip-in-two', { onEvaluationFailure: 'skip', concurrency: 3, iterations: 5 });
    const first = await runGmki(['run', inTwoFile, '--db', db(), '--json']);
    expect(first.code, first.stderr).toBe(0);
    const { id } = JSON.parse(first.stdout) as { id: string };
    const extended = await runGmki(['runs', 'extend', id, '--iterations', '7', '--db', db(), '--out', join(dir, 'in-two'), '--json']);
    expect(extended.code, extended.stderr).toBe(0);
    const summary = JSON.parse(extended.stdout);
    expect(summary).toMatchObject({ status: 'completed', iterations: 12, failedEvaluations: count });
    expect(await resultOf(join(dir, 'in-two'))).toBe(await resultOf(join(dir, 'straight')));

    const show = await runGmki(['runs', 'show', id, '--db', db()]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`180 forward evaluations (${count} failed)`);
    expect(show.stdout).toMatch(
      / {2}(warning|note): Component \d was skipped in (iteration \d+|\d+ iterations \([\d, and]+\)) because (an evaluation|\d+ evaluations) at its sigma points failed/,
    );
    expect(show.stdout).toMatch(/\[warning\] iteration \d+: \d+ of 15 evaluations failed; components? .* kept (its|their) previous mean and covariance/);
    const listed = JSON.parse((await runGmki(['runs', 'list', '--db', db(), '--json'])).stdout) as { id: string; failedEvaluations: number }[];
    expect(listed.find((run) => run.id === id)!.failedEvaluations).toBe(count);
  });

  it('"skip" stops with exit 1 when every evaluation of an iteration fails', async () => {
    const folder = join(dir, 'all-fail');
    await mkdir(folder);
    const file = await writeProblem(folder, 'export function forward() { throw new Error("no licence"); }\n', problemWith({ onEvaluationFailure: 'skip' }));
    const result = await runGmki(['run', file, '--db', db(), '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ status: 'failed', failedEvaluations: 15, iterations: 0 });
    expect(summary.error).toMatch(
      /^iteration 1: all 15 evaluations failed\. The first: component 0, sigma point 0 at θ = \(a = .*, b = .*\): the model raised an error: no licence$/,
    );
  });
});
