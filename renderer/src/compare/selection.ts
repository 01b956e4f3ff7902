/**
 * The runs picked on the Compare screen as the address carries them (`/compare?runs=a,b,c`, which
 * the runs browser opens), and the names the charts' legends give them.
 */

/** Run ids from the `runs` query: comma-separated, blanks and repeats dropped, order kept. */
export function parseRunsQuery(value: unknown): string[] {
  const parts = (Array.isArray(value) ? value : [value]).filter((part): part is string => typeof part === 'string');
  const ids = parts
    .flatMap((part) => part.split(','))
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

/** The `runs` query for these ids, or undefined for none (so the address has no empty `runs=`). */
export function runsQuery(ids: readonly string[]): string | undefined {
  return ids.length === 0 ? undefined : ids.join(',');
}

/**
 * One legend name per run. ECharts merges series of the same name into one legend entry, so runs
 * that share a name (the same problem run twice) get their short id appended.
 */
export function legendNames(runs: readonly { readonly id: string; readonly name: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const run of runs) counts.set(run.name, (counts.get(run.name) ?? 0) + 1);
  return runs.map((run) => ((counts.get(run.name) ?? 0) > 1 ? `${run.name} (${run.id.slice(0, 8)})` : run.name));
}
