/** Problem files saved from the app (the problem editor's documents; runs keep their own copy). */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { nowIso, requireName } from './checks';
import type { RunStore } from './run-store';
import type { ProblemRecord, ProblemSummary } from './types';

type ProblemMethods = Pick<RunStore, 'saveProblem' | 'getProblem' | 'listProblems' | 'deleteProblem'>;

interface ProblemRow {
  id: string;
  name: string;
  dir: string | null;
  created_at: string;
  updated_at: string;
  content: string;
}

function toSummary(row: Omit<ProblemRow, 'content'>): ProblemSummary {
  return { id: row.id, name: row.name, dir: row.dir, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toRecord(row: ProblemRow): ProblemRecord {
  return { ...toSummary(row), content: JSON.parse(row.content) as Record<string, unknown> };
}

/** Prepares the problem statements once and returns save, get, list and delete. */
export function problemMethods(db: Database): ProblemMethods {
  // An update keeps created_at: the upsert only touches what changed.
  const upsert = db.prepare(`
    INSERT INTO problems (id, name, content, dir, created_at, updated_at)
    VALUES (@id, @name, @content, @dir, @now, @now)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, content = excluded.content, dir = excluded.dir,
                                   updated_at = excluded.updated_at`);
  const select = db.prepare<[string], ProblemRow>(`SELECT id, name, dir, created_at, updated_at, content FROM problems WHERE id = ?`);
  const list = db.prepare<[], Omit<ProblemRow, 'content'>>(`SELECT id, name, dir, created_at, updated_at FROM problems ORDER BY updated_at DESC, rowid DESC`);
  const remove = db.prepare(`DELETE FROM problems WHERE id = ?`);

  return {
    saveProblem(problem) {
      const id = problem.id ?? randomUUID();
      upsert.run({ id, name: requireName(problem.name, 'A problem name', 200), content: JSON.stringify(problem.content), dir: problem.dir, now: nowIso() });
      return toRecord(select.get(id)!);
    },

    getProblem(id) {
      const row = select.get(id);
      return row === undefined ? null : toRecord(row);
    },

    listProblems() {
      return list.all().map(toSummary);
    },

    deleteProblem(id) {
      return remove.run(id).changes === 1;
    },
  };
}
