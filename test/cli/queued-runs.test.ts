/**
 * Runs that never got going (issue 11, item 2): `kill -9` of `gmki run` while it starts leaves a
 * run `queued` with nobody to run it. The next gmki must see that the process that queued it is
 * gone and make it `interrupted` (resumable), as it does for runs left `running`; and cancelling
 * it must say what it is instead of exiting 0 and changing nothing. Real gmki processes, SIGKILL,
 * a real SQLite file watched from this process.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, removeDir, runGmki, tinyProblem, writeProblem } from './helpers';

const MODEL = 'export function forward([a, b]) { return [(b - a) ** 2]; }\n';

let dir: string;
let problemFile: string;
const db = () => join(dir, 'runs.sqlite');
beforeAll(async () => {
  dir = await makeTempDir();
  problemFile = await writeProblem(dir, MODEL, tinyProblem({ iterations: 3 }));
});
afterAll(() => removeDir(dir));

/**
 * Starts `gmki run` and kills it with SIGKILL the moment its run is stored as `queued` — before
 * its worker has claimed it. Returns the run's id, or null when the run was claimed first.
 */
async function killWhileQueued(): Promise<string | null> {
  const reader = new Database(db(), { readonly: true });
  const latest = reader.prepare<[], { id: string; status: string }>('SELECT id, status FROM runs ORDER BY created_at DESC, rowid DESC LIMIT 1');
  const before = latest.get()?.id;
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'gmki.mjs'), 'run', problemFile, '--db', db()], { cwd: REPO_ROOT, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let seen: { id: string; status: string } | undefined;
  try {
    for (;;) {
      seen = latest.get();
      if (seen && seen.id !== before) break;
      if (child.exitCode !== null) return null;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.kill('SIGKILL');
    await exited;
    return latest.get()?.status === 'queued' ? seen.id : null;
  } finally {
    child.kill('SIGKILL');
    reader.close();
  }
}

describe('a run whose gmki was killed while it was queued', () => {
  it('is interrupted at the next gmki, cannot be "cancelled" as if it ran, and resumes to completion', async () => {
    expect((await runGmki(['runs', 'list', '--db', db()])).code).toBe(0); // the file exists before it is watched
    let id: string | null = null;
    for (let attempt = 1; attempt <= 5 && id === null; attempt++) id = await killWhileQueued();
    expect(id, 'gmki was never caught with its run queued in 5 attempts').not.toBeNull();

    const cancel = await runGmki(['runs', 'cancel', id!, '--db', db()]);
    expect(cancel.code).toBe(2);
    expect(cancel.stderr).toContain(`run ${id} is interrupted: there is nothing to cancel`);

    const show = await runGmki(['runs', 'show', id!, '--db', db(), '--json']);
    const run = JSON.parse(show.stdout) as { status: string; error: string };
    expect(run.status).toBe('interrupted');
    expect(run.error).toMatch(/^The process that queued this run \(pid \d+ on .+\) stopped before the run started; resume it to start it\.$/);

    const resumed = await runGmki(['runs', 'resume', id!, '--db', db(), '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ id, status: 'completed' });
  });
});
