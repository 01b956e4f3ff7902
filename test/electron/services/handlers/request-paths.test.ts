/**
 * Issue 11 item 9: every path a request names must be absolute for this machine. On Linux and
 * macOS a Windows path like `C:\x.json` was taken as relative and written into the server's
 * working folder; now each channel refuses it, naming the field and what was expected. Relative
 * model paths inside a problem keep resolving against its folder (problem-format.md).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, RunRecord } from '../../../../electron/contract';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
let runId: string;

beforeAll(async () => {
  fixture = createHandlerFixture('gmki-request-paths-');
  writeFileSync(join(fixture.dir, 'model.mjs'), 'export function forward([a, b]) { return [(b - a) ** 2]; }\n');
  const run = await fixture.dispatch('run/start', { problem: smallProblem('model.mjs', 1), problemDir: fixture.dir });
  if (!run.ok) throw new Error(run.error.message);
  runId = (run.value as RunRecord).id;
});
afterAll(() => fixture.close());

// Where the old handlers put such a "relative" path: the working folder of the test process
// (`c:/…` even made a folder `c:` there).
const strays = new Set<string>();
afterEach(() => {
  for (const name of strays) rmSync(resolve(name.split('/')[0]!), { recursive: true, force: true });
  strays.clear();
});

const WINDOWS_PATHS = ['C:\\gmki-item9\\x.gmki.json', 'c:/gmki-item9/x.gmki.json', '\\\\server\\share\\gmki-item9.gmki.json'];

async function refusal(channel: string, payload: unknown): Promise<AppError> {
  const result = await fixture.dispatch(channel, payload);
  if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

function expectPathRefusal(error: AppError, field: string, given: string): void {
  expect(error.code).toBe('INVALID_REQUEST');
  expect(error.message).toContain(`${field}: expected an absolute path on this computer, starting with /, got ${JSON.stringify(given)} (this is a Windows path)`);
  expect(error.issues?.[0]?.path).toBe(field);
}

describe.skipIf(process.platform === 'win32')('Windows paths on POSIX', () => {
  it.each(WINDOWS_PATHS)('problem/write-file refuses %s and writes nothing', async (path) => {
    strays.add(path);
    expectPathRefusal(await refusal('problem/write-file', { path, content: { name: 'x' } }), 'path', path);
    expect(existsSync(resolve(path))).toBe(false);
  });

  it.each(WINDOWS_PATHS)('problem/read-file refuses %s, even when such a relative file exists', async (path) => {
    strays.add(path);
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(resolve(path), '{"name": "found by accident"}');
    expectPathRefusal(await refusal('problem/read-file', { path }), 'path', path);
  });

  it.each(WINDOWS_PATHS)('run/export refuses the target %s and writes nothing', async (path) => {
    strays.add(path);
    expectPathRefusal(await refusal('run/export', { runId, format: 'problem', path }), 'path', path);
    expect(existsSync(resolve(path))).toBe(false);
  });

  it('run/start and problem/test-evaluation refuse a Windows problemDir', async () => {
    const problem = smallProblem('model.mjs', 1);
    expectPathRefusal(await refusal('run/start', { problem, problemDir: 'C:\\models' }), 'problemDir', 'C:\\models');
    expectPathRefusal(await refusal('problem/test-evaluation', { problem, problemDir: 'D:/models' }), 'problemDir', 'D:/models');
  });

  it('problems/save refuses a Windows dir', async () => {
    expectPathRefusal(await refusal('problems/save', { name: 'saved', content: { name: 'saved' }, dir: 'C:\\models' }), 'dir', 'C:\\models');
  });
});

describe('absolute paths of this machine', () => {
  it('are taken as they are, normalised; relative model paths still resolve against problemDir', async () => {
    const path = join(fixture.dir, 'sub', '..', 'ok.gmki.json');
    const written = await fixture.dispatch('problem/write-file', { path, content: smallProblem('model.mjs') });
    expect(written).toEqual({ ok: true, value: { file: join(fixture.dir, 'ok.gmki.json'), bytes: expect.any(Number) } });
    const evaluation = await fixture.dispatch('problem/test-evaluation', { problem: smallProblem('model.mjs'), problemDir: fixture.dir, theta: [1, 3] });
    expect(evaluation).toMatchObject({ ok: true, value: { output: [4] } });
  });
});
