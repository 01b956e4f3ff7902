/**
 * Statements whose SQL depends on which optional filters a query uses: each distinct SQL text is
 * prepared once per store, on first use, then reused. The texts come from constant fragments in
 * code; values are always bound parameters (architecture.md §5).
 */
import type { Database, Statement } from 'better-sqlite3';

/** Prepares `sql` on its first use and returns the same statement for the same text afterwards. */
export type PrepareOnce = <Params extends unknown[] | object, Row>(sql: string, options?: { readonly pluck?: boolean }) => Statement<Params, Row>;

/** A per-store cache of prepared statements keyed by their SQL text. */
export function statementCache(db: Database): PrepareOnce {
  const cache = new Map<string, Statement>();
  return <Params extends unknown[] | object, Row>(sql: string, options: { readonly pluck?: boolean } = {}) => {
    const key = `${options.pluck ? 'pluck:' : ''}${sql}`;
    let statement = cache.get(key);
    if (statement === undefined) {
      statement = db.prepare(sql);
      if (options.pluck) statement.pluck();
      cache.set(key, statement);
    }
    return statement as unknown as Statement<Params, Row>;
  };
}
