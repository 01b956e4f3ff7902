/**
 * problem/read-file and problem/write-file with real files: round trip, pretty JSON, the refusals
 * (existing file without overwrite, missing folder, missing file, invalid JSON with line and
 * column, not an object, too large), and run/diagnostics on real runs.
 */
import { mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, ProblemFileContent, RunDiagnostics, RunRecord, WrittenFile } from '../../../../electron/contract';
import { diagnoseStoredRun } from '../../../../electron/cli/run-diagnostics';
import { MAX_PROBLEM_FILE_BYTES } from '../../../../electron/services/handlers/problem-files';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
beforeAll(() => {
  fixture = createHandlerFixture('gmki-problem-files-');
  writeFileSync(join(fixture.dir, 'model.mjs'), 'export function forward([a, b]) { return [(b - a) ** 2]; }\n');
  writeFileSync(join(fixture.dir, 'broken.mjs'), 'export function forward() { throw new Error("broken model"); }\n');
});
afterAll(() => fixture.close());

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await fixture.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function errorOf(channel: string, payload: unknown): Promise<AppError> {
  const result = await fixture.dispatch(channel, payload);
  if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('problem/write-file and problem/read-file', () => {
  it('writes pretty JSON with a trailing newline and reads it back with its folder', async () => {
    const path = join(fixture.dir, 'round.gmki.json');
    const content = smallProblem('model.mjs');
    const written = await call<WrittenFile>('problem/write-file', { path, content });
    const text = readFileSync(path, 'utf8');
    expect(written).toEqual({ file: path, bytes: Buffer.byteLength(text) });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toMatch(/^\{\n {2}"format": "gmki-problem\/1",\n/);
    expect(JSON.parse(text)).toEqual(content);

    const read = await call<ProblemFileContent>('problem/read-file', { path });
    expect(read).toEqual({ content, problemDir: fixture.dir, filePath: path });
  });

  it('refuses to replace an existing file without overwrite (CONFLICT naming it), replaces it with overwrite', async () => {
    const path = join(fixture.dir, 'exists.gmki.json');
    writeFileSync(path, '{"name": "old"}\n');
    const refused = await errorOf('problem/write-file', { path, content: { name: 'new' } });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain(path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ name: 'old' });

    await call<WrittenFile>('problem/write-file', { path, content: { name: 'new' }, overwrite: true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ name: 'new' });
  });

  it('saves a draft as it is (no validation) and leaves no temporary file behind', async () => {
    const folder = join(fixture.dir, 'drafts');
    mkdirSync(folder);
    await call<WrittenFile>('problem/write-file', { path: join(folder, 'draft.gmki.json'), content: { parameters: [] } });
    const read = await call<ProblemFileContent>('problem/read-file', { path: join(folder, 'draft.gmki.json') });
    expect(read.content).toEqual({ parameters: [] });
    expect(readdirSync(folder)).toEqual(['draft.gmki.json']);
  });

  it('refuses a folder that does not exist (IO naming it) instead of creating it', async () => {
    const path = join(fixture.dir, 'no-such-folder', 'p.gmki.json');
    const error = await errorOf('problem/write-file', { path, content: {} });
    expect(error.code).toBe('IO');
    expect(error.message).toContain(join(fixture.dir, 'no-such-folder'));
  });

  it('answers NOT_FOUND naming a missing file, IO for a folder', async () => {
    const missing = join(fixture.dir, 'missing.gmki.json');
    const error = await errorOf('problem/read-file', { path: missing });
    expect(error).toEqual({ code: 'NOT_FOUND', message: `There is no file ${missing}.` });
    const folder = await errorOf('problem/read-file', { path: fixture.dir });
    expect(folder.code).toBe('IO');
    expect(folder.message).toContain('is a folder');
  });

  it('reports invalid JSON as INVALID_PROBLEM with the file, line and column', async () => {
    const path = join(fixture.dir, 'broken.gmki.json');
    writeFileSync(path, '{\n  "name": "x",\n  "parameters": [1, 2,]\n}\n');
    const error = await errorOf('problem/read-file', { path });
    expect(error.code).toBe('INVALID_PROBLEM');
    expect(error.message).toBe(`${path}: invalid JSON at line 3, column 23: expected a value, found ']' (JSON allows no comma before ])`);
    expect(error.issues).toEqual([{ path: '(root)', message: error.message }]);
  });

  it('refuses JSON that is not an object, and a file over the size limit', async () => {
    const array = join(fixture.dir, 'array.gmki.json');
    writeFileSync(array, '[1, 2]\n');
    const notObject = await errorOf('problem/read-file', { path: array });
    expect(notObject.code).toBe('INVALID_PROBLEM');
    expect(notObject.message).toContain('expected a JSON object (a gmki-problem/1 file), found an array');

    const huge = join(fixture.dir, 'huge.gmki.json');
    writeFileSync(huge, '{}');
    truncateSync(huge, MAX_PROBLEM_FILE_BYTES + 1); // a sparse file: no 16 MiB write needed
    const tooLarge = await errorOf('problem/read-file', { path: huge });
    expect(tooLarge.code).toBe('INVALID_PROBLEM');
    expect(tooLarge.message).toBe(`${huge}: the file is 16 MiB; a problem file may be at most 16 MiB`);
  });
});

describe('run/diagnostics', () => {
  it('answers null before two iterations and the CLI’s diagnostics of a finished run after', async () => {
    // A model that always fails: the run stops before its first iteration completes.
    const short = await call<RunRecord>('run/start', { problem: smallProblem('broken.mjs', 3), problemDir: fixture.dir });
    expect((await fixture.deps.manager.whenSettled(short.id)).status).toBe('failed');
    expect(fixture.deps.store.getIterations(short.id).length).toBeLessThan(2);
    expect(await call<RunDiagnostics | null>('run/diagnostics', { runId: short.id })).toBeNull();

    const run = await call<RunRecord>('run/start', { problem: smallProblem('model.mjs', 4), problemDir: fixture.dir });
    expect((await fixture.deps.manager.whenSettled(run.id)).status).toBe('completed');
    const diagnostics = await call<RunDiagnostics | null>('run/diagnostics', { runId: run.id });
    expect(diagnostics).not.toBeNull();
    expect(diagnostics!.conditionNumbers).toHaveLength(2);
    expect(diagnostics!.messages).toHaveLength(diagnostics!.findings.length);
    expect(typeof diagnostics!.mayMissMass).toBe('boolean');
    const history = fixture.deps.store.getIterations(run.id);
    expect(diagnostics).toEqual(diagnoseStoredRun(history, run.problem.settings.minWeight));
  });

  it('answers NOT_FOUND for an unknown run', async () => {
    expect((await errorOf('run/diagnostics', { runId: 'no-such-run' })).code).toBe('NOT_FOUND');
  });
});
