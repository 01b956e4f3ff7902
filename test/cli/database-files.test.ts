/**
 * The database file under real trouble (issue 11, item 8): another program's SQLite file, a
 * device, a damaged page, a read-only file, a full disk, a full `--out` folder. Real `gmki`
 * processes, real SQLite files; the full disks are real tmpfs mounts (root only — skipped with
 * the reason printed otherwise), the read-only files are read by an unprivileged user when the
 * tests run as root (root may write any file).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../electron/services/store/helpers';
import { makeTempDir, removeDir, runGmki, STACK_FRAME, tinyProblem, writeProblem, type GmkiResult } from './helpers';

const MODEL = 'export function forward([a, b]) { return [(b - a) ** 2]; }\n';
const IS_ROOT = process.getuid?.() === 0;
/** The unprivileged user that reads read-only files when the tests run as root. */
const NOBODY = { uid: 65534, gid: 65534 };

let dir: string;
let problemFile: string;
beforeAll(async () => {
  dir = await makeTempDir();
  chmodSync(dir, 0o755); // readable by the unprivileged user
  problemFile = await writeProblem(dir, MODEL, tinyProblem({ iterations: 40, components: 3 }));
});
afterAll(() => removeDir(dir));

/** A database holding one completed run; returns its path and the run's id. */
async function databaseWithRun(name: string): Promise<{ db: string; id: string }> {
  const db = join(dir, name);
  const result = await runGmki(['run', problemFile, '--db', db, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return { db, id: (JSON.parse(result.stdout) as { id: string }).id };
}

function expectClearRefusal(result: GmkiResult, code: number, ...phrases: string[]): void {
  expect(result.code, result.stderr).toBe(code);
  for (const phrase of phrases) expect(result.stderr).toContain(phrase);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toContain('internal error');
}

describe('files that are not GMKI Studio databases', () => {
  it("leaves another program's SQLite file untouched and says it is not a GMKI Studio database", async () => {
    const foreign = join(dir, 'notes.sqlite');
    const other = new Database(foreign);
    other.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')`);
    other.close();
    const before = sha256(foreign);

    for (const args of [
      ['runs', 'list'],
      ['run', problemFile],
    ]) {
      const result = await runGmki([...args, '--db', foreign]);
      expectClearRefusal(result, 2, `${foreign} is an SQLite database of another program (tables notes), not a GMKI Studio database; nothing was changed.`);
    }
    expect(sha256(foreign)).toBe(before);
    expect(existsSync(`${foreign}-wal`)).toBe(false);
  });

  it.skipIf(process.platform !== 'linux')('refuses a device such as /dev/null without creating a journal beside it', async () => {
    const journal = '/dev/null-journal';
    const journalBefore = existsSync(journal);
    try {
      const result = await runGmki(['runs', 'list', '--db', '/dev/null']);
      expectClearRefusal(result, 2, '/dev/null is not a regular file');
      expect(existsSync(journal)).toBe(journalBefore);
    } finally {
      // A failing run of this test must not leave the file it proves is not made.
      if (!journalBefore && existsSync(journal) && statSync(journal).isFile()) execFileSync('rm', ['-f', journal]);
    }
  });
});

describe('a damaged database', () => {
  it('is refused before a run starts, naming the file and how to recover it, and left as it was', async () => {
    const { db } = await databaseWithRun('damaged.sqlite');
    // Overwrite the type byte of the iterations table's root page: a b-tree page SQLite cannot read.
    const reader = new Database(db, { readonly: true });
    const pageSize = reader.pragma('page_size', { simple: true }) as number;
    const root = reader.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'iterations'`).pluck().get() as number;
    reader.close();
    const bytes = readFileSync(db);
    bytes[(root - 1) * pageSize] = 0x00;
    writeFileSync(db, bytes);
    const before = sha256(db);

    const result = await runGmki(['run', problemFile, '--db', db]);
    expectClearRefusal(result, 2, `${db} is damaged (SQLite found:`, 'nothing was changed', '.recover');
    expect(result.stdout).not.toContain('iteration');
    expect(sha256(db)).toBe(before);
  });
});

describe('a read-only database', () => {
  /** gmki as a user who may read but not write the file (and, with `folderToo`, not its folder). */
  async function readOnlyCopy(name: string, folderToo: boolean): Promise<{ db: string; id: string; gmki: (args: string[]) => Promise<GmkiResult> }> {
    const folder = join(dir, name);
    mkdirSync(folder);
    const { db, id } = await databaseWithRun(join(name, 'runs.sqlite'));
    const out = join(dir, `${name}-exports`);
    mkdirSync(out, { mode: 0o777 });
    chmodSync(out, 0o777);
    if (IS_ROOT) {
      chmodSync(folder, folderToo ? 0o755 : 0o777);
    } else {
      chmodSync(db, 0o444);
      if (folderToo) chmodSync(folder, 0o555);
    }
    const user = IS_ROOT ? NOBODY : undefined;
    return { db, id, gmki: (args) => runGmki([...args.map((arg) => arg.replace('OUT', out))], { user }) };
  }

  it('lists, shows and exports its runs, saying it is read-only, and refuses writes with the reason', async () => {
    const { db, id, gmki } = await readOnlyCopy('readonly-file', false);
    const before = sha256(db);

    const list = await gmki(['runs', 'list', '--db', db]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(id.slice(0, 8));
    expect(list.stderr).toContain(`gmki: note: ${db} cannot be written, so it is opened read-only.`);
    const show = await gmki(['runs', 'show', id, '--db', db]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(id);
    const exported = await gmki(['runs', 'export', id, '--format', 'csv', '--out', 'OUT/samples.csv', '--db', db]);
    expect(exported.code, exported.stderr).toBe(0);

    for (const write of [
      ['runs', 'delete', id],
      ['runs', 'tag', id, 'paper'],
      ['run', problemFile],
    ]) {
      const refused = await gmki([...write, '--db', db]);
      expectClearRefusal(refused, 2, `${db} is read-only`, 'Reading it works: gmki runs list, runs show and runs export.');
    }
    expect(sha256(db)).toBe(before);
  });

  it('explains what to do when its folder is read-only too', async () => {
    const { db, gmki } = await readOnlyCopy('readonly-folder', true);
    const list = await gmki(['runs', 'list', '--db', db]);
    expectClearRefusal(list, 2, `${db} can only be read, and its folder`, 'Copy the database to a folder you can write');
  });
});

/** A tmpfs of `size` (e.g. '1m') mounted on a new folder, or why there can be none here. */
function tryMount(size: string): { path: string; resize(size: string): void; unmount(): void } | string {
  if (process.platform !== 'linux') return 'tmpfs mounts are a Linux feature';
  if (!IS_ROOT) return 'mounting a tmpfs needs root';
  const path = join(dir, `tmpfs-${size}-${readdirSync(dir).length}`);
  mkdirSync(path);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    rmdirSync(path);
    return `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
  return {
    path,
    resize: (bigger) => execFileSync('mount', ['-o', `remount,size=${bigger}`, path]),
    unmount: () => {
      execFileSync('umount', [path]);
      rmdirSync(path);
    },
  };
}

describe('a full disk', () => {
  it('stops a run resumable, names the cause, and the resumed run ends exactly as an uninterrupted one', async (context) => {
    const tmpfs = tryMount('1m');
    if (typeof tmpfs === 'string') {
      console.log(`skipped: ${tmpfs}`);
      context.skip();
      return;
    }
    try {
      mkdirSync(join(dir, 'long'));
      const long = await writeProblem(join(dir, 'long'), MODEL, tinyProblem({ iterations: 300, components: 4 }));
      const reference = join(dir, 'reference-out');
      const whole = await runGmki(['run', long, '--db', join(dir, 'reference.sqlite'), '--out', reference]);
      expect(whole.code, whole.stderr).toBe(0);

      const db = join(tmpfs.path, 'runs.sqlite');
      const full = await runGmki(['run', long, '--db', db]);
      expectClearRefusal(
        full,
        1,
        `the disk is full (${db}): the run stopped after iteration`,
        'which is stored; free some space, then resume it',
        'continue it with: gmki runs resume',
      );
      const [stopped] = JSON.parse((await runGmki(['runs', 'list', '--db', db, '--json'])).stdout) as { id: string; status: string; iterationsDone: number }[];
      expect(stopped!.status).toBe('interrupted');
      expect(stopped!.iterationsDone).toBeGreaterThan(0);
      expect(stopped!.iterationsDone).toBeLessThan(300);

      tmpfs.resize('64m');
      const out = join(dir, 'resumed-out');
      const resumed = await runGmki(['runs', 'resume', stopped!.id, '--db', db, '--out', out]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(await mixtureWithoutTimes(out)).toBe(await mixtureWithoutTimes(reference));
    } finally {
      tmpfs.unmount();
    }
  });

  it('fails gmki run --out on a full disk with the cause, keeps the run, and the files can be written again', async (context) => {
    const tmpfs = tryMount('8k');
    if (typeof tmpfs === 'string') {
      console.log(`skipped: ${tmpfs}`);
      context.skip();
      return;
    }
    try {
      const db = join(dir, 'out-full.sqlite');
      const out = join(tmpfs.path, 'result');
      // Both files larger than the disk: neither can be written.
      const result = await runGmki(['run', problemFile, '--db', db, '--out', out, '--posterior-samples', '2000', '--json']);
      expectClearRefusal(result, 1, 'the disk is full', 'The run is stored; write the files again with:');
      expect(result.stdout).not.toContain('"status":"completed"');
      const [run] = JSON.parse((await runGmki(['runs', 'list', '--db', db, '--json'])).stdout) as { id: string; status: string }[];
      expect(run!.status).toBe('completed');

      tmpfs.resize('16m');
      const commands = [...result.stderr.matchAll(/^ {2}gmki (runs export .*)$/gm)].map((match) => match[1]!);
      expect(commands).toHaveLength(2); // one per result file: none of them was written
      for (const command of commands) {
        const args = command.match(/"[^"]*"|\S+/g)!.map((arg) => arg.replace(/^"|"$/g, ''));
        const rewritten = await runGmki(args);
        expect(rewritten.code, rewritten.stderr).toBe(0);
      }
      expect(
        readdirSync(out)
          .filter((name) => !name.startsWith('.'))
          .sort(),
      ).toEqual(['mixture.json', 'samples.csv']);
    } finally {
      tmpfs.unmount();
    }
  });
});

/** mixture.json without its wall-clock fields. */
async function mixtureWithoutTimes(folder: string): Promise<string> {
  const json = JSON.parse(await readFile(join(folder, 'mixture.json'), 'utf8'));
  delete json.elapsedSeconds;
  for (const entry of json.history) delete entry.elapsedSeconds;
  return JSON.stringify(json);
}
