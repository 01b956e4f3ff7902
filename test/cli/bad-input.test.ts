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
    expect(result.stderr).toBe(`${file}: invalid JSON at line 4, column 1: expected a property name in double quotes, found '}' (JSON allows no comma before })\n`);
  });

  it.concurrent('rejects an unknown option with exit 2 and a usage hint', async () => {
    const unknown = await runGmki(['run', 'x.gmki.json', '--iteratoins', '3']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("gmki: run: unknown option --iteratoins\nRun 'gmki help run' for usage.\n");
  });

  it.concurrent('refuses a --db file that is not a run database, naming it and leaving it untouched', async () => {
    const sub = join(dir, 'not-a-db');
    await mkdir(sub);
    const problem = await writeProblem(sub, TWO_MODAL_MODEL);
    const notes = join(sub, 'notes.txt');
    const text = 'my lab notes, not a database\n'.repeat(200);
    await writeFile(notes, text);
    const result = await runGmki(['run', problem, '--db', notes]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(notes);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(await readFile(notes, 'utf8')).toBe(text);
  });

  it.concurrent('checks command line settings like settings in the file, naming the flag', async () => {
    const sub = join(dir, 'flags');
    await mkdir(sub);
    const file = await writeProblem(sub, TWO_MODAL_MODEL);
    const result = await runGmki(['run', file, '--dt', '1.5', '--components', '0', '--concurrency', '1000000', '--posterior-samples', '1e12']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: settings.dt: expected a number in (0, 1), got 1.5 (from --dt)`);
    expect(result.stderr).toContain(`${file}: settings.components: expected an integer from 1 to 100, got 0 (from --components)`);
    // Upper bounds too, before anything starts (1000000 used to start hundreds of processes).
    expect(result.stderr).toContain(`${file}: settings.concurrency: expected an integer from 1 to 256, got 1000000 (from --concurrency)`);
    expect(result.stderr).toContain(`${file}: settings.posteriorSamples: expected an integer from 0 to 1000000, got 1000000000000 (from --posterior-samples)`);
  });

  it.concurrent('names the program when a command model cannot be started (exit 2)', async () => {
    const file = join(dir, 'command.gmki.json');
    await writeFile(file, JSON.stringify(tinyProblem({}, { type: 'command', command: ['no-such-simulator-xyz', 'model.py'] })));
    const result = await runGmki(['run', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the model could not be started: could not start the model command no-such-simulator-xyz model\.py/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});
