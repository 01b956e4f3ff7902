/**
 * Finding runs: list and count with optional status, tag and text filters, newest first.
 *
 * Each combination of filters gets its own statement (at most eight, each prepared once per store
 * on first use: statement-cache.ts), so that SQLite can pick the index that fits —
 * `runs_by_status` for a status, `tags_by_tag` for a tag, `runs_by_created` otherwise — instead
 * of one catch-all `(@x IS NULL OR …)` query that can only scan.
 */
import type { Database } from 'better-sqlite3';
import { requireCount } from './checks';
import { SUMMARY_COLUMNS, type SummaryRow, toRunSummary } from './run-rows';
import { statementCache } from './statement-cache';
import type { RunStore } from './run-store';
import type { RunQuery } from './types';

type ListingMethods = Pick<RunStore, 'listRuns' | 'countRuns'>;

const STATUS_CLAUSE = 'r.status = @status';
const TAG_CLAUSE = 'r.id IN (SELECT t.run_id FROM tags t WHERE t.tag = @tag)';
// char(31) (unit separator) between the fields, so a match cannot span two of them.
const SEARCH_CLAUSE = `instr(gmki_fold(r.name || char(31) || r.problem_name || char(31) || r.notes || char(31) ||
  coalesce((SELECT group_concat(t.tag, char(31)) FROM tags t WHERE t.run_id = r.id), '')), @search) > 0`;

interface Filters {
  readonly status?: string;
  readonly tag?: string;
  readonly search?: string;
}

/** Case folding for search: SQLite's own lower()/LIKE fold ASCII only, users name runs in any script. */
function fold(text: string): string {
  return text.toLowerCase();
}

function filtersOf(query: RunQuery): Filters {
  const search = query.search?.trim();
  return {
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.tag === undefined ? {} : { tag: query.tag.trim() }),
    ...(search ? { search: fold(search) } : {}),
  };
}

function whereClause(filters: Filters): string {
  const clauses: string[] = [];
  if (filters.status !== undefined) clauses.push(STATUS_CLAUSE);
  if (filters.tag !== undefined) clauses.push(TAG_CLAUSE);
  if (filters.search !== undefined) clauses.push(SEARCH_CLAUSE);
  return clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
}

/** The SELECT behind `listRuns(query)` (exported so that a test can check its query plan). */
export function listRunsSql(query: RunQuery): string {
  return `SELECT ${SUMMARY_COLUMNS} FROM runs r ${whereClause(filtersOf(query))} ORDER BY r.created_at DESC, r.rowid DESC LIMIT @limit OFFSET @offset`;
}

/** Returns the listing methods; their statements are prepared once per filter combination. */
export function listingMethods(db: Database): ListingMethods {
  db.function('gmki_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : text));
  const prepare = statementCache(db);

  return {
    listRuns(query = {}) {
      const filters = filtersOf(query);
      // LIMIT -1 is SQLite's "no limit".
      const limit = query.limit === undefined ? -1 : requireCount(query.limit, 'The list limit');
      const offset = query.offset === undefined ? 0 : requireCount(query.offset, 'The list offset');
      const statement = prepare<[Record<string, unknown>], SummaryRow>(listRunsSql(query));
      return statement.all({ ...filters, limit, offset }).map(toRunSummary);
    },

    countRuns(query = {}) {
      const filters = filtersOf(query);
      const statement = prepare<[Record<string, unknown>], number>(`SELECT count(*) FROM runs r ${whereClause(filters)}`, { pluck: true });
      return statement.get({ ...filters }) ?? 0;
    },
  };
}
