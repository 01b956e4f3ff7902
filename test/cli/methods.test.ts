/**
 * `gmki` with the methods beside GMKI (issue 10 item 1), as a user runs them: an smc run shows its
 * stages, β, ESS and log-evidence, ends with the log-evidence in the summary and in --json,
 * `runs show` and `runs export` work on it, `runs extend` refuses it with the reason; an eks run
 * exports its particles. Real child processes, a real SQLite file, a real JavaScript model.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, runGmki, STACK_FRAME, tinyProblem, TWO_MODAL_MODEL, writeProblem } from './helpers';

let dir: string;
const db = () => join(dir, 'runs.sqlite');

beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeDir(dir));

describe('gmki with smc', () => {
  let runId = '';

  it('runs to β = 1, showing stage, β and ESS per iteration, and ends with the log-evidence', async () => {
    const file = await writeProblem(dir, TWO_MODAL_MODEL, tinyProblem({ method: 'smc', particles: 200, mhSteps: 5, maxStages: 10, posteriorSamples: 200 }));
    const run = await runGmki(['run', file, '--db', db(), '--out', join(dir, 'smc-out')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    // one line per committed iteration (stdout is not a terminal here): the plan is an upper bound
    expect(run.stdout).toMatch(/^iteration +1 of ≤ 51 {2}evaluations 200 of ≤ 10200 .* stage 1 {2}step 0\/5 {2}β [\d.e-]+ {2}ESS \d+ {2}misfit /m);
    expect(run.stdout).toMatch(/stage \d+ {2}step 5\/\d+ {2}β 1 {2}ESS \d+ {2}misfit \S+ {2}log-evidence -?[\d.]+\n/);
    expect(run.stdout).toMatch(/^the particles \(their mean and spread\)$/m);
    expect(run.stdout).toMatch(/^log-evidence log p\(y\) = -?[\d.]+ \(β = 1 after \d+ stages?\)$/m);
    runId = /Stored as run ([0-9a-f-]{36})/.exec(run.stdout)![1]!;

    const csv = (await readFile(join(dir, 'smc-out', 'samples.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe('a,b,particle');
    expect(csv).toHaveLength(201);
    const mixture = JSON.parse(await readFile(join(dir, 'smc-out', 'mixture.json'), 'utf8'));
    expect(mixture.method).toBe('smc');
    expect(mixture.smc.beta).toBe(1);
    expect(mixture.particles.positions).toHaveLength(200);
    expect(mixture.particles.logLikelihoods).toHaveLength(200);
  });

  it('shows the run with its settings and log-evidence, exports it, and refuses to extend it, saying why', async () => {
    const shown = await runGmki(['runs', 'show', runId, '--db', db()]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('method smc, J = 200 particles, ≤ 5 MH steps per stage, ≤ 10 stages, ESS threshold 0.5, seed 1');
    expect(shown.stdout).toMatch(/log-evidence log p\(y\) = -?[\d.]+/);
    const listed = JSON.parse((await runGmki(['runs', 'list', '--db', db(), '--json'])).stdout) as { id: string; iterations: number; iterationsDone: number }[];
    const row = listed.find((candidate) => candidate.id === runId)!;
    expect(row.iterations).toBe(row.iterationsDone);

    const npz = await runGmki(['runs', 'export', runId, '--format', 'npz', '--out', join(dir, 'smc.npz'), '--db', db()]);
    expect(npz.code, npz.stderr).toBe(0);

    const extend = await runGmki(['runs', 'extend', runId, '--iterations', '5', '--db', db()]);
    expect(extend.code).toBe(2);
    expect(extend.stderr).toContain('cannot be extended: an smc run ends when its tempering reaches the posterior (β = 1)');
  });

  it('reports the log-evidence in the --json summary', async () => {
    const file = await writeProblem(dir, TWO_MODAL_MODEL, tinyProblem({ method: 'smc', particles: 100, mhSteps: 3, maxStages: 10 }));
    const run = await runGmki(['run', file, '--db', db(), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ status: 'completed', beta: 1 });
    expect(Number.isFinite(summary.logEvidence)).toBe(true);
    expect(summary.stages).toBeGreaterThanOrEqual(1);
  });

  it('warns when maxStages ends the run before the posterior', async () => {
    const file = await writeProblem(dir, TWO_MODAL_MODEL, {
      ...tinyProblem({ method: 'smc', particles: 100, mhSteps: 2, maxStages: 1 }),
      observations: { values: [4.2297], noise: { std: 0.05 } },
    });
    const run = await runGmki(['run', file, '--db', db()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^warning: smc stopped after 1 stage \(maxStages = 1\) at β = [\d.e-]+: its particles sample a tempered posterior/m);
    expect(run.stdout).not.toContain('log-evidence log p(y)');
  });
});

describe('gmki with eks', () => {
  it('runs with the misfit on each progress line and exports its particles as samples', async () => {
    const file = await writeProblem(dir, TWO_MODAL_MODEL, tinyProblem({ method: 'eks', particles: 30, iterations: 3, posteriorSamples: 30 }));
    const run = await runGmki(['run', file, '--db', db(), '--out', join(dir, 'eks-out')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^iteration 3\/3 {2}evaluations 90\/90 .* misfit \S+$/m);
    expect(run.stdout).toMatch(/^the ensemble \(mean and spread of its particles\)$/m);
    const csv = (await readFile(join(dir, 'eks-out', 'samples.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe('a,b,particle');
    expect(csv.slice(1).map((line) => Number(line.split(',')[2]))).toEqual(Array.from({ length: 30 }, (_, j) => j));
  });
});
