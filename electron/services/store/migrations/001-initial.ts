/**
 * Schema 1: problems, runs, iterations, the evaluation ledger, run logs and tags
 * (architecture.md §4). Tables are STRICT so that a wrong type is an error, not a silent
 * conversion; CHECKs hold the invariants other code relies on (status values, array sizes,
 * an owner exactly while running).
 */
import type { Migration } from './types';

const SQL = `
CREATE TABLE problems (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL,
  content    TEXT NOT NULL CHECK (json_valid(content)),
  dir        TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX problems_by_updated ON problems (updated_at);

CREATE TABLE runs (
  id                  TEXT PRIMARY KEY NOT NULL,
  name                TEXT NOT NULL,
  status              TEXT NOT NULL
                      CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
  problem             TEXT NOT NULL CHECK (json_valid(problem)),
  -- copied out of the problem JSON so that listing and search never parse it
  problem_name        TEXT NOT NULL,
  problem_dir         TEXT,
  method              TEXT NOT NULL,
  seed                INTEGER NOT NULL,
  components          INTEGER NOT NULL CHECK (components >= 1),
  n_theta             INTEGER NOT NULL CHECK (n_theta >= 1),
  iterations          INTEGER NOT NULL CHECK (iterations >= 0),
  iterations_done     INTEGER NOT NULL DEFAULT 0 CHECK (iterations_done >= 0),
  forward_evaluations INTEGER NOT NULL DEFAULT 0,
  elapsed_seconds     REAL NOT NULL DEFAULT 0,
  software_name       TEXT NOT NULL,
  software_version    TEXT NOT NULL,
  model_hash          TEXT,
  error               TEXT,
  notes               TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  started_at          TEXT,
  finished_at         TEXT,
  owner_pid           INTEGER,
  owner_host          TEXT,
  cancel_requested    INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
  -- one writer per run: a running run has an owner, no other run has one
  CHECK ((status = 'running') = (owner_pid IS NOT NULL AND owner_host IS NOT NULL))
) STRICT;
-- newest first, whole list or one status; rowid breaks ties between runs created in one millisecond
CREATE INDEX runs_by_created ON runs (created_at);
CREATE INDEX runs_by_status ON runs (status, created_at);

CREATE TABLE iterations (
  run_id              TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  iteration           INTEGER NOT NULL CHECK (iteration >= 0),
  n_components        INTEGER NOT NULL CHECK (n_components >= 1),
  n_theta             INTEGER NOT NULL CHECK (n_theta >= 1),
  forward_evaluations INTEGER NOT NULL CHECK (forward_evaluations >= 0),
  elapsed_seconds     REAL NOT NULL,
  committed_at        TEXT NOT NULL,
  diagnostics         TEXT NOT NULL CHECK (json_valid(diagnostics)),
  -- little-endian Float64: K, K×d and K×d×d values, row-major. Last, because SQLite reaches a
  -- column stored after a 1 MB BLOB only by walking the BLOB's overflow pages.
  log_weights         BLOB NOT NULL CHECK (length(log_weights) = 8 * n_components),
  means               BLOB NOT NULL CHECK (length(means) = 8 * n_components * n_theta),
  covariances         BLOB NOT NULL CHECK (length(covariances) = 8 * n_components * n_theta * n_theta),
  PRIMARY KEY (run_id, iteration)
) STRICT;

CREATE TABLE evaluations (
  run_id      TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  iteration   INTEGER NOT NULL CHECK (iteration >= 0),
  point_index INTEGER NOT NULL CHECK (point_index >= 0),
  component   INTEGER NOT NULL CHECK (component >= 0),
  sigma_point INTEGER NOT NULL CHECK (sigma_point >= 0),
  duration_ms REAL NOT NULL,
  slot        INTEGER NOT NULL,
  attempts    INTEGER NOT NULL CHECK (attempts >= 1),
  error       TEXT,
  theta       BLOB NOT NULL CHECK (length(theta) % 8 = 0),
  output      BLOB CHECK (output IS NULL OR length(output) % 8 = 0),
  -- an evaluation either produced an output or says why not
  CHECK (output IS NOT NULL OR error IS NOT NULL),
  PRIMARY KEY (run_id, iteration, point_index)
) STRICT;
CREATE INDEX evaluations_failed ON evaluations (run_id, iteration, point_index) WHERE error IS NOT NULL;

CREATE TABLE run_logs (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq    INTEGER NOT NULL CHECK (seq >= 1),
  at     TEXT NOT NULL,
  stream TEXT NOT NULL CHECK (stream IN ('stdout', 'stderr', 'info', 'warning', 'error')),
  text   TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
) STRICT;

CREATE TABLE tags (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  tag    TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 100),
  PRIMARY KEY (run_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags (tag);
`;

export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(SQL);
  },
};
