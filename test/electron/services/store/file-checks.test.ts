/**
 * What openRunStore refuses, and what SQLite failures mean (issue 11, item 8): other programs'
 * SQLite files, devices, damaged pages, files that cannot be written, a full disk. Real SQLite
 * files; a read-only or full file system is a real tmpfs mount when the tests run as root, and
 * SQLITE_FULL also comes from SQLite itself through PRAGMA max_page_count, which needs no root.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GMKI_APPLICATION_ID } from '../../../../electron/services/store/open';
import { StoreError, openRunStore, storageFailure } from '../../../../electron/services/store/index';
import { iterationEntry, makeTempDir, newRun, randomMixture, removeDir, sha256 } from './helpers';

const IS_ROOT = process.getuid?.() === 0;

function storeErrorOf(call: () => unknown): StoreError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError, but nothing was thrown');
}

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

describe('whose file it is', () => {
  it("refuses another program's SQLite file by its tables or its application id, untouched", () => {
    const notes = join(dir, 'notes.sqlite');
    const other = new Database(notes);
    other.exec('CREATE TABLE notes (body TEXT); CREATE TABLE authors (name TEXT)');
    other.close();
    const tagged = join(dir, 'tagged.sqlite');
    const app = new Database(tagged);
    app.pragma('application_id = 1234');
    app.close();

    for (const [file, whose] of [
      [notes, 'tables authors, notes'],
      [tagged, 'application id 1234'],
    ] as const) {
      const before = sha256(file);
      const error = storeErrorOf(() => openRunStore(file));
      expect(error.code).toBe('NOT_A_DATABASE');
      expect(error.message).toBe(`${file} is an SQLite database of another program (${whose}), not a GMKI Studio database; nothing was changed.`);
      expect(sha256(file)).toBe(before);
      expect(existsSync(`${file}-wal`)).toBe(false);
    }
  });

  it("marks its own files with GMKI Studio's application id, an earlier file included, and a read-only open leaves it", () => {
    const fresh = join(dir, 'fresh.sqlite');
    openRunStore(fresh).close();
    expect(applicationId(fresh)).toBe(GMKI_APPLICATION_ID);

    const earlier = join(dir, 'earlier.sqlite');
    const store = openRunStore(earlier);
    const run = store.createRun(newRun());
    store.close();
    const raw = new Database(earlier);
    raw.pragma('application_id = 0'); // as files were written before application ids
    raw.close();
    openRunStore(earlier, { readonly: true }).close();
    expect(applicationId(earlier)).toBe(0);
    const reopened = openRunStore(earlier);
    expect(reopened.getRun(run.id)?.name).toBe('first try');
    reopened.close();
    expect(applicationId(earlier)).toBe(GMKI_APPLICATION_ID);
  });

  it.skipIf(process.platform === 'win32')('refuses a device, a pipe or a socket without creating anything beside it', () => {
    const error = storeErrorOf(() => openRunStore('/dev/null'));
    expect(error.code).toBe('NOT_A_DATABASE');
    expect(error.message).toBe('/dev/null is not a regular file (it is a device, a pipe or a socket), so it cannot hold a GMKI Studio database; nothing was changed.');
    expect(existsSync('/dev/null-journal')).toBe(false);
  });
});

describe('a damaged file', () => {
  it('is refused by the quick check of a writable open, untouched; a read-only open skips the check unless asked', () => {
    const path = join(dir, 'gmki.sqlite');
    const store = openRunStore(path);
    const run = store.createRun(newRun());
    store.close();
    const raw = new Database(path, { readonly: true });
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    const root = raw.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'iterations'`).pluck().get() as number;
    raw.close();
    const bytes = readFileSync(path);
    bytes[(root - 1) * pageSize] = 0x00; // the b-tree page's type: not one SQLite knows
    writeFileSync(path, bytes);
    const before = sha256(path);

    const error = storeErrorOf(() => openRunStore(path));
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(new RegExp(`^${escape(path)} is damaged \\(SQLite found: .+\\); nothing was changed\\. Keep a copy of it\\.`));
    expect(error.message).toContain(`sqlite3 "${path}" .recover | sqlite3 recovered.sqlite`);
    expect(sha256(path)).toBe(before);

    const reader = openRunStore(path, { readonly: true });
    expect(reader.getRun(run.id)?.id).toBe(run.id); // the runs table is intact
    reader.close();
    expect(storeErrorOf(() => openRunStore(path, { readonly: true, integrityCheck: true })).code).toBe('CORRUPT');
  });
});

describe('a file that cannot be written', () => {
  it('is refused by a writable open (READ_ONLY) and read by a read-only one', () => {
    const folder = join(dir, 'mount');
    mkdirSync(folder);
    const path = join(folder, 'gmki.sqlite');
    const store = openRunStore(path);
    const run = store.createRun(newRun());
    store.close();
    const release = makeReadOnly(folder, path);
    try {
      const error = storeErrorOf(() => openRunStore(path));
      expect(error.code).toBe('READ_ONLY');
      expect(error.message).toMatch(new RegExp(`^${escape(path)} (is read-only|cannot be written: its folder)`));
      if (IS_ROOT) {
        // The folder is read-only too (a read-only mount): SQLite cannot create its -shm file.
        const unreadable = storeErrorOf(() => openRunStore(path, { readonly: true }));
        expect(unreadable.code).toBe('READ_ONLY');
        expect(unreadable.message).toContain('Copy the database to a folder you can write, and open the copy.');
      } else {
        const reader = openRunStore(path, { readonly: true });
        expect(reader.getRun(run.id)?.id).toBe(run.id);
        reader.close();
      }
    } finally {
      release();
    }
  });
});

describe('a full disk', () => {
  it('makes SQLITE_FULL (from PRAGMA max_page_count) a DISK_FULL error naming the file, with the committed data intact', () => {
    const path = join(dir, 'gmki.sqlite');
    const store = openRunStore(path);
    const run = store.createRun(newRun());
    store.close();
    const db = new Database(path);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let failure: unknown = null;
    try {
      db.prepare('INSERT INTO run_logs (run_id, seq, at, stream, text) VALUES (?, 1, ?, ?, ?)').run(run.id, 'now', 'info', 'x'.repeat(200_000));
    } catch (error) {
      failure = error;
    }
    db.close();
    expect((failure as { code?: string }).code).toBe('SQLITE_FULL');
    const translated = storageFailure(failure, path);
    expect(translated).toMatchObject({ code: 'DISK_FULL', message: `the disk is full (${path})` });
    const reader = openRunStore(path);
    expect(reader.getRun(run.id)?.id).toBe(run.id);
    expect(reader.getLogs(run.id)).toEqual([]);
    reader.close();
  });

  it('on a real full file system, fails an iteration commit whole, closes cleanly, and the run resumes its state once there is room', (context) => {
    const mount = join(dir, 'tiny');
    mkdirSync(mount);
    if (!IS_ROOT || process.platform !== 'linux') {
      console.log('skipped: mounting a tmpfs needs root on Linux');
      rmdirSync(mount);
      context.skip();
      return;
    }
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mount]);
    try {
      const path = join(mount, 'gmki.sqlite');
      const store = openRunStore(path);
      const run = store.createRun(newRun({ nTheta: 8 }));
      store.claimRun(run.id, { pid: process.pid, host: 'test' });
      let committed = 0;
      let failure: unknown = null;
      try {
        for (let i = 0; i < 1000; i++) {
          store.commitIteration(run.id, iterationEntry(i, randomMixture(6, 8, i + 1)), []);
          committed = i + 1;
        }
      } catch (error) {
        failure = error;
      }
      expect(storageFailure(failure, path)).toMatchObject({ code: 'DISK_FULL', message: `the disk is full (${path})` });
      expect(committed).toBeGreaterThan(0);
      expect(store.getIterations(run.id)).toHaveLength(committed);
      // Even the run's status cannot be written now; closing must still let go of the file.
      expect(
        storageFailure(
          errorOf(() => store.finishRun(run.id, 'interrupted', 'full')),
          path,
        )?.code,
      ).toBe('DISK_FULL');
      store.close();

      execFileSync('mount', ['-o', 'remount,size=16m', mount]);
      const reopened = openRunStore(path);
      expect(reopened.markDeadRunsInterrupted(() => false)).toEqual([run.id]);
      expect(reopened.getRun(run.id)).toMatchObject({ status: 'interrupted', iterationsDone: committed - 1 });
      expect(reopened.getIterations(run.id)).toHaveLength(committed);
      reopened.close();
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});

function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

function applicationId(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('application_id', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/**
 * Makes `path` unwritable for this process: a read-only remount of a tmpfs holding it when root
 * (root may write any file whatever its mode), the file's mode otherwise. Returns the undo.
 */
function makeReadOnly(folder: string, path: string): () => void {
  if (!IS_ROOT) {
    chmodSync(path, 0o444);
    return () => chmodSync(path, 0o644);
  }
  const copy = readFileSync(path);
  for (const name of readdirSync(folder)) execFileSync('rm', ['-f', join(folder, name)]);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', folder]);
  writeFileSync(path, copy);
  execFileSync('mount', ['-o', 'remount,ro', folder]);
  return () => execFileSync('umount', [folder]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
