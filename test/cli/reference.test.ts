/**
 * A problem's `reference` (problem-format.md §1.4) through the command: the end summary and
 * `runs show` give each component's distance to it, `--json` carries the numbers, and the problem
 * as run keeps it in mixture.json and in the problem export.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir, removeDir, runGmki, tinyProblem, TWO_MODAL_MODEL, writeProblem } from './helpers';

let dir: string;
let problemFile: string;
const db = () => join(dir, 'runs.sqlite');
const REFERENCE = { theta: [1, -1], label: 'truth' };

beforeAll(async () => {
  dir = await makeTempDir();
  problemFile = await writeProblem(dir, TWO_MODAL_MODEL, { ...tinyProblem({ seed: 3 }), reference: REFERENCE });
});
afterAll(() => removeDir(dir));

/** A problem file of its own folder under the test's folder. */
async function problemIn(name: string, problem: Record<string, unknown>): Promise<string> {
  await mkdir(join(dir, name));
  return writeProblem(join(dir, name), TWO_MODAL_MODEL, problem);
}

it('reports each component’s distance to the reference, in the summary, in --json and in runs show', async () => {
  const out = join(dir, 'out');
  const run = await runGmki(['run', problemFile, '--db', db(), '--out', out, '--json']);
  expect(run.code, run.stderr).toBe(0);
  const summary = JSON.parse(run.stdout);
  expect(summary.reference.label).toBe('truth');
  expect(summary.reference.distances).toHaveLength(2);
  const means: number[][] = summary.final.means; // unbounded parameters: u = θ
  summary.reference.distances.forEach((entry: { component: number; distance: number; relativeError: number }, k: number) => {
    const expected = Math.hypot(means[k]![0]! - 1, means[k]![1]! + 1);
    expect(entry.component).toBe(k);
    expect(entry.distance).toBeCloseTo(expected, 12);
    expect(entry.relativeError).toBeCloseTo(expected / Math.SQRT2, 12);
  });

  const mixture = JSON.parse(await readFile(join(out, 'mixture.json'), 'utf8'));
  expect(mixture.problem.reference).toEqual(REFERENCE);
  const exported = join(dir, 'exported.gmki.json');
  expect((await runGmki(['runs', 'export', summary.id, '--format', 'problem', '--out', exported, '--db', db()])).code).toBe(0);
  expect(JSON.parse(await readFile(exported, 'utf8')).reference).toEqual(REFERENCE);

  const shown = await runGmki(['runs', 'show', summary.id, '--db', db()]);
  expect(shown.code).toBe(0);
  expect(shown.stdout.match(/distance to truth \d[\d.e+-]* \(relative error \d[\d.e+-]*\)/g)).toHaveLength(2);
});

it('prints the distances in the human summary, and nothing about a reference when the problem has none', async () => {
  const human = await runGmki(['run', problemFile, '--db', db()]);
  expect(human.code, human.stderr).toBe(0);
  expect(human.stdout).toMatch(/^component 0 {2}weight \d\.\d{3} {2}distance to truth [\d.]+ \(relative error [\d.]+\)$/m);
  const plainFile = await problemIn('plain', tinyProblem({ seed: 3 }));
  const plain = await runGmki(['run', plainFile, '--db', db(), '--json']);
  expect(plain.stdout).not.toMatch(/distance to/);
  expect(JSON.parse(plain.stdout).reference).toBeUndefined();
});

it('rejects a reference of the wrong length before running, naming the field', async () => {
  const bad = await problemIn('bad', { ...tinyProblem(), reference: { theta: [1] } });
  const result = await runGmki(['run', bad, '--db', db()]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('problem.gmki.json: reference.theta: expected 2 numbers (one per parameter), got 1');
});
