/**
 * `gmki run --out` and `runs extend --out` write their result files through the export service:
 * the same run exported by the app (run/export, the bytes of a browser download) and by
 * `gmki runs export` gives the same bytes. An extended run reads everywhere as the longer run.
 * Real `gmki` child processes on one SQLite file, the real handlers on the same file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat, ExportOutcome } from '../../electron/contract';
import { RUN_RESULT_FILES } from '../../electron/contract/exports';
import { createDispatch, createEventHub } from '../../electron/services/handlers';
import { createRunManager } from '../../electron/services/runs/run-manager';
import { openRunStore } from '../../electron/services/store';
import { makeTempDir, removeDir, runGmki, tinyProblem, TWO_MODAL_MODEL, writeProblem } from './helpers';

let dir: string;
let problemFile: string;
const db = () => join(dir, 'runs.sqlite');

beforeAll(async () => {
  dir = await makeTempDir();
  problemFile = await writeProblem(dir, TWO_MODAL_MODEL, tinyProblem({ iterations: 2, posteriorSamples: 40 }));
});
afterAll(() => removeDir(dir));

/** The app's export of a run: run/export without a path answers the download's bytes. */
async function appExport(runId: string, format: ExportFormat): Promise<Buffer> {
  const store = openRunStore(db());
  const manager = createRunManager({ store });
  try {
    const dispatch = createDispatch({ store, manager, events: createEventHub(), cpuCount: 1, defaultProblemDir: dir });
    const reply = await dispatch('run/export', { runId, format });
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    const outcome = reply.value as ExportOutcome;
    if (outcome.kind !== 'download') throw new Error(`expected a download, got ${outcome.kind}`);
    return Buffer.from(outcome.base64, 'base64');
  } finally {
    await manager.close();
    store.close();
  }
}

async function expectSameBytesEverywhere(runId: string, out: string): Promise<void> {
  for (const { format, name } of RUN_RESULT_FILES) {
    const written = await readFile(join(out, name));
    expect((await appExport(runId, format)).equals(written), `${name} = the app's ${format} export`).toBe(true);
    const exported = join(dir, `${runId}-${format}`);
    const cli = await runGmki(['runs', 'export', runId, '--format', format, '--out', exported, '--db', db()]);
    expect(cli.code, cli.stderr).toBe(0);
    expect((await readFile(exported)).equals(written), `${name} = gmki runs export --format ${format}`).toBe(true);
  }
}

describe('gmki run --out', () => {
  it("writes the bytes of the app's and of gmki runs export's exports of the same run", async () => {
    const out = join(dir, 'run-out');
    const run = await runGmki(['run', problemFile, '--db', db(), '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { id } = JSON.parse(run.stdout);
    await expectSameBytesEverywhere(id, out);
  });

  it('writes an extended run as the longer run, as every export of it does', async () => {
    const run = await runGmki(['run', problemFile, '--db', db(), '--json']);
    const { id } = JSON.parse(run.stdout);
    const out = join(dir, 'extend-out');
    const extended = await runGmki(['runs', 'extend', id, '--iterations', '1', '--db', db(), '--out', out]);
    expect(extended.code, extended.stderr).toBe(0);
    const json = JSON.parse(await readFile(join(out, 'mixture.json'), 'utf8'));
    expect(json.history).toHaveLength(4);
    expect(json.problem.settings.iterations).toBe(3);
    await expectSameBytesEverywhere(id, out);
    const problem = join(dir, 'extended.gmki.json');
    expect((await runGmki(['runs', 'export', id, '--format', 'problem', '--out', problem, '--db', db()])).code).toBe(0);
    expect(JSON.parse(await readFile(problem, 'utf8')).settings.iterations).toBe(3);
  });
});
