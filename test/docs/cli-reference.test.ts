/**
 * docs/cli.md cannot drift from the command: it repeats every help text of electron/cli/usage.ts
 * exactly, and each of its `--json` tables (and docs/results.md's table of mixture.json) lists
 * the fields the real command prints or writes (run in a child process on a built-in example): no
 * field undocumented, no documented field missing unless the table marks it optional (`name?`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SETTING_FLAGS } from '../../electron/cli/args';
import { COMMAND_NAMES, COMMAND_USAGE, GENERAL_USAGE } from '../../electron/cli/usage';
import { REPO_ROOT, runGmki } from '../cli/helpers';

const page = readFileSync(join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
const resultsPage = readFileSync(join(REPO_ROOT, 'docs', 'results.md'), 'utf8');

/** The text block right after `<!-- usage:NAME -->`. */
function usageBlock(name: string): string | undefined {
  return new RegExp(`<!-- usage:${name} -->\\n\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(page)?.[1];
}

/** The field names of the table after `<!-- json:NAME -->` (several per row allowed), optional ones marked. */
function documentedFields(name: string, text: string): { all: Set<string>; required: Set<string> } {
  const table = new RegExp(`<!-- json:${name} -->\\n((?:\\|.*\\n)+)`).exec(text)?.[1];
  if (!table) throw new Error(`no table after <!-- json:${name} -->`);
  const all = new Set<string>();
  const required = new Set<string>();
  for (const row of table.trim().split('\n').slice(2)) {
    const firstCell = row.split('|')[1] ?? '';
    for (const [, field, optional] of firstCell.matchAll(/`(\w+)(\?)?`/g)) {
      all.add(field!);
      if (!optional) required.add(field!);
    }
  }
  return { all, required };
}

function expectDocumented(name: string, printed: Record<string, unknown>, text = page): void {
  const { all, required } = documentedFields(name, text);
  const keys = Object.keys(printed);
  expect(
    keys.filter((key) => !all.has(key)),
    `fields ${name} prints that docs/cli.md does not list`,
  ).toEqual([]);
  expect(
    [...required].filter((key) => !keys.includes(key)),
    `fields docs/cli.md lists for ${name} that it does not print`,
  ).toEqual([]);
}

describe('docs/cli.md', () => {
  it('repeats every help text of the command exactly', () => {
    expect(usageBlock('general')).toBe(GENERAL_USAGE);
    for (const command of COMMAND_NAMES) expect(usageBlock(command), `gmki ${command}`).toBe(COMMAND_USAGE[command]);
  });

  it('names every setting flag of gmki run in its help', () => {
    for (const flag of Object.keys(SETTING_FLAGS)) expect(COMMAND_USAGE.run).toContain(`--${flag} `);
  });

  describe('--json shapes, checked against the real command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gmki-cli-doc-'));
    const db = join(dir, 'runs.sqlite');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('run, runs list, runs show and mixture.json', async () => {
      expect((await runGmki(['examples', '--out', dir])).code).toBe(0);
      const problem = join(dir, 'square-map-1d.gmki.json');
      const run = await runGmki(['run', problem, '--iterations', '2', '--db', db, '--out', join(dir, 'out'), '--json']);
      expect(run.code, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout) as Record<string, unknown>;
      expectDocumented('run', summary);
      expectDocumented('mixture', JSON.parse(readFileSync(join(dir, 'out', 'mixture.json'), 'utf8')) as Record<string, unknown>, resultsPage);

      const list = await runGmki(['runs', 'list', '--db', db, '--json']);
      const runs = JSON.parse(list.stdout) as Record<string, unknown>[];
      expect(runs).toHaveLength(1);
      expectDocumented('runs-list', runs[0]!);

      const show = await runGmki(['runs', 'show', summary.id as string, '--db', db, '--json']);
      const record = JSON.parse(show.stdout) as Record<string, unknown> & { final: { components: { mean: unknown }[]; covariance: unknown } };
      expectDocumented('runs-show', record);
      // Arrays as documented, not typed arrays written as {"0": …}.
      expect(record.final.components[0]!.mean).toEqual([expect.any(Number)]);
      expect(record.final.covariance).toEqual([[expect.any(Number)]]);
    });
  });
});
