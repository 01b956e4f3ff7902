/**
 * Schema 3: who queued a run. A run waits `queued` between its creation and the moment its
 * process's worker claims it (owner_pid, owner_host), and a process killed in between left it
 * queued for ever: nobody could tell a live queue from a dead one. queued_by_* name the process
 * that created (queued) the run, so that a dead one's runs become `interrupted` like those of a
 * dead owner. NULL for rows written before this schema and once a run has left `queued`.
 */
import type { Migration } from './types';

const SQL = `
ALTER TABLE runs ADD COLUMN queued_by_pid INTEGER;
ALTER TABLE runs ADD COLUMN queued_by_host TEXT;
`;

export const migration003: Migration = {
  version: 3,
  name: 'the process that queued a run',
  up(db) {
    db.exec(SQL);
  },
};
