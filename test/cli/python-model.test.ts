/**
 * A Python forward model through the shipped helper (resources/python/gmki_model.py), run by
 * `gmki run` as persistent JSON Lines processes, gives exactly what the same model in JavaScript
 * gives: results depend on the model's numbers, never on the language or the host.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, removeDir, runGmki } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeDir(dir));

async function finalMixture(example: string, out: string) {
  const result = await runGmki([
    'run',
    join(REPO_ROOT, 'resources', 'examples', example),
    '--db',
    join(dir, 'runs.sqlite'),
    '--iterations',
    '4',
    '--concurrency',
    '2',
    '--out',
    join(dir, out),
  ]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(await readFile(join(dir, out, 'mixture.json'), 'utf8')).final;
}

it('runs the Python example and matches the JavaScript example bit for bit', async () => {
  const python = await finalMixture(join('python-two-modal', 'python-two-modal.gmki.json'), 'python');
  const javascript = await finalMixture(join('two-modal', 'two-modal.gmki.json'), 'javascript');
  expect(python.weights).toHaveLength(3);
  expect(python).toEqual(javascript);
});
