/**
 * The model's log is capped per run (issue 11, item 4): a `command` model that writes 100 MB to
 * stderr grew the database by 251 MB. Now the run keeps the beginning and the latest lines of
 * the model's output with a marker saying how much was dropped, and the database stays small.
 * Real `gmki run`, a real Node model writing 100 MB through a pipe, a real SQLite file.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunStore } from '../../electron/services/store/index';
import { makeTempDir, removeDir, runGmki, tinyProblem } from './helpers';

const LINES = 1_000_000;
/** Every line is 100 bytes with its newline: 10⁶ lines are 100 MB. */
const LOUD_MODEL = `import { createInterface } from 'node:readline';
import { writeSync } from 'node:fs';
let first = true;
for await (const line of createInterface({ input: process.stdin })) {
  const { id, theta } = JSON.parse(line);
  if (first) {
    first = false;
    for (let block = 0; block < ${LINES} / 10000; block++) {
      let text = '';
      for (let i = block * 10000; i < (block + 1) * 10000; i++) text += ('model line ' + i + ' ').padEnd(99, '.') + '\\n';
      writeSync(2, text);
    }
    writeSync(2, 'the very last words\\n');
  }
  process.stdout.write(JSON.stringify({ id, output: [(theta[1] - theta[0]) ** 2] }) + '\\n');
}
`;

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeDir(dir));

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

describe('a model that writes 100 MB to stderr', () => {
  it('leaves a small database holding the first lines, a marker of what was dropped, and the last lines', async () => {
    await writeFile(join(dir, 'model.mjs'), LOUD_MODEL);
    const problem = tinyProblem({ components: 1, iterations: 1, concurrency: 1 }, { type: 'command', command: [process.execPath, 'model.mjs'] });
    await writeFile(join(dir, 'problem.gmki.json'), JSON.stringify(problem));
    const db = join(dir, 'runs.sqlite');

    const started = performance.now();
    const result = await runGmki(['run', join(dir, 'problem.gmki.json'), '--db', db, '--json']);
    const seconds = (performance.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(0);
    const bytes = sizeOf(db) + sizeOf(`${db}-wal`);
    console.log(`gmki run with 100 MB of model stderr: ${seconds.toFixed(1)} s, database ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    expect(bytes).toBeLessThan(16 * 2 ** 20);

    const store = openRunStore(db, { readonly: true });
    try {
      const { id } = JSON.parse(result.stdout) as { id: string };
      const log = store.getLogs(id, { limit: 1_000_000 });
      const stderr = log.filter((entry) => entry.stream === 'stderr').map((entry) => entry.text);
      expect(stderr[0]).toMatch(/^model line 0 \.+$/);
      expect(stderr[stderr.length - 1]).toBe('the very last words');
      expect(stderr[stderr.length - 2]).toMatch(/^model line 999999 \.+$/);
      const markers = log.filter((entry) => /lines \/ \d+ bytes of model output dropped/.test(entry.text));
      expect(markers).toHaveLength(1);
      const [, lines, dropped] = /… (\d+) lines \/ (\d+) bytes of model output dropped/.exec(markers[0]!.text)!;
      // Every line is either kept or counted as dropped.
      expect(Number(lines) + stderr.length).toBe(LINES + 1);
      expect(Number(dropped) + stderr.reduce((sum, text) => sum + Buffer.byteLength(text) + 1, 0)).toBe(LINES * 100 + 20);
    } finally {
      store.close();
    }
  });
});
