import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT, removeDir, runGmki, STACK_FRAME, tinyProblem, TWO_MODAL_MODEL, writeProblem } from './helpers';

const BAD = join(REPO_ROOT, 'test', 'fixtures', 'problems', 'bad');

interface Expected {
  readonly errors: readonly { readonly path: string; readonly message: string }[];
}

const expected = JSON.parse(await readFile(join(BAD, 'expected.json'), 'utf8')) as Record<string, Expected>;
const badFiles = (await readdir(BAD)).filter((name) => name.endsWith('.gmki.json')).sort();

describe('gmki validate on the malformed fixtures', () => {
  it('has an expectation for every malformed file', () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(expected).sort()).toEqual(badFiles);
  });

  for (const name of badFiles) {
    it.concurrent(`${name}: exit 2, one line per error as <file>: <path>: <message>, no stack trace`, async () => {
      const file = join('test', 'fixtures', 'problems', 'bad', name);
      const result = await runGmki(['validate', file]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      // The exact wording is the parser's business (test/core/problem); here: the file, every
      // path in order, and the start of each message, one error per line.
      const lines = result.stderr.trimEnd().split('\n');
      const errors = expected[name]!.errors;
      expect(lines).toHaveLength(errors.length);
      errors.forEach((error, i) => {
        const start = `${file}: ${error.path}: ${error.message.slice(0, 24)}`;
        expect(lines[i]!.slice(0, start.length)).toBe(start);
      });
      expect(result.stderr).not.toMatch(STACK_FRAME);
    });
  }
});

describe('gmki run on bad input', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it.concurrent('rejects the malformed fixtures before running anything', async () => {
    for (const name of ['unknown-model-type.gmki.json', 'non-spd-covariance.gmki.json', 'several-errors.gmki.json']) {
      const result = await runGmki(['run', join(BAD, name), '--json']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      for (const error of expected[name]!.errors) expect(result.stderr).toContain(`: ${error.path}: `);
    }
  });

  it.concurrent('names a problem file that does not exist (exit 2)', async () => {
    const result = await runGmki(['run', join(dir, 'nowhere.gmki.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`gmki: cannot read ${join(dir, 'nowhere.gmki.json')}: no such file\n`);
  });

  it.concurrent('gives the file, line and column of invalid JSON (exit 2)', async () => {
    const file = join(dir, 'broken.gmki.json');
    await writeFile(file, '{\n  "format": "gmki-problem/1",\n  "name": "x",\n}\n');
    const result = await runGmki(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${file}: invalid JSON at line 4, column 1: expected a property name in double quotes, found '}' (JSON allows no comma before })\n`,
    );
  });

  it.concurrent('rejects an unknown option, --db included, with exit 2 and a usage hint', async () => {
    const [unknown, db] = await Promise.all([
      runGmki(['run', 'x.gmki.json', '--iteratoins', '3']),
      runGmki(['run', 'x.gmki.json', '--db', 'runs.sqlite']),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("gmki: run: unknown option --iteratoins\nRun 'gmki help run' for usage.\n");
    expect(db.code).toBe(2);
    expect(db.stderr).toMatch(/^gmki: run: unknown option --db/);
  });

  it.concurrent('checks command line settings like settings in the file, naming the flag', async () => {
    const sub = join(dir, 'flags');
    await mkdir(sub);
    const file = await writeProblem(sub, TWO_MODAL_MODEL);
    const result = await runGmki(['run', file, '--dt', '1.5', '--components', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: settings.dt: expected a number in (0, 1), got 1.5 (from --dt)`);
    expect(result.stderr).toContain(`${file}: settings.components: expected an integer ≥ 1, got 0 (from --components)`);
  });

  it.concurrent('refuses command models in one sentence (exit 2)', async () => {
    const file = join(dir, 'command.gmki.json');
    await writeFile(file, JSON.stringify(tinyProblem({}, { type: 'command', command: ['python3', 'model.py'] })));
    const result = await runGmki(['run', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${file}: model.type: "command" models are not supported by this version of gmki run yet (use "javascript" or "builtin").\n`,
    );
  });
});
