/**
 * Issue 5's honesty: `gmki run` warns, in plain words and with what helps, when the result may be
 * missing posterior mass (the paper's documented circle failure), says nothing when it has no
 * reason to (the two-modal example with the default method), and `runs show` lists the findings.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, removeDir, runGmki } from './helpers';

let dir: string;
const db = () => join(dir, 'runs.sqlite');
beforeAll(async () => {
  dir = await makeTempDir();
  expect((await runGmki(['examples', '--out', dir])).code).toBe(0);
});
afterAll(() => removeDir(dir));

it('warns that the circle run may be missing mass and suggests what helps; --json carries it too', async () => {
  const result = await runGmki(['run', join(dir, 'circle-2d.gmki.json'), '--db', db(), '--iterations', '15', '--json']);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toMatch(/^warning: .*may be missing the mass of a mode.*Try more components \(settings\.components\)/m);
  const summary = JSON.parse(result.stdout);
  expect(summary.diagnostics.mayMissMass).toBe(true);
  expect(summary.diagnostics.warnings.length).toBeGreaterThan(0);
  const shown = await runGmki(['runs', 'show', summary.id, '--db', db()]);
  expect(shown.stdout).toMatch(/diagnostics:\n {2}warning: /);
});

it('prints no warning for the two-modal example run with the default method', async () => {
  const example = join(REPO_ROOT, 'resources', 'examples', 'two-modal', 'two-modal.gmki.json');
  const result = await runGmki(['run', example, '--db', db(), '--json']);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).not.toMatch(/^warning:/m);
  expect(JSON.parse(result.stdout).diagnostics.mayMissMass).toBe(false);
});
