import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PROBLEMS } from '../../core/problem/examples';
import { makeTempDir, REPO_ROOT, removeDir, runGmki, tinyProblem, TWO_MODAL_MODEL, writeProblem } from './helpers';

const JS_EXAMPLE = join(REPO_ROOT, 'resources', 'examples', 'two-modal', 'two-modal.gmki.json');

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await removeDir(dir);
});

async function subdir(name: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(path, { recursive: true });
  return path;
}

/** Checks mixture.json against problem-format.md §4 and returns it. */
async function readMixtureJson(out: string, iterations: number, d: number): Promise<any> {
  const json = JSON.parse(await readFile(join(out, 'mixture.json'), 'utf8'));
  expect(json.format).toBe('gmki-result/1');
  expect(json.problem.format).toBe('gmki-problem/1');
  expect(json.space).toBe('unconstrained');
  expect(json.parameterNames).toHaveLength(d);
  expect(json.history.map((h: any) => h.iteration)).toEqual(Array.from({ length: iterations + 1 }, (_, i) => i));
  for (const entry of json.history) {
    const K = entry.weights.length;
    expect(entry.weights.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
    expect(entry.means).toHaveLength(K);
    expect(entry.covariances).toHaveLength(K);
    expect(entry.covariances[0]).toHaveLength(d);
    expect(entry.covariances[0][0]).toHaveLength(d);
  }
  expect(json.final).toEqual({
    weights: json.history.at(-1).weights,
    means: json.history.at(-1).means,
    covariances: json.history.at(-1).covariances,
  });
  expect(json.forwardEvaluations).toBe(json.history.at(-1).forwardEvaluations);
  expect(json.software).toEqual({ name: 'gmki-studio', version: expect.any(String) });
  return json;
}

async function readCsv(out: string): Promise<string[]> {
  return (await readFile(join(out, 'samples.csv'), 'utf8')).trimEnd().split('\n');
}

describe('gmki run --out on every example', () => {
  // The built-in examples (written as files) and the quick start's JavaScript example. darcy-2d
  // costs 771 PDE solves per iteration: its own short run is in darcy.test.ts.
  const examples: { id: string; problem: { parameters: readonly unknown[] } | null }[] = [
    ...EXAMPLE_PROBLEMS.filter((example) => example.id !== 'darcy-2d').map((example) => ({ id: example.id, problem: example.problem })),
    { id: 'two-modal-javascript', problem: null },
  ];
  for (const example of examples) {
    it.concurrent(`${example.id}: exits 0 and writes mixture.json and samples.csv`, async () => {
      const work = await subdir(`example-${example.id}`);
      let file = JS_EXAMPLE;
      if (example.problem) {
        file = join(work, `${example.id}.gmki.json`);
        await writeFile(file, JSON.stringify(example.problem));
      }
      const out = join(work, 'out');
      const result = await runGmki(['run', file, '--iterations', '2', '--posterior-samples', '25', '--out', out]);
      // Two iterations rarely settle: the run's diagnostics may say so, and nothing else may appear.
      expect(result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning: '))).toEqual([]);
      expect(result.code).toBe(0);
      const json = await readMixtureJson(out, 2, example.problem?.parameters.length ?? 2);
      expect(json.problem.settings.iterations).toBe(2);
      const csv = await readCsv(out);
      expect(csv[0]).toBe([...json.parameterNames, 'component'].join(','));
      expect(csv).toHaveLength(26);
      const K = json.final.weights.length;
      for (const line of csv.slice(1)) {
        const fields = line.split(',').map(Number);
        expect(fields).toHaveLength(json.parameterNames.length + 1);
        expect(fields.every(Number.isFinite)).toBe(true);
        expect(fields.at(-1)).toBeGreaterThanOrEqual(0);
        expect(fields.at(-1)).toBeLessThan(K);
      }
      expect(result.stdout).toContain('mixture.json');
    });
  }
});

describe('gmki run', () => {
  it.concurrent('prints one line per iteration when stdout is not a terminal', async () => {
    const work = await subdir('progress');
    const file = await writeProblem(work, TWO_MODAL_MODEL, tinyProblem({ iterations: 3 }));
    const result = await runGmki(['run', file]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('iteration '));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^iteration 3\/3 {2}evaluations 30\/30 {2}elapsed .* weights \S+ \S+ {2}best misfit \S+$/);
    expect(result.stdout).toMatch(/component 0 {2}weight/);
  });

  it.concurrent('with --json prints exactly one JSON object on stdout and the progress on stderr', async () => {
    const work = await subdir('json');
    const file = await writeProblem(work, TWO_MODAL_MODEL);
    const out = join(work, 'out');
    const result = await runGmki(['run', file, '--json', '--out', out]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(Object.keys(summary)).toEqual([
      'id',
      'status',
      'name',
      'iterations',
      'forwardEvaluations',
      'failedEvaluations',
      'elapsedSeconds',
      'final',
      'out',
      'diagnostics',
    ]);
    expect(typeof summary.diagnostics.mayMissMass).toBe('boolean');
    expect(summary).toMatchObject({ status: 'completed', name: 'Tiny', iterations: 2, forwardEvaluations: 20, out });
    expect(summary.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(summary.final.weights).toHaveLength(2);
    expect(summary.final.means).toHaveLength(2);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('iteration '))).toHaveLength(2);
  });

  it.concurrent('records the command line overrides in the settings of mixture.json', async () => {
    const work = await subdir('overrides');
    const file = await writeProblem(work, TWO_MODAL_MODEL);
    const out = join(work, 'out');
    const result = await runGmki([
      'run',
      file,
      '--out',
      out,
      '--components',
      '3',
      '--dt',
      '0.25',
      '--iterations',
      '3',
      '--seed',
      '42',
      '--posterior-samples',
      '7',
      '--concurrency',
      '2',
    ]);
    expect(result.code).toBe(0);
    const json = await readMixtureJson(out, 3, 2);
    expect(json.problem.settings).toMatchObject({ components: 3, dt: 0.25, iterations: 3, seed: 42, posteriorSamples: 7, concurrency: 2 });
    expect(json.final.weights).toHaveLength(3);
    expect(await readCsv(out)).toHaveLength(8);
  });

  it.concurrent('calls forwardBatch once per iteration and worker when the model exports it', async () => {
    const work = await subdir('batch');
    const source = `import { appendFileSync } from 'node:fs';
const log = new URL('./calls.log', import.meta.url);
export function forward([a, b]) { appendFileSync(log, 'forward\\n'); return [(b - a) ** 2]; }
export async function forwardBatch(thetas) {
  appendFileSync(log, 'batch ' + thetas.length + '\\n');
  return thetas.map(([a, b]) => [(b - a) ** 2]);
}
`;
    // One worker: the whole batch of K(2d+1) = 10 points in one call; two: the batch split in two.
    const file = await writeProblem(work, source, tinyProblem({ iterations: 3, concurrency: 1 }));
    const single = await runGmki(['run', file]);
    expect(single.code, single.stderr).toBe(0);
    expect(await readFile(join(work, 'calls.log'), 'utf8')).toBe('batch 10\n'.repeat(3));
    const split = await runGmki(['run', file, '--concurrency', '2']);
    expect(split.code, split.stderr).toBe(0);
    expect(await readFile(join(work, 'calls.log'), 'utf8')).toBe('batch 10\n'.repeat(3) + 'batch 5\n'.repeat(6));
  });

  it.concurrent('gives identical results with concurrency 1 and 3', async () => {
    // Each evaluation waits a θ-dependent time, so with 3 in flight they finish out of order.
    const source = `export async function forward([a, b]) {
  await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.abs(Math.sin(a * 1e3 + b)) * 8)));
  return [(b - a) ** 2];
}
`;
    const finals = [];
    for (const concurrency of ['1', '3']) {
      const work = await subdir(`concurrency-${concurrency}`);
      const file = await writeProblem(work, source);
      const out = join(work, 'out');
      const result = await runGmki(['run', file, '--concurrency', concurrency, '--out', out]);
      expect(result.code).toBe(0);
      const json = await readMixtureJson(out, 2, 2);
      finals.push({ final: json.final, samples: await readCsv(out) });
    }
    expect(finals[1]).toEqual(finals[0]);
  });

  it.concurrent('refuses to overwrite result files without --force, and overwrites with it', async () => {
    const work = await subdir('force');
    const file = await writeProblem(work, TWO_MODAL_MODEL);
    const out = join(work, 'out');
    await mkdir(out);
    await writeFile(join(out, 'samples.csv'), 'precious\n');
    const refused = await runGmki(['run', file, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${join(out, 'samples.csv')} exists; use --force`);
    expect(await readFile(join(out, 'samples.csv'), 'utf8')).toBe('precious\n');
    const forced = await runGmki(['run', file, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect((await readCsv(out))[0]).toBe('a,b,component');
  });

  it.concurrent('gives bounded parameters to the model and to samples.csv in physical units', async () => {
    const work = await subdir('bounded');
    const problem = {
      ...tinyProblem({ posteriorSamples: 200 }),
      parameters: [
        { name: 'rate', prior: { mean: 2, std: 1, lower: 0 } },
        { name: 'fraction', prior: { mean: 0.3, std: 0.1, lower: 0, upper: 1 } },
      ],
    };
    const source = `export function forward([rate, fraction]) {
  if (!(rate > 0 && fraction > 0 && fraction < 1)) throw new Error('out of bounds: ' + rate + ', ' + fraction);
  return [rate * fraction];
}
`;
    const file = await writeProblem(work, source, problem);
    const out = join(work, 'out');
    const result = await runGmki(['run', file, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/rate +\S+ {2}\(95 %: \S+ to \S+\)/);
    const rows = (await readCsv(out)).slice(1).map((line) => line.split(',').map(Number));
    expect(rows).toHaveLength(200);
    for (const [rate, fraction] of rows) {
      expect(rate).toBeGreaterThan(0);
      expect(fraction).toBeGreaterThan(0);
      expect(fraction).toBeLessThan(1);
    }
  });

  it.concurrent('ends when done even if the model leaves a timer running', async () => {
    const work = await subdir('open-handle');
    const file = await writeProblem(work, `setInterval(() => {}, 1000);\n${TWO_MODAL_MODEL}`);
    const result = await runGmki(['run', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Completed "Tiny"');
  });
});
