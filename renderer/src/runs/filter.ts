/**
 * The runs browser's search, filters and sort, over the list already loaded (runs/list with a
 * high limit): pure and linear, so that typing stays fast with thousands of runs.
 */
import type { RunStatus, RunSummary } from '../../../electron/contract/types';

export interface RunQuery {
  /** Words to find in the name, problem, notes or tags (case-insensitive, every word must match). */
  readonly search: string;
  /** Only runs in one of these states; empty = any. */
  readonly statuses: readonly RunStatus[];
  /** Only runs with every one of these tags; empty = any. */
  readonly tags: readonly string[];
}

export const EMPTY_QUERY: RunQuery = { search: '', statuses: [], tags: [] };

/** The text each run is searched by, lower-cased; built once per run object (runs are replaced, never mutated). */
const haystacks = new WeakMap<RunSummary, string>();
function haystack(run: RunSummary): string {
  let text = haystacks.get(run);
  if (text === undefined) {
    text = `${run.name}\n${run.problemName}\n${run.notes}\n${run.tags.join('\n')}`.toLowerCase();
    haystacks.set(run, text);
  }
  return text;
}

/** The runs that match `query`, in their given order. */
export function filterRuns(runs: readonly RunSummary[], query: RunQuery): RunSummary[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const statuses = new Set(query.statuses);
  return runs.filter(
    (run) =>
      (statuses.size === 0 || statuses.has(run.status)) &&
      query.tags.every((tag) => run.tags.includes(tag)) &&
      (words.length === 0 || words.every((word) => haystack(run).includes(word))),
  );
}

export const SORT_KEYS = ['name', 'status', 'problemName', 'components', 'iterationsDone', 'forwardEvaluations', 'elapsedSeconds', 'createdAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

/**
 * Names sort as people read them: "run 10" after "run 9". One collator for every comparison:
 * localeCompare with options builds a new one per call, hundreds of milliseconds for 1 000 runs.
 */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * A copy of `runs` sorted by `key`; ties keep their order (newest first, as listed). Sort the
 * whole list once and filter the sorted list: filtering keeps the order and needs no sort.
 */
export function sortRuns(runs: readonly RunSummary[], key: SortKey, order: SortOrder): RunSummary[] {
  const sign = order === 'asc' ? 1 : -1;
  const compare = (a: RunSummary, b: RunSummary): number => {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    // ISO times compare as plain strings.
    if (key === 'createdAt') return x < y ? -1 : x > y ? 1 : 0;
    return collator.compare(String(x), String(y));
  };
  return runs
    .map((run, index) => ({ run, index }))
    .sort((a, b) => sign * compare(a.run, b.run) || a.index - b.index)
    .map(({ run }) => run);
}

/** Every tag used by `runs`, alphabetical. */
export function tagsOf(runs: readonly RunSummary[]): string[] {
  return [...new Set(runs.flatMap((run) => run.tags))].sort((a, b) => a.localeCompare(b));
}
