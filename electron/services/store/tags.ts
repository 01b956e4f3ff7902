/** Tags of runs: free words a user attaches to find runs again (product.md #12). */
import type { Database } from 'better-sqlite3';
import { requireName } from './checks';
import { sqliteCode } from './errors';
import type { RunStore } from './run-store';

type TagMethods = Pick<RunStore, 'setTags' | 'addTag' | 'removeTag' | 'listTags'>;

const MAX_TAG_LENGTH = 100;

function normalizeTag(tag: string): string {
  return requireName(tag, 'A tag', MAX_TAG_LENGTH);
}

/** Prepares the tag statements once and returns the tag methods. */
export function tagMethods(db: Database): TagMethods {
  const exists = db.prepare<[string], number>(`SELECT 1 FROM runs WHERE id = ?`).pluck();
  const insert = db.prepare(`INSERT OR IGNORE INTO tags (run_id, tag) VALUES (@id, @tag)`);
  const remove = db.prepare(`DELETE FROM tags WHERE run_id = @id AND tag = @tag`);
  const clear = db.prepare(`DELETE FROM tags WHERE run_id = ?`);
  const all = db.prepare<[], { tag: string; runs: number }>(`SELECT tag, count(*) AS runs FROM tags GROUP BY tag ORDER BY tag`);

  const replace = db.transaction((id: string, tags: readonly string[]) => {
    if (exists.get(id) === undefined) return false;
    clear.run(id);
    for (const tag of tags) insert.run({ id, tag });
    return true;
  });

  return {
    setTags(id, tags) {
      const normalized = [...new Set(tags.map(normalizeTag))];
      return replace.immediate(id, normalized);
    },

    addTag(id, tag) {
      const normalized = normalizeTag(tag);
      try {
        insert.run({ id, tag: normalized });
        return true;
      } catch (error) {
        if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
        throw error;
      }
    },

    removeTag(id, tag) {
      return remove.run({ id, tag: tag.trim() }).changes === 1;
    },

    listTags() {
      return all.all();
    },
  };
}
