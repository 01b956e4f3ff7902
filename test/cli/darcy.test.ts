/**
 * The Darcy example (gmki-algorithm.md §5.5, d = 128) through the command, as `gmki examples`
 * writes it: `eval` gives the built-in model's output, and a short run (K = 1, 3 iterations,
 * 771 PDE solves on the worker pool) costs exactly K(2d+1) evaluations per iteration, lowers the
 * regularised misfit Φ_R at every iteration and moves log κ towards the truth or its mirror.
 * The full run (K = 3, 50 iterations, 38 550 solves) is a benchmark, not a test.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DARCY_DATA, DARCY_TRUTH } from '../../core/problem/darcy-data';
import { darcyForward } from '../../core/problem/darcy-model';
import { darcyModeErrors } from '../../core/problem/darcy-truth';
import { makeTempDir, removeDir, runGmki } from './helpers';

let dir: string;
const problemFile = () => join(dir, 'darcy-2d.gmki.json');
beforeAll(async () => {
  dir = await makeTempDir();
  expect((await runGmki(['examples', '--out', dir])).code).toBe(0);
});
afterAll(() => removeDir(dir));

/** Φ_R(m) = ½‖y − G(m)‖² + ½‖m/10‖² (noise I, prior N(0, 10² I)): gmki-algorithm.md §1. */
function regularisedMisfit(mean: readonly number[]): number {
  const g = darcyForward(mean);
  const data = DARCY_DATA.reduce((sum, y, i) => sum + (y - g[i]!) ** 2, 0);
  const prior = mean.reduce((sum, m) => sum + (m / 10) ** 2, 0);
  return (data + prior) / 2;
}

it('eval prints the built-in model’s output at the prior mean θ = 0', async () => {
  const result = await runGmki(['eval', problemFile()]);
  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual(darcyForward(new Array(128).fill(0)));
});

it('a short run (K = 1, 3 iterations) costs K(2d+1) solves per iteration and approaches one of the two modes', async () => {
  const out = join(dir, 'out');
  const args = ['run', problemFile(), '--components', '1', '--iterations', '3', '--concurrency', '2'];
  const result = await runGmki([...args, '--posterior-samples', '10', '--db', join(dir, 'runs.sqlite'), '--out', out, '--json']);
  expect(result.code, result.stderr).toBe(0);
  const summary = JSON.parse(result.stdout);
  expect(summary.forwardEvaluations).toBe(1 * (2 * 128 + 1) * 3);

  const mixture = JSON.parse(await readFile(join(out, 'mixture.json'), 'utf8'));
  const history: { forwardEvaluations: number; means: number[][] }[] = mixture.history;
  expect(history.map((entry) => entry.forwardEvaluations)).toEqual([0, 257, 514, 771]);
  expect(mixture.problem.reference.label).toBe('truth');

  const misfits = history.map((entry) => regularisedMisfit(entry.means[0]!));
  for (let i = 1; i < misfits.length; i++) expect(misfits[i], `Φ_R at iteration ${i}: ${misfits.join(', ')}`).toBeLessThan(misfits[i - 1]!);
  expect(misfits.at(-1)!).toBeLessThan(0.1 * misfits[0]!);

  // The mean starts as a prior draw (log κ error ≈ 1) and moves towards the truth or its mirror image.
  const errors = history.map((entry) => {
    const { truth, mirrored } = darcyModeErrors(entry.means[0]!, DARCY_TRUTH);
    return Math.min(truth, mirrored);
  });
  expect(errors.at(-1)!, errors.join(', ')).toBeLessThan(0.7);
  expect(errors.at(-1)!).toBeLessThan(errors[0]! - 0.2);

  const finalMean: number[] = summary.final.means[0];
  const distance = Math.hypot(...finalMean.map((m, l) => m - DARCY_TRUTH[l]!));
  expect(summary.reference.label).toBe('truth');
  expect(summary.reference.distances[0].distance).toBeCloseTo(distance, 9);
});
