/** The shape of one schema migration (the convention: ../README.md, "Migrations"). */
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** The `PRAGMA user_version` the database has after this migration: 1, 2, 3 … without gaps. */
  readonly version: number;
  readonly name: string;
  /** Applies the change; runs inside the migration's own transaction, so it must not commit. */
  up(db: Database): void;
}
