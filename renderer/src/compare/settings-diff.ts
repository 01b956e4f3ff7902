/**
 * The Compare screen's settings diff (issue 4 item 6): every leaf of the runs' problems-as-run,
 * keyed by a JSON-path-like string (`settings.components`, `parameters[0].prior.std`), keeping
 * only the paths whose values differ between runs — or all of them, on request.
 *
 * Arrays of plain values (observation values, a covariance row, a command line) are one leaf: a
 * hundred observations that differ are one row, not a hundred. Arrays holding objects or arrays
 * (parameters, covariance matrices) are walked per index, so `parameters[2].name` names the
 * parameter one run has and another lacks.
 */

/** One setting and its value in each run, in the order the runs were given (undefined = absent). */
export interface DiffRow {
  readonly path: string;
  readonly values: readonly unknown[];
  /** False only when every run has the same value (rows shown with "show all"). */
  readonly differs: boolean;
}

export interface SettingsDiffOptions {
  /** Keep equal paths too (default false: only what differs). */
  readonly all?: boolean;
}

type Leaves = Map<string, unknown>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isComposite = (value: unknown): boolean => typeof value === 'object' && value !== null;

function collect(value: unknown, path: string, into: Leaves): void {
  if (Array.isArray(value) && value.some(isComposite)) {
    value.forEach((item, i) => collect(item, `${path}[${i}]`, into));
    // An empty nested array still says something ("no parameters"): keep it as a leaf.
    if (value.length === 0) into.set(path, value);
  } else if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && path !== '') into.set(path, value);
    for (const key of keys) collect(value[key], path === '' ? key : `${path}.${key}`, into);
  } else {
    into.set(path, value);
  }
}

/** Every leaf of a JSON value by its path (the root of a plain value is the path ''). */
export function leavesOf(value: unknown): Leaves {
  const leaves: Leaves = new Map();
  collect(value, '', leaves);
  return leaves;
}

/** Equality of two leaves: plain values by Object.is (NaN = NaN), arrays and objects by content. */
export function sameLeaf(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isComposite(a) || !isComposite(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a as object);
  const keysB = Object.keys(b as object);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b as object, key) && sameLeaf((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Rows of the diff, one per path, in the order the paths first appear (the first run's order,
 * then paths only later runs have). A path missing from a run has the value undefined there.
 */
export function settingsDiff(sources: readonly unknown[], options: SettingsDiffOptions = {}): DiffRow[] {
  const perRun = sources.map(leavesOf);
  const paths = new Set<string>();
  for (const leaves of perRun) for (const path of leaves.keys()) paths.add(path);
  const rows: DiffRow[] = [];
  for (const path of paths) {
    const values = perRun.map((leaves) => leaves.get(path));
    const differs = values.some((value, r) => r > 0 && (perRun[r].has(path) !== perRun[0].has(path) || !sameLeaf(value, values[0])));
    if (differs || options.all) rows.push({ path, values, differs });
  }
  return rows;
}

/** How a value reads in the table: absent as an em dash, strings bare, everything else as JSON. */
export function formatValue(value: unknown, maxLength = 120): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** What a run is compared by: its problem as run plus what the run records beside it. */
export interface SettingsSourceRun {
  readonly problem: Readonly<Record<string, unknown>>;
  readonly softwareName: string;
  readonly softwareVersion: string;
  readonly modelHash: string | null;
}

/**
 * The object the diff walks for one run: the problem exactly as run (parameters and priors,
 * observations and noise, model, every resolved setting with method and seed), and the software
 * and model file that produced it — two runs of the same file with different model code differ here.
 */
export function settingsSourceOf(run: SettingsSourceRun): Record<string, unknown> {
  return { ...run.problem, software: `${run.softwareName} ${run.softwareVersion}`, modelHash: run.modelHash };
}
