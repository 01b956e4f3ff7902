import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PROBLEMS } from '../../core/problem/examples';
import { makeTempDir, REPO_ROOT, removeDir, runGmki, STACK_FRAME, tinyProblem } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await removeDir(dir);
});

describe('gmki examples', () => {
  it('writes every example problem into gmki-examples, each of which validate accepts', async () => {
    const result = await runGmki(['examples'], { cwd: dir });
    expect(result.code).toBe(0);
    const files = (await readdir(join(dir, 'gmki-examples'))).sort();
    expect(files).toEqual(EXAMPLE_PROBLEMS.map((example) => `${example.id}.gmki.json`).sort());
    for (const file of files) expect(result.stdout).toContain(join('gmki-examples', file));

    const validations = await Promise.all(files.map((file) => runGmki(['validate', join(dir, 'gmki-examples', file)])));
    validations.forEach((validation, i) => {
      // The circle example is there to show a failure of GMKI, and validate says why (core/problem/warnings.ts).
      if (files[i] === 'circle-2d.gmki.json') expect(validation.stderr).toMatch(/^warning: observations: 1 observed value for 2 parameters and no prior/);
      else expect(validation.stderr).toBe('');
      expect(validation.code).toBe(0);
      expect(validation.stdout).toMatch(
        /^ok: .+ — \d+ parameters?, (\d+ observations?|a log density \(posterior\)), (method dfgmvi, )?K = \d+, \d+ iterations?, \d+ forward evaluations\n$/,
      );
    });
  });

  it('refuses to overwrite existing files unless --force, writing nothing', async () => {
    const out = join(dir, 'again');
    expect((await runGmki(['examples', '--out', out])).code).toBe(0);
    const target = join(out, EXAMPLE_PROBLEMS[1]!.fileName);
    await writeFile(target, 'mine');
    const refused = await runGmki(['examples', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists; use --force/);
    const forced = await runGmki(['examples', '--out', out, '--force']);
    expect(forced.code).toBe(0);
  });
});

describe('gmki validate', () => {
  it.concurrent('describes the quick start example in one line', async () => {
    const result = await runGmki(['validate', join(REPO_ROOT, 'resources/examples/two-modal/two-modal.gmki.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('ok: Two-modal 2D (JavaScript model) — 2 parameters, 1 observation, K = 3, 30 iterations, 450 forward evaluations\n');
  });

  it.concurrent('refuses a javascript model whose file is missing, naming model.path and where it looked (exit 2)', async () => {
    const file = join(dir, 'no-model.gmki.json');
    await writeFile(file, JSON.stringify(tinyProblem({}, { type: 'javascript', path: 'models/later.mjs' })));
    const result = await runGmki(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${file}: model.path: model file "models/later.mjs" not found (looked for ${join(dir, 'models', 'later.mjs')})\n`);
  });
});

describe('gmki help and version', () => {
  it.concurrent('prints the usage with --help and the version with --version', async () => {
    const [help, version, runHelp, helpRun] = await Promise.all([runGmki(['--help']), runGmki(['--version']), runGmki(['run', '--help']), runGmki(['help', 'run'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: gmki <command>/);
    expect(version.stdout).toMatch(/^gmki \d+\.\d+\.\d+\n$/);
    expect(runHelp.code).toBe(0);
    expect(runHelp.stdout).toContain('--posterior-samples N');
    expect(helpRun.stdout).toBe(runHelp.stdout);
  });

  it.concurrent('rejects an unknown command or option with exit 2, one line and a usage hint', async () => {
    const [command, option, bare] = await Promise.all([runGmki(['frobnicate']), runGmki(['validate', 'x.json', '--verbose']), runGmki([])]);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("gmki: unknown command 'frobnicate'\nRun 'gmki --help' for usage.\n");
    expect(option.code).toBe(2);
    expect(option.stderr).toBe("gmki: validate: unknown option --verbose\nRun 'gmki help validate' for usage.\n");
    expect(bare.code).toBe(2);
    for (const result of [command, option, bare]) expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});
