/**
 * `gmki runs show` describes the latest mixture as `gmki run` ends: each component's parameters
 * by name in physical units (mean ± std, or median and 95 % interval for a bounded one), from the
 * same code. A real `gmki` child process and SQLite file.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, runGmki, tinyProblem, TWO_MODAL_MODEL, writeProblem } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeDir(dir));

describe('gmki runs show', () => {
  it("prints each component's parameters by name in physical units, as gmki run's summary does", async () => {
    const problem = tinyProblem();
    const parameters = [
      { name: 'a', prior: { mean: 0, std: 1 } },
      { name: 'rate', prior: { mean: 1, std: 0.5, lower: 0 } },
    ];
    const file = await writeProblem(dir, TWO_MODAL_MODEL, { ...problem, parameters });
    const db = join(dir, 'runs.sqlite');
    const run = await runGmki(['run', file, '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const id = /Stored as run ([0-9a-f-]{36})/.exec(run.stdout)![1]!;
    // The summary's component block: from the first component to the legend.
    const summary = run.stdout.split('\n');
    const block = summary.slice(
      summary.findIndex((line) => line.startsWith('component ')),
      summary.findIndex((line) => line.startsWith('Unbounded')) + 1,
    );
    expect(block.some((line) => /^ {2}rate +\S+ {2}\(95 %: \S+ to \S+\)$/.test(line))).toBe(true);
    expect(block.some((line) => /^ {2}a +\S+ ± \S+$/.test(line))).toBe(true);

    const shown = await runGmki(['runs', 'show', id.slice(0, 8), '--db', db]);
    expect(shown.code, shown.stderr).toBe(0);
    const lines = shown.stdout.split('\n');
    const start = lines.indexOf('mixture after iteration 2:');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 1 + block.filter((line) => line !== '').length)).toEqual(block.filter((line) => line !== '').map((line) => `  ${line}`));
    expect(shown.stdout).not.toContain('unconstrained');
  });
});
