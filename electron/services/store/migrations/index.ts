/**
 * The schema's history and the code that brings a database file up to date: numbered
 * migrations applied in order, one transaction each, tracked by `PRAGMA user_version`
 * (house-style.md). A migration, once released, is never edited: a change is a new file.
 */
import type { Database } from 'better-sqlite3';
import { migration001 } from './001-initial';
import { migration002 } from './002-particles';
import { migration003 } from './003-queued-by';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in order; `MIGRATIONS[i].version === i + 1`. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003];

/** The schema version this software writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The file's schema version (0 for a new, empty database). */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations the file lacks, each in its own IMMEDIATE transaction. The version is
 * read again inside the transaction because another process (the CLI and the app share the file)
 * may have migrated it meanwhile. Returns the versions applied here.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return false;
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer literal from this file, never user input.
      if (!Number.isInteger(migration.version)) throw new Error(`Migration version ${migration.version} is not an integer.`);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}
