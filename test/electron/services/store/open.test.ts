import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, StoreError, openRunStore } from '../../../../electron/services/store/index';
import { migrate, schemaVersion, type Migration } from '../../../../electron/services/store/migrations/index';
import { makeTempDir, newRun, removeDir, sha256 } from './helpers';

/** The StoreError a call throws (fails the test when it throws something else or nothing). */
function storeErrorOf(call: () => unknown): StoreError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError, but nothing was thrown');
}

describe('opening the run store', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('creates a missing file and its folders, migrated to the current schema in WAL mode', () => {
    const path = join(dir, 'nested', 'deeper', 'gmki.sqlite');
    const store = openRunStore(path);
    store.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(16_384);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['evaluations', 'iterations', 'problems', 'run_logs', 'runs', 'tags']);
    const indexes = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['evaluations_failed', 'problems_by_updated', 'runs_by_created', 'runs_by_status', 'tags_by_tag']);
    db.close();
  });

  it('keeps the data when the file is opened again, without migrating twice', () => {
    const path = join(dir, 'gmki.sqlite');
    const first = openRunStore(path);
    const run = first.createRun(newRun({ name: 'kept' }));
    first.setTags(run.id, ['paper']);
    first.close();
    const second = openRunStore(path);
    expect(second.getRun(run.id)).toEqual({ ...run, tags: ['paper'] });
    expect(second.listRuns().map((r) => r.name)).toEqual(['kept']);
    second.close();
  });

  it('copies the write-ahead log into the file on checkpoint()', () => {
    const path = join(dir, 'gmki.sqlite');
    const store = openRunStore(path);
    const sizeBefore = statSync(path).size;
    for (let i = 0; i < 50; i++) store.createRun(newRun());
    // WAL mode: the commits are in the -wal file, the database file has not changed yet
    expect(statSync(path).size).toBe(sizeBefore);
    store.checkpoint();
    expect(statSync(path).size).toBeGreaterThan(sizeBefore);
    store.close();
  });

  it('turns foreign keys on for every connection, so orphan rows are refused', () => {
    const store = openRunStore(join(dir, 'gmki.sqlite'));
    expect(() => store.appendLog('no-such-run', 'info', 'hello')).toThrow(/There is no run no-such-run/);
    store.close();
  });

  it('refuses a file that is not SQLite with NOT_A_DATABASE, naming the file, and leaves it byte-for-byte untouched', () => {
    const path = join(dir, 'notes.sqlite');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200));
    const before = sha256(path);
    const error = storeErrorOf(() => openRunStore(path));
    expect(error.code).toBe('NOT_A_DATABASE');
    expect(error.message).toBe(`${path} is not an SQLite database, so GMKI Studio cannot keep runs in it; nothing was changed.`);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['notes.sqlite']);
  });

  it('refuses a short non-SQLite file and a folder', () => {
    const path = join(dir, 'tiny');
    writeFileSync(path, 'x');
    const before = sha256(path);
    expect(storeErrorOf(() => openRunStore(path)).code).toBe('NOT_A_DATABASE');
    expect(sha256(path)).toBe(before);
    const folder = join(dir, 'folder.sqlite');
    mkdirSync(folder);
    const error = storeErrorOf(() => openRunStore(folder));
    expect(error.code).toBe('NOT_A_DATABASE');
    expect(error.message).toContain('is a folder');
  });

  it('refuses a file from a newer GMKI Studio with NEWER_SCHEMA and leaves it byte-for-byte untouched', () => {
    const path = join(dir, 'future.sqlite');
    const future = new Database(path);
    future.pragma('journal_mode = WAL');
    future.exec('CREATE TABLE runs (id TEXT PRIMARY KEY, shape_of_the_future BLOB)');
    future.prepare('INSERT INTO runs VALUES (?, ?)').run('r1', Buffer.from([1, 2, 3]));
    future.pragma('user_version = 7');
    future.close();
    const before = sha256(path);
    const filesBefore = readdirSync(dir);

    const error = storeErrorOf(() => openRunStore(path));
    expect(error.code).toBe('NEWER_SCHEMA');
    expect(error.message).toBe(
      `${path} was written by a newer GMKI Studio (schema 7, this version knows ${SCHEMA_VERSION}); nothing was changed. Update GMKI Studio to open it.`,
    );
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(filesBefore);
    expect(storeErrorOf(() => openRunStore(path, { readonly: true })).code).toBe('NEWER_SCHEMA');
    expect(sha256(path)).toBe(before);
  });

  it('opens read-only without writing: a missing file, a file needing migration and a write are refused', () => {
    const missing = join(dir, 'missing.sqlite');
    expect(storeErrorOf(() => openRunStore(missing, { readonly: true })).code).toBe('MISSING_DATABASE');
    expect(existsSync(missing)).toBe(false);

    const old = join(dir, 'old.sqlite');
    new Database(old).close();
    expect(storeErrorOf(() => openRunStore(old, { readonly: true })).code).toBe('OLDER_SCHEMA');

    const path = join(dir, 'gmki.sqlite');
    const writer = openRunStore(path);
    const run = writer.createRun(newRun());
    writer.close();
    const before = sha256(path);
    const reader = openRunStore(path, { readonly: true });
    expect(reader.readonly).toBe(true);
    expect(reader.getRun(run.id)?.name).toBe('first try');
    expect(() => reader.renameRun(run.id, 'renamed')).toThrow(/readonly/i);
    reader.close();
    expect(sha256(path)).toBe(before);
  });

  it('explains a native module that cannot be loaded and points to npm run native:electron', () => {
    const error = storeErrorOf(() => openRunStore(join(dir, 'gmki.sqlite'), { nativeBinding: join(dir, 'electron', 'better_sqlite3.node') }));
    expect(error.code).toBe('NATIVE_MODULE');
    expect(error.message).toContain(join(dir, 'electron', 'better_sqlite3.node'));
    expect(error.message).toContain('npm run native:electron');
  });

  it('loads the native module from an explicit nativeBinding path', () => {
    const binding = join(import.meta.dirname, '..', '..', '..', '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const store = openRunStore(join(dir, 'gmki.sqlite'), { nativeBinding: binding });
    expect(store.countRuns()).toBe(0);
    store.close();
  });

  it('gives an in-memory store for :memory:', () => {
    const store = openRunStore(':memory:');
    store.createRun(newRun());
    expect(store.countRuns()).toBe(1);
    store.close();
  });
});

describe('migrations', () => {
  it('apply in order, one transaction each, recording each version in user_version', () => {
    const db = new Database(':memory:');
    const order: string[] = [];
    const migrations: Migration[] = [
      { version: 1, name: 'one', up: (d) => (order.push('one'), d.exec('CREATE TABLE a (x)')) },
      { version: 2, name: 'two', up: (d) => (order.push('two'), d.exec('CREATE TABLE b (x)')) },
    ];
    expect(migrate(db, migrations)).toEqual([1, 2]);
    expect(order).toEqual(['one', 'two']);
    expect(schemaVersion(db)).toBe(2);
    expect(migrate(db, migrations)).toEqual([]);
    db.close();
  });

  it('roll a failing migration back completely, keeping the versions before it', () => {
    const db = new Database(':memory:');
    const migrations: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE b (x)');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, migrations)).toThrow(/syntax error/);
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(['a']);
    db.close();
  });
});
