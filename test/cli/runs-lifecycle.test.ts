/**
 * Runs that survive (issue 3): `gmki run` stores every iteration as it completes, so a run killed
 * with SIGKILL, or cancelled, continues with `gmki runs resume` to exactly the result of a run
 * that was never stopped; `runs extend` adds iterations the same way. Real child processes, a
 * real SQLite file, a real slow JavaScript model in worker threads.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, removeDir, runGmki, tinyProblem, writeProblem } from './helpers';

/**
 * Slow only where a test needs time to act (MODEL_DELAY_MS), and held where a test must act
 * before the run goes on (MODEL_GATE: a folder; evaluation n — numbered across the run's worker
 * threads by creating tickets/n exclusively — waits until n ≤ the number in its file 'allowed').
 * The outputs never depend on either.
 */
const SLOW_MODEL = `import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function ticket(gate) {
  for (let n = 1; ; n++) {
    try {
      writeFileSync(join(gate, 'tickets', String(n)), '', { flag: 'wx' });
      return n;
    } catch {}
  }
}
export async function forward([a, b]) {
  const gate = process.env.MODEL_GATE;
  if (gate) {
    const n = ticket(gate);
    while (n > Number(readFileSync(join(gate, 'allowed'), 'utf8'))) await sleep(20);
  }
  await sleep(Number(process.env.MODEL_DELAY_MS ?? 0));
  return [(b - a) ** 2];
}
`;
const SLOW = { MODEL_DELAY_MS: '150' };
/** K·(2d+1) sigma points of the tiny problem: evaluations per iteration. */
const PER_ITERATION = 2 * 5;

let dir: string;
let problemFile: string;
const db = () => join(dir, 'runs.sqlite');

beforeAll(async () => {
  dir = await makeTempDir();
  problemFile = await writeProblem(dir, SLOW_MODEL, tinyProblem({ iterations: 12, concurrency: 2, posteriorSamples: 50 }));
});
afterAll(() => removeDir(dir));

/** mixture.json without its wall-clock fields (the only part that depends on when it ran). */
async function mixtureWithoutTimes(folder: string): Promise<string> {
  const json = JSON.parse(await readFile(join(folder, 'mixture.json'), 'utf8'));
  delete json.elapsedSeconds;
  for (const entry of json.history) delete entry.elapsedSeconds;
  return JSON.stringify(json);
}

async function listRuns(): Promise<{ id: string; status: string; iterationsDone: number; forwardEvaluations: number }[]> {
  const result = await runGmki(['runs', 'list', '--db', db(), '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

/**
 * Starts `gmki run` with its model held after `iteration` iterations and resolves once its
 * progress shows them committed; `release()` lets the model go on.
 */
function startRunHeldAfter(iteration: number) {
  const gate = mkdtempSync(join(dir, 'gate-'));
  mkdirSync(join(gate, 'tickets'));
  writeFileSync(join(gate, 'allowed'), String(iteration * PER_ITERATION));
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'gmki.mjs'), 'run', problemFile, '--db', db()], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...SLOW, MODEL_GATE: gate },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const reached = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (new RegExp(`iteration\\s+${iteration}/`).test(stdout)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`gmki exited (${code}) before iteration ${iteration}:\n${stdout}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const release = () => writeFileSync(join(gate, 'allowed'), String(Number.MAX_SAFE_INTEGER));
  return { child, reached, exited, release, output: () => stdout };
}

describe('gmki run with the run store', () => {
  let reference: string;

  beforeAll(async () => {
    const out = join(dir, 'uninterrupted');
    const result = await runGmki(['run', problemFile, '--db', db(), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Stored as run [0-9a-f-]{36} in /);
    reference = await mixtureWithoutTimes(out);
  });

  it('resumes a run killed with SIGKILL to exactly the uninterrupted result, losing no committed iteration', async () => {
    const run = startRunHeldAfter(4);
    await run.reached;
    run.child.kill('SIGKILL');
    await run.exited;
    const killed = (await listRuns())[0]!;
    expect(killed.status).toBe('interrupted');
    expect(killed.iterationsDone).toBe(4);
    expect(killed.forwardEvaluations).toBe(4 * PER_ITERATION);

    const out = join(dir, 'resumed-after-kill');
    const resumed = await runGmki(['runs', 'resume', killed.id.slice(0, 8), '--db', db(), '--out', out]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await mixtureWithoutTimes(out)).toBe(reference);
    expect((await listRuns())[0]).toMatchObject({ id: killed.id, status: 'completed', iterationsDone: 12, forwardEvaluations: 120 });
  });

  it('cancels a running run from another process, then resumes it to the same result', async () => {
    // Held after 3 iterations: the run cannot end before the cancel is in the database.
    const run = startRunHeldAfter(3);
    await run.reached;
    const running = (await listRuns())[0]!;
    expect(running.status).toBe('running');
    const cancel = await runGmki(['runs', 'cancel', running.id, '--db', db()]);
    expect(cancel.code, cancel.stderr).toBe(0);
    run.release();
    expect(await run.exited).toBe(1);
    const cancelled = (await listRuns())[0]!;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.iterationsDone).toBe(3);

    const out = join(dir, 'resumed-after-cancel');
    const resumed = await runGmki(['runs', 'resume', running.id, '--db', db(), '--out', out, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ id: running.id, status: 'completed', iterations: 12 });
    expect(await mixtureWithoutTimes(out)).toBe(reference);
  });

  it('extends a completed run to exactly what a longer run gives', async () => {
    const short = await runGmki(['run', problemFile, '--db', db(), '--iterations', '5', '--json']);
    expect(short.code, short.stderr).toBe(0);
    const { id } = JSON.parse(short.stdout);
    const tooMany = await runGmki(['runs', 'extend', id, '--iterations', '9996', '--db', db()]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain(
      `gmki: run ${id} cannot be extended: iterations: expected at most 9995 more (a run has at most 10000 iterations and this one has 5), got 9996`,
    );
    const out = join(dir, 'extended');
    const extended = await runGmki(['runs', 'extend', id, '--iterations', '7', '--db', db(), '--out', out]);
    expect(extended.code, extended.stderr).toBe(0);
    const json = JSON.parse(await readFile(join(out, 'mixture.json'), 'utf8'));
    expect(json.history).toHaveLength(13);
    expect(await mixtureWithoutTimes(out)).toBe(reference);
  });

  it('refuses to resume a completed run and to extend an interrupted one, saying what to do instead', async () => {
    const [latest] = await listRuns();
    const resume = await runGmki(['runs', 'resume', latest!.id, '--db', db()]);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toMatch(/cannot be resumed: it is completed \(add iterations with: gmki runs extend/);
    expect(resume.stderr).toContain(`--iterations N --db ${JSON.stringify(db())})`);
    const cancel = await runGmki(['runs', 'cancel', latest!.id.slice(0, 8), '--db', db()]);
    expect(cancel.code).toBe(2);
    expect(cancel.stderr).toBe(`gmki: run ${latest!.id} is completed: there is nothing to cancel\n`);
    const unknown = await runGmki(['runs', 'show', 'ffffffff', '--db', db()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/there is no run with id 'ffffffff'/);
  });
});
