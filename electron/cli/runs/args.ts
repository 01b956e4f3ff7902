/** Parsing of `gmki runs <subcommand> …` (`problem-format.md` §3). */
import { parseArgs } from 'node:util';
import { MAX_ITERATIONS } from '../../../core/problem/limits';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../contract/exports';
import { UsageError } from '../errors';

export const RUNS_SUBCOMMANDS = ['list', 'show', 'resume', 'extend', 'cancel', 'export', 'delete', 'tag'] as const;
export type RunsSubcommand = (typeof RUNS_SUBCOMMANDS)[number];

export interface RunsOptions {
  readonly subcommand: RunsSubcommand;
  readonly runId: string | undefined;
  readonly db: string | undefined;
  readonly json: boolean;
  readonly force: boolean;
  readonly out: string | undefined;
  readonly format: ExportFormat | undefined;
  readonly iterations: number | undefined;
  readonly status: string | undefined;
  readonly tag: string | undefined;
  readonly search: string | undefined;
  readonly limit: number | undefined;
  readonly remove: boolean;
  /** Extra positionals: the tags of `runs tag`. */
  readonly tags: readonly string[];
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  db: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  out: { type: 'string' },
  format: { type: 'string' },
  iterations: { type: 'string' },
  status: { type: 'string' },
  tag: { type: 'string' },
  search: { type: 'string' },
  limit: { type: 'string' },
  remove: { type: 'boolean' },
} as const;

/** Options each subcommand accepts (besides --help and --db). */
const ALLOWED: Record<RunsSubcommand, readonly (keyof typeof OPTIONS)[]> = {
  list: ['json', 'status', 'tag', 'search', 'limit'],
  show: ['json'],
  resume: ['json', 'out', 'force'],
  extend: ['json', 'out', 'force', 'iterations'],
  cancel: [],
  export: ['format', 'out', 'force'],
  delete: [],
  tag: ['remove'],
};

export function parseRunsArgs(args: readonly string[]): RunsOptions | 'help' {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand === '--help' || subcommand === '-h') return 'help';
  if (!(RUNS_SUBCOMMANDS as readonly string[]).includes(subcommand)) {
    throw new UsageError(`runs: unknown subcommand '${subcommand}' (one of ${RUNS_SUBCOMMANDS.join(', ')})`, 'runs');
  }
  const sub = subcommand as RunsSubcommand;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const option = /'(-[^' ]*)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    throw new UsageError(`runs ${sub}: unknown or incomplete option ${option}`.trimEnd(), 'runs');
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  for (const key of Object.keys(values) as (keyof typeof OPTIONS)[]) {
    if (key !== 'help' && key !== 'db' && !ALLOWED[sub].includes(key)) {
      throw new UsageError(`runs ${sub}: option --${key} does not apply here`, 'runs');
    }
  }
  const [runId, ...tags] = positionals;
  if (sub !== 'list' && runId === undefined) throw new UsageError(`runs ${sub}: missing the run id`, 'runs');
  if (sub === 'list' && runId !== undefined) throw new UsageError(`runs list: unexpected argument '${runId}'`, 'runs');
  if (sub !== 'tag' && tags.length > 0) throw new UsageError(`runs ${sub}: unexpected argument '${tags[0]}'`, 'runs');
  if (sub === 'tag' && tags.length === 0) throw new UsageError('runs tag: name at least one tag', 'runs');
  const format = values.format;
  if (sub === 'export' && !isExportFormat(format)) {
    throw new UsageError(`runs export: --format must be one of ${EXPORT_FORMATS.join(', ')}${format ? `, got '${format}'` : ''}`, 'runs');
  }
  const iterations = positiveInteger(sub, 'iterations', values.iterations, MAX_ITERATIONS);
  if (sub === 'extend' && iterations === undefined) throw new UsageError('runs extend: --iterations N is required', 'runs');
  return {
    subcommand: sub,
    runId,
    db: values.db,
    json: values.json === true,
    force: values.force === true,
    out: values.out,
    format: format as ExportFormat | undefined,
    iterations,
    status: values.status,
    tag: values.tag,
    search: values.search,
    limit: positiveInteger(sub, 'limit', values.limit),
    remove: values.remove === true,
    tags,
  };
}

function positiveInteger(sub: string, flag: string, text: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a whole number ≥ 1' : `an integer from 1 to ${max}`;
    throw new UsageError(`runs ${sub}: --${flag}: expected ${range}, got '${text}'`, 'runs');
  }
  return value;
}
